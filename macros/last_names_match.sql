{#- True when two normalised last names are equal or a typo of each other:
    same initial and a Jaro-Winkler similarity of at least `min_similarity`
    (default var('identity_last_name_min_similarity')), or (names of four
    letters or more) one edit apart. -#}
{% macro last_names_match(left, right, min_similarity=none) -%}
    {%- set threshold = min_similarity or var('identity_last_name_min_similarity') -%}
    (
        {{ left }} = {{ right }}
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
