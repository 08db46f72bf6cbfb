{#- Birth dates (`birth_date_digits`: YYYYMMDD text): 4 equal, 3 day and
    month swapped, 2 one digit off (a typo or two neighbours transposed),
    1 same year only, 0 different, null when either is missing. -#}
{% macro compare_birth_dates(a, b) -%}
    {%- set left = a ~ 'birth_date_digits' -%}
    {%- set right = b ~ 'birth_date_digits' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 4
        when substr({{ left }}, 1, 4) = substr({{ right }}, 1, 4)
            and substr({{ left }}, 5, 2) = substr({{ right }}, 7, 2)
            and substr({{ left }}, 7, 2) = substr({{ right }}, 5, 2) then 3
        when {{ c360_is_one_edit_apart(left, right) }} then 2
        when substr({{ left }}, 1, 4) = substr({{ right }}, 1, 4) then 1
        else 0
    end
{%- endmacro %}
