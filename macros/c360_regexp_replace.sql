{#- Replace every match of a regular expression (global, RE2/Java syntax). -#}
{% macro c360_regexp_replace(expression, pattern, replacement) -%}
    {{ return(adapter.dispatch('c360_regexp_replace', 'c360')(expression, pattern, replacement)) }}
{%- endmacro %}

{% macro default__c360_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ c360_string_literal(pattern) }}, {{ c360_string_literal(replacement) }})
{%- endmacro %}

{% macro duckdb__c360_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ c360_string_literal(pattern) }}, {{ c360_string_literal(replacement) }}, 'g')
{%- endmacro %}

{% macro postgres__c360_regexp_replace(expression, pattern, replacement) -%}
    regexp_replace({{ expression }}, {{ c360_string_literal(pattern) }}, {{ c360_string_literal(replacement) }}, 'g')
{%- endmacro %}
