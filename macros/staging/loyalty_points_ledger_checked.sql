{#- Loyalty ledger entries checked against the members they book points
    for: an entry of a member who is not staged is quarantined as
    `orphan_member_id`. -#}
{% macro loyalty_points_ledger_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_loyalty__members') }}) as members
        on base.member_id = members.member_id
{%- endset -%}
{{ checked_rows('base_loyalty__points_ledger', joins, [
    ('members.member_id is null', 'orphan_member_id'),
], rows=rows) }}
{%- endmacro %}
