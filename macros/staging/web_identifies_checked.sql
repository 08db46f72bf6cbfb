{#- Web identify calls checked against the shop accounts they name (the
    site logs its shop customer id as user_id): a call naming an account
    that is not staged is quarantined as `orphan_user_id`. The one
    reference that crosses systems in staging. -#}
{% macro web_identifies_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_shop__customers') }}) as customers
        on base.user_id = customers.customer_id
{%- endset -%}
{{ checked_rows('base_web__identifies', joins, [
    ('customers.customer_id is null', 'orphan_user_id'),
], rows=rows) }}
{%- endmacro %}
