{#- An amount converted with the rates joined by fx_rate_joins, rounded to
    the cent. Null when the currency is unknown (such rows are quarantined)
    and when the converted amount would not fit the money type (1e15 or
    more; the plausibility bounds quarantine such rows long before). The
    conversion is computed in doubles and rounded by round_to_cents, so
    every engine gives the same cent (Spark divides decimals to six places,
    DuckDB in doubles). -#}
{% macro to_reporting_currency(amount, prefix) -%}
    {%- set fits -%}
        {{ reporting_magnitude(amount, prefix) }} < 1e15
    {%- endset -%}
    {{ round_to_cents(
        'cast((case when ' ~ fits ~ ' then ' ~ amount ~ ' end) as double)'
        ~ ' * cast(' ~ prefix ~ '_fx_from.eur_per_unit as double)'
        ~ ' / cast(' ~ prefix ~ '_fx_to.eur_per_unit as double)'
    ) }}
{%- endmacro %}
