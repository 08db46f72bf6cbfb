{#- A CASE on how similar two strings are (c360_strings_similar):
    `branches` is a list of [threshold, SQL] pairs, highest threshold
    first; the first whose threshold the similarity reaches gives its SQL,
    and `otherwise` (SQL) when none does or either string is null. One
    macro for a comparison's tiers, so an engine whose similarity is costly
    computes it once per pair, not once per tier. -#}
{% macro c360_case_by_similarity(left, right, branches, otherwise) -%}
    {{ return(adapter.dispatch('c360_case_by_similarity', 'c360')(
        left, right, branches, otherwise
    )) }}
{%- endmacro %}

{% macro default__c360_case_by_similarity(left, right, branches, otherwise) -%}
    case
        {%- for threshold, result in branches %}
        when {{ c360_strings_similar(left, right, threshold) }}
            then {{ result }}
        {%- endfor %}
        else {{ otherwise }}
    end
{%- endmacro %}

{#- Spark: the similarity once per pair (bound in a lambda), or 0 when its
    upper bound (spark_similarity_bound) is below the lowest threshold. -#}
{% macro spark__c360_case_by_similarity(left, right, branches, otherwise) -%}
    {%- set lowest = branches | map('first') | min -%}
    transform(array(
        case
            when length({{ left }}) > 0 and length({{ right }}) > 0
                and {{ spark_similarity_bound(left, right) }}
                < {{ lowest }} - 1e-9
                then cast(0.0 as double)
            else {{ c360_string_similarity(left, right) }}
        end
    ), similarity_value -> case
        {%- for threshold, result in branches %}
        when similarity_value >= {{ threshold }} then {{ result }}
        {%- endfor %}
        else {{ otherwise }}
    end)[0]
{%- endmacro %}
