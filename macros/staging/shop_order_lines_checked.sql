{#- Shop order lines checked against the staged orders they belong to.
    A line takes currency and date from its order; a line of an order that
    is not staged (unknown or quarantined) cannot be valued and is
    quarantined as `orphan_order_id`. Amounts convert with the rate of the
    order's currency on the order date; an implausible line is quarantined
    (line_plausibility_checks). -#}
{% macro shop_order_lines_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ shop_orders_checked(rows='passed') }}) as orders
        on base.order_id = orders.order_id
    {{ fx_rate_joins('lines', 'orders.currency_code', 'orders.ordered_at') }}
{%- endset -%}
{{ checked_rows('base_shop__order_lines', joins,
    [('orders.order_id is null', 'orphan_order_id')]
    + line_plausibility_checks('base', 'lines'),
    columns=[('orders.currency_code', 'currency_code'),
             ('orders.ordered_at', 'ordered_at')]
    + line_amounts_reporting('base', 'lines'),
    rows=rows) }}
{%- endmacro %}
