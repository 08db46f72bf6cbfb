{#- Joins the rates that convert `currency` on `on_date` into the reporting
    currency (var reporting_currency). The fx_rates seed quotes every
    currency in EUR; the cross rate goes through EUR. Use with
    to_reporting_currency(amount, prefix). -#}
{% macro fx_rate_joins(prefix, currency, on_date) -%}
    left join {{ ref('fx_rates') }} as {{ prefix }}_fx_from
        on {{ currency }} = {{ prefix }}_fx_from.currency_code
        and cast({{ on_date }} as date) >= {{ prefix }}_fx_from.valid_from
        and cast({{ on_date }} as date) < {{ prefix }}_fx_from.valid_to
    left join {{ ref('fx_rates') }} as {{ prefix }}_fx_to
        on {{ prefix }}_fx_to.currency_code = '{{ var("reporting_currency") }}'
        and cast({{ on_date }} as date) >= {{ prefix }}_fx_to.valid_from
        and cast({{ on_date }} as date) < {{ prefix }}_fx_to.valid_to
{%- endmacro %}
