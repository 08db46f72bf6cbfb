{#- Web identify calls checked against the shop accounts they name (the
    site logs its shop customer id as user_id): a call naming an account
    that is not staged is quarantined as `orphan_user_id`. The one
    reference that crosses systems in staging. -#}
{% macro web_identifies_checked(rows='staged') -%}
{{ checked_against_parent(
    'base_web__identifies', 'base_shop__customers', 'user_id', 'customer_id',
    'orphan_user_id', rows=rows
) }}
{%- endmacro %}
