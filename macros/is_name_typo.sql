{#- True when two normalised names are probably one name with a typo: the
    same initial, and a Jaro-Winkler similarity of at least `min_similarity`
    or (names of four letters or more) one edit apart. Typos rarely hit the
    initial. -#}
{% macro is_name_typo(left, right, min_similarity) -%}
    (
        substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
        and (
            {{ c360_string_similarity(left, right) }} >= {{ min_similarity }}
            or (
                length({{ left }}) >= 4
                and {{ c360_edit_distance(left, right) }} <= 1
            )
        )
    )
{%- endmacro %}
