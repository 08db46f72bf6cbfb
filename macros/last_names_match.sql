{#- True when two normalised last names are equal or a typo of each other
    (is_name_typo at `min_similarity`, default
    var('identity_last_name_min_similarity')). Null when either is missing;
    equal names are not compared further. -#}
{% macro last_names_match(left, right, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_last_name_min_similarity') -%}
    (
        case
            when {{ left }} is null or {{ right }} is null
                then cast(null as {{ dbt.type_boolean() }})
            when {{ left }} = {{ right }} then true
            else {{ is_name_typo(left, right, threshold) }}
        end
    )
{%- endmacro %}
