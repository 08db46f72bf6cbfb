{#- True when two normalised names are probably one name with a typo: the
    same initial, and a Jaro-Winkler similarity of at least `min_similarity`
    or (names of four letters or more) one edit apart. Typos rarely hit the
    initial. Null when either name is missing. Written as a CASE so the
    string distances are computed only for names with the same initial
    (engines evaluate a CASE branch only for the rows that reach it). -#}
{% macro is_name_typo(left, right, min_similarity) -%}
    (
        case
            when {{ left }} is null or {{ right }} is null
                then cast(null as {{ dbt.type_boolean() }})
            when substr({{ left }}, 1, 1) <> substr({{ right }}, 1, 1)
                then false
            when {{ c360_strings_similar(left, right, min_similarity) }}
                then true
            else
                length({{ left }}) >= 4
                and {{ c360_is_one_edit_apart(left, right) }}
        end
    )
{%- endmacro %}
