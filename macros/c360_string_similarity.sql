{#- Similarity of two short strings in [0, 1] (Jaro-Winkler where the engine
    has it): 1 for equal strings, near 1 for a typo, low for other words. -#}
{% macro c360_string_similarity(left, right) -%}
    {{ return(adapter.dispatch('c360_string_similarity', 'c360')(left, right)) }}
{%- endmacro %}

{% macro default__c360_string_similarity(left, right) -%}
    case when {{ left }} = {{ right }} then 1.0 else 0.0 end
{%- endmacro %}

{% macro duckdb__c360_string_similarity(left, right) -%}
    jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}

{% macro postgres__c360_string_similarity(left, right) -%}
    {#- needs the fuzzystrmatch extension -#}
    1.0 - levenshtein({{ left }}, {{ right }})::numeric
        / greatest(length({{ left }}), length({{ right }}), 1)
{%- endmacro %}
