{#- Gender read from a salutation: 1 same, 0 different, null when either
    is unknown. -#}
{% macro compare_genders(a, b) -%}
    case
        when {{ a }}gender is null or {{ b }}gender is null then null
        when {{ a }}gender = {{ b }}gender then 1
        else 0
    end
{%- endmacro %}
