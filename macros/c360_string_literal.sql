{#- A SQL string literal holding exactly `value`. Each engine escapes in
    its own way: DuckDB and Postgres double a quote and keep backslashes;
    Spark reads backslash escapes, so a backslash is doubled and a quote is
    written \' (a doubled quote there would join two literals and drop it). -#}
{% macro c360_string_literal(value) -%}
    {{ return(adapter.dispatch('c360_string_literal', 'c360')(value)) }}
{%- endmacro %}

{% macro default__c360_string_literal(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}

{% macro spark__c360_string_literal(value) -%}
    '{{ value | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}
