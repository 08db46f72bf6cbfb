{#- The money columns of a sales line: net amount in the line's currency
    and unit price, discount and net amount in the reporting currency (with
    the rates joined by fx_rate_joins under `prefix`). A quantity times a
    price too large for the money type (above 1e15) gives a null net amount
    instead of an overflow error; line_plausibility_checks quarantines the
    line. -#}
{% macro line_net_amount(quantity, unit_price, discount_amount) -%}
    {%- set product_fits -%}
        abs(cast({{ quantity }} as double) * cast({{ unit_price }} as double)) < 1e15
    {%- endset -%}
    (case when {{ product_fits }} then {{ quantity }} end) * {{ unit_price }}
    - coalesce({{ discount_amount }}, 0)
{%- endmacro %}

{#- (expression, name) of a line's unit price, discount and net amount in
    the reporting currency, for checked_rows' `columns`. -#}
{% macro line_amounts_reporting(relation, prefix) -%}
    {{ return([
        (to_reporting_currency(relation ~ '.unit_price', prefix),
         'unit_price_reporting'),
        (to_reporting_currency(relation ~ '.discount_amount', prefix),
         'discount_amount_reporting'),
        (to_reporting_currency(relation ~ '.line_net_amount', prefix),
         'line_net_amount_reporting'),
    ]) }}
{%- endmacro %}

{#- Quarantine checks (for quarantine_reason) that keep absurd sales lines
    out of every figure: a quantity above var max_line_quantity, or a net
    amount above var max_line_amount_reporting in the reporting currency
    (or too large to compute at all). -#}
{% macro line_plausibility_checks(relation, prefix) -%}
    {%- set net_reporting = reporting_magnitude(relation ~ '.line_net_amount', prefix) -%}
    {{ return([
        ('abs(' ~ relation ~ '.quantity) > ' ~ var('max_line_quantity'),
         'implausible_quantity'),
        ('(' ~ relation ~ '.line_net_amount is null and ' ~ relation
         ~ '.quantity is not null and ' ~ relation ~ '.unit_price is not null) or '
         ~ net_reporting ~ ' > ' ~ var('max_line_amount_reporting'),
         'implausible_line_amount'),
    ]) }}
{%- endmacro %}

{#- The size of an amount in the reporting currency as a double, for
    plausibility checks that must not overflow the money type. -#}
{% macro reporting_magnitude(amount, prefix) -%}
    abs(cast({{ amount }} as double)
        * cast({{ prefix }}_fx_from.eur_per_unit as double)
        / cast({{ prefix }}_fx_to.eur_per_unit as double))
{%- endmacro %}
