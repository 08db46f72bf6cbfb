{#- Shop orders checked against the shop accounts they name: an order of
    an account that is not staged is quarantined as `orphan_customer_id`
    (guest checkouts name no account). -#}
{% macro shop_orders_checked(rows='staged') -%}
{{ checked_against_parent(
    'base_shop__orders', 'base_shop__customers', 'customer_id', 'customer_id',
    'orphan_customer_id', optional=true, rows=rows
) }}
{%- endmacro %}
