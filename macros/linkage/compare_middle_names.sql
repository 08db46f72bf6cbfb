{#- Middle names: 2 equal, 1 same initial (one may be only the initial),
    0 different, null when either is missing. -#}
{% macro compare_middle_names(a, b) -%}
    {%- set left = a ~ 'middle_name' -%}
    {%- set right = b ~ 'middle_name' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 2
        when substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1) then 1
        else 0
    end
{%- endmacro %}
