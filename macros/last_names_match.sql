{#- True when two normalised last names are equal or a typo of each other
    (same initial, similar by var('identity_last_name_min_similarity')). -#}
{% macro last_names_match(left, right) -%}
    (
        {{ left }} = {{ right }}
        or (
            substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
            and {{ c360_string_similarity(left, right) }}
            >= {{ var('identity_last_name_min_similarity') }}
        )
    )
{%- endmacro %}
