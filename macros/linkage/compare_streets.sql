{#- Street lines, as house number and street name (normalised, street type
    abbreviated): 3 same number and a street name Jaro-Winkler >= 0.90,
    2 same street name but the number differs or is missing on one side,
    1 same number and a street name >= 0.70, 0 different, null when either
    street is missing. A whole-line similarity would reject "12 Stanley St"
    against "12 Stanely Street". -#}
{% macro compare_streets(a, b) -%}
    {%- set same_number -%}
        coalesce({{ a }}house_number = {{ b }}house_number, false)
    {%- endset -%}
    case
        when {{ a }}street_name is null or {{ b }}street_name is null
            then null
        else {{ c360_case_by_similarity(
            a ~ 'street_name', b ~ 'street_name',
            [
                [0.90, 'case when ' ~ same_number ~ ' then 3 else 2 end'],
                [0.70, 'case when ' ~ same_number ~ ' then 1 else 0 end'],
            ],
            '0'
        ) }}
    end
{%- endmacro %}
