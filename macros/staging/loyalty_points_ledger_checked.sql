{#- Loyalty ledger entries checked against the members they book points
    for: an entry of a member who is not staged is quarantined as
    `orphan_member_id`. -#}
{% macro loyalty_points_ledger_checked(rows='staged') -%}
{{ checked_against_parent(
    'base_loyalty__points_ledger', 'base_loyalty__members', 'member_id',
    'member_id', 'orphan_member_id', rows=rows
) }}
{%- endmacro %}
