{#- Last names: 3 equal, 2 Jaro-Winkler >= 0.92, 1 >= 0.80 or one name
    is a part of the other (a double name and one of its halves), 0
    different, null when either is missing. -#}
{% macro compare_last_names(a, b) -%}
    {%- set left = a ~ 'last_name' -%}
    {%- set right = b ~ 'last_name' -%}
    {%- set part_of_other -%}
        case
            when ' ' || {{ left }} || ' ' like '% ' || {{ right }} || ' %'
                or ' ' || {{ right }} || ' ' like '% ' || {{ left }} || ' %'
                then 1
            else 0
        end
    {%- endset %}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 3
        else {{ c360_case_by_similarity(
            left, right, [[0.92, '2'], [0.80, '1']], part_of_other
        ) }}
    end
{%- endmacro %}
