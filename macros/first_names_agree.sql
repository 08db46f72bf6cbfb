{#- True when two normalised first names can be one person's in the
    probabilistic rule's guards, which must forgive what the weights
    forgave: first_names_match (equal, nickname, typo with the same
    initial), one edit in a name of four letters or more (a typo of the
    initial too), or one name written as the other's initial. -#}
{% macro first_names_agree(left, right, is_nickname_pair) -%}
    (
        {{ first_names_match(left, right, is_nickname_pair) }}
        or (
            length({{ left }}) >= 4
            and {{ c360_edit_distance(left, right) }} <= 1
        )
        or (
            least(length({{ left }}), length({{ right }})) = 1
            and substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
        )
    )
{%- endmacro %}
