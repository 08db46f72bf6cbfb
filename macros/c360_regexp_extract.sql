{#- The first part of the expression the regular expression matches, or
    null when it matches nowhere (or the expression is null). A pattern that
    can match the empty string cannot tell "matched nothing" from "no
    match": use one that cannot. -#}
{% macro c360_regexp_extract(expression, pattern) -%}
    {{ return(adapter.dispatch('c360_regexp_extract', 'c360')(expression, pattern)) }}
{%- endmacro %}

{% macro default__c360_regexp_extract(expression, pattern) -%}
    nullif(regexp_extract({{ expression }}, {{ c360_string_literal(pattern) }}, 0), '')
{%- endmacro %}

{% macro postgres__c360_regexp_extract(expression, pattern) -%}
    substring({{ expression }} from {{ c360_string_literal(pattern) }})
{%- endmacro %}
