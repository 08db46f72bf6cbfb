{#- True when two normalised first names can be the same person's: equal, a
    nickname pair (`is_nickname_pair`, from the nicknames seed), or a typo of
    each other: same initial and a Jaro-Winkler similarity of at least
    `min_similarity`, or (names of four letters or more) one edit apart. -#}
{% macro first_names_match(left, right, is_nickname_pair, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_first_name_min_similarity') -%}
    (
        {{ left }} = {{ right }}
        or {{ is_nickname_pair }}
        or (
            substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
            and (
                {{ c360_string_similarity(left, right) }} >= {{ threshold }}
                or (
                    length({{ left }}) >= 4
                    and {{ c360_edit_distance(left, right) }} <= 1
                )
            )
        )
    )
{%- endmacro %}
