{#- First names (`a`, `b`: column prefixes, e.g. `left_`, of `first_name`; `nickname` a
    boolean expression, true when the two are a nickname pair):
    5 equal, 4 nickname pair, 3 Jaro-Winkler >= 0.92, 2 >= 0.80,
    1 one is the other's initial, 0 different, null when either is missing. -#}
{% macro compare_first_names(a, b, nickname) -%}
    {%- set left = a ~ 'first_name' -%}
    {%- set right = b ~ 'first_name' -%}
    {%- set initial_only -%}
        case
            when (length({{ left }}) = 1 or length({{ right }}) = 1)
                and substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
                then 1
            else 0
        end
    {%- endset %}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 5
        when {{ nickname }} then 4
        else {{ c360_case_by_similarity(
            left, right, [[0.92, '3'], [0.80, '2']], initial_only
        ) }}
    end
{%- endmacro %}
