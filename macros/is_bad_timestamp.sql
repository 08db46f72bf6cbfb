{#- A timestamp that cannot be true: missing, before var('min_valid_date'),
    or later than the extract that delivered it (plus one day of clock skew). -#}
{% macro is_bad_timestamp(expression, loaded_at='_loaded_at') -%}
    (
        {{ expression }} is null
        or {{ expression }} < cast('{{ var("min_valid_date") }}' as timestamp)
        or {{ expression }} > {{ dbt.dateadd('day', 1, loaded_at) }}
    )
{%- endmacro %}
