{#- Lowercase hex SHA-256 of a string expression (null stays null).
    Dispatched: DuckDB has sha256(); Spark and the default use sha2(x, 256). -#}
{% macro c360_sha256(expression) -%}
    {{ return(adapter.dispatch('c360_sha256', 'c360')(expression)) }}
{%- endmacro %}

{% macro default__c360_sha256(expression) -%}
    sha2({{ expression }}, 256)
{%- endmacro %}

{% macro duckdb__c360_sha256(expression) -%}
    sha256({{ expression }})
{%- endmacro %}
