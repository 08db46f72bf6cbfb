{#- Usable phones (E.164): 2 equal, 1 one digit off, 0 different, null when
    either is missing. -#}
{% macro compare_phones(a, b) -%}
    {%- set left = a ~ 'phone' -%}
    {%- set right = b ~ 'phone' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 2
        when {{ c360_is_one_edit_apart(left, right) }} then 1
        else 0
    end
{%- endmacro %}
