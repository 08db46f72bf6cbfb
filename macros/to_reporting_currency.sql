{#- An amount converted with the rates joined by fx_rate_joins, rounded to
    the cent. Null when the currency is unknown (such rows are quarantined)
    and when the converted amount would not fit the money type (1e15 or
    more; the plausibility bounds quarantine such rows long before). The
    product is computed in decimal(38, 6): a large amount times a rate
    overflows decimal(18). -#}
{% macro to_reporting_currency(amount, prefix) -%}
    {%- set fits -%}
        {{ reporting_magnitude(amount, prefix) }} < 1e15
    {%- endset -%}
    cast(round(
        cast((case when {{ fits }} then {{ amount }} end) as decimal(38, 6))
        * {{ prefix }}_fx_from.eur_per_unit
        / {{ prefix }}_fx_to.eur_per_unit,
        2
    ) as decimal(18, 2))
{%- endmacro %}
