{#- True when two normalised first names can be the same person's: equal, a
    nickname pair (`is_nickname_pair`, from the nicknames seed), or a typo
    (is_name_typo at `min_similarity`, default
    var('identity_first_name_min_similarity')). -#}
{% macro first_names_match(left, right, is_nickname_pair, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_first_name_min_similarity') -%}
    (
        {{ left }} = {{ right }}
        or {{ is_nickname_pair }}
        or {{ is_name_typo(left, right, threshold) }}
    )
{%- endmacro %}
