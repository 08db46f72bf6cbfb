{#- True when two normalised last names are equal or a typo of each other
    (is_name_typo at `min_similarity`, default
    var('identity_last_name_min_similarity')). -#}
{% macro last_names_match(left, right, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_last_name_min_similarity') -%}
    (
        {{ left }} = {{ right }}
        or {{ is_name_typo(left, right, threshold) }}
    )
{%- endmacro %}
