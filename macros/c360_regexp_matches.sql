{#- True when the expression contains a match of the regular expression. -#}
{% macro c360_regexp_matches(expression, pattern) -%}
    {{ return(adapter.dispatch('c360_regexp_matches', 'c360')(expression, pattern)) }}
{%- endmacro %}

{% macro default__c360_regexp_matches(expression, pattern) -%}
    regexp_like({{ expression }}, {{ c360_string_literal(pattern) }})
{%- endmacro %}

{% macro duckdb__c360_regexp_matches(expression, pattern) -%}
    regexp_matches({{ expression }}, {{ c360_string_literal(pattern) }})
{%- endmacro %}

{% macro spark__c360_regexp_matches(expression, pattern) -%}
    ({{ expression }} rlike {{ c360_string_literal(pattern) }})
{%- endmacro %}

{% macro postgres__c360_regexp_matches(expression, pattern) -%}
    ({{ expression }} ~ {{ c360_string_literal(pattern) }})
{%- endmacro %}
