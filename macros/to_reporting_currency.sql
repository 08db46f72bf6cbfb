{#- An amount converted with the rates joined by fx_rate_joins, rounded to
    the cent. Null when the currency is unknown (such rows are quarantined). -#}
{% macro to_reporting_currency(amount, prefix) -%}
    cast(round(
        {{ amount }} * {{ prefix }}_fx_from.eur_per_unit
        / {{ prefix }}_fx_to.eur_per_unit,
        2
    ) as decimal(18, 2))
{%- endmacro %}
