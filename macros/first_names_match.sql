{#- True when two normalised first names can be the same person's: equal, a
    nickname pair (`is_nickname_pair`, from the nicknames seed), or a typo of
    each other (same initial and similar by var('identity_first_name_min_
    similarity'), or one edit apart). -#}
{% macro first_names_match(left, right, is_nickname_pair) -%}
    (
        {{ left }} = {{ right }}
        or {{ is_nickname_pair }}
        or (
            substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
            and (
                {{ c360_string_similarity(left, right) }}
                >= {{ var('identity_first_name_min_similarity') }}
                or (
                    length({{ left }}) >= 4
                    and {{ c360_edit_distance(left, right) }} <= 1
                )
            )
        )
    )
{%- endmacro %}
