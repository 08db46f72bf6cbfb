{#- Postal codes: 2 equal, 1 one edit apart (a mistyped or swapped digit),
    0 different, null when either is missing. -#}
{% macro compare_postal_codes(a, b) -%}
    {%- set left = a ~ 'postal_code' -%}
    {%- set right = b ~ 'postal_code' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 2
        when {{ c360_is_one_edit_apart(left, right) }} then 1
        else 0
    end
{%- endmacro %}
