{#- A date from text in any of var('birth_date_formats'); null when none
    fits (the caller flags raw values that did not parse). -#}
{% macro parse_date(expression) -%}
    {{ return(adapter.dispatch('parse_date', 'c360')(expression)) }}
{%- endmacro %}

{% macro default__parse_date(expression) -%}
    try_cast({{ expression }} as date)
{%- endmacro %}

{% macro duckdb__parse_date(expression) -%}
    cast(try_strptime(
        {{ clean_text(expression) }},
        [{% for f in var('birth_date_formats') %}'{{ f }}'{% if not loop.last %}, {% endif %}{% endfor %}]
    ) as date)
{%- endmacro %}
