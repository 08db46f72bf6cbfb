{#- True when two normalised first names can be the same person's: equal, a
    nickname pair (`is_nickname_pair`, a boolean expression that is never
    null, from the nicknames seed), or a typo (is_name_typo at
    `min_similarity`, default var('identity_first_name_min_similarity')).
    Null when a name is missing and they are not a nickname pair. -#}
{% macro first_names_match(left, right, is_nickname_pair, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_first_name_min_similarity') -%}
    (
        case
            when {{ is_nickname_pair }} then true
            when {{ left }} is null or {{ right }} is null
                then cast(null as {{ dbt.type_boolean() }})
            when {{ left }} = {{ right }} then true
            else {{ is_name_typo(left, right, threshold) }}
        end
    )
{%- endmacro %}
