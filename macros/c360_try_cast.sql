{#- Cast that gives null instead of an error when the value does not fit the
    type ("2023-02-30" as a date). dbt's own `safe_cast` is a plain cast on
    DuckDB. -#}
{% macro c360_try_cast(expression, type) -%}
    {{ return(adapter.dispatch('c360_try_cast', 'c360')(expression, type)) }}
{%- endmacro %}

{% macro default__c360_try_cast(expression, type) -%}
    try_cast({{ expression }} as {{ type }})
{%- endmacro %}

{% macro postgres__c360_try_cast(expression, type) -%}
    cast({{ expression }} as {{ type }})
{%- endmacro %}
