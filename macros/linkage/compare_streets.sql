{#- Street lines, as house number and street name (normalised, street type
    abbreviated): 3 same number and a street name Jaro-Winkler >= 0.90,
    2 same street name but the number differs or is missing on one side,
    1 same number and a street name >= 0.70, 0 different, null when either
    street is missing. A whole-line similarity would reject "12 Stanley St"
    against "12 Stanely Street". -#}
{% macro compare_streets(a, b) -%}
    {%- set names_similar_90 = c360_strings_similar(
        a ~ 'street_name', b ~ 'street_name', 0.90
    ) -%}
    {%- set names_similar_70 = c360_strings_similar(
        a ~ 'street_name', b ~ 'street_name', 0.70
    ) -%}
    {%- set same_number -%}
        coalesce({{ a }}house_number = {{ b }}house_number, false)
    {%- endset -%}
    case
        when {{ a }}street_name is null or {{ b }}street_name is null
            then null
        when {{ same_number }} and {{ names_similar_90 }} then 3
        when {{ names_similar_90 }} then 2
        when {{ same_number }} and {{ names_similar_70 }} then 1
        else 0
    end
{%- endmacro %}
