{#- The money columns of a sales line: net amount in the line's currency
    and unit price, discount and net amount in the reporting currency (with
    the rates joined by fx_rate_joins under `prefix`). -#}
{% macro line_net_amount(quantity, unit_price, discount_amount) -%}
    {{ quantity }} * {{ unit_price }} - coalesce({{ discount_amount }}, 0)
{%- endmacro %}

{% macro line_amounts_reporting(relation, prefix) -%}
    {{ to_reporting_currency(relation ~ '.unit_price', prefix) }}
        as unit_price_reporting,
        {{ to_reporting_currency(relation ~ '.discount_amount', prefix) }}
        as discount_amount_reporting,
        {{ to_reporting_currency(relation ~ '.line_net_amount', prefix) }}
        as line_net_amount_reporting
{%- endmacro %}
