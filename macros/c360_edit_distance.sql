{#- Number of single-character edits (insert, delete, substitute, swap of
    neighbours where the engine supports it) between two strings. -#}
{% macro c360_edit_distance(left, right) -%}
    {{ return(adapter.dispatch('c360_edit_distance', 'c360')(left, right)) }}
{%- endmacro %}

{% macro default__c360_edit_distance(left, right) -%}
    case when {{ left }} = {{ right }} then 0 else 99 end
{%- endmacro %}

{% macro duckdb__c360_edit_distance(left, right) -%}
    damerau_levenshtein({{ left }}, {{ right }})
{%- endmacro %}

{% macro postgres__c360_edit_distance(left, right) -%}
    {#- needs the fuzzystrmatch extension -#}
    levenshtein({{ left }}, {{ right }})
{%- endmacro %}
