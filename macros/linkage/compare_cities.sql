{#- Cities (normalised names): 2 equal, 1 Jaro-Winkler >= 0.88, 0
    different, null when either is missing. -#}
{% macro compare_cities(a, b) -%}
    {%- set left = a ~ 'city' -%}
    {%- set right = b ~ 'city' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 2
        when {{ c360_strings_similar(left, right, 0.88) }} then 1
        else 0
    end
{%- endmacro %}
