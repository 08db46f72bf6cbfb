{#- Shop orders checked against the shop accounts they name: an order of
    an account that is not staged is quarantined as `orphan_customer_id`
    (guest checkouts name no account). -#}
{% macro shop_orders_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_shop__customers') }}) as customers
        on base.customer_id = customers.customer_id
{%- endset -%}
{{ checked_rows('base_shop__orders', joins, [
    ('base.customer_id is not null and customers.customer_id is null',
     'orphan_customer_id'),
], rows=rows) }}
{%- endmacro %}
