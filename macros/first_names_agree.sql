{#- True when two normalised first names can be one person's in the
    probabilistic rule's guards, which must forgive what the weights
    forgave: first_names_match (equal, nickname, typo with the same
    initial), one edit in a name of four letters or more (a typo of the
    initial too; it covers the typo's one edit), or one name written as the
    other's initial. Null when a name is missing and they are not a
    nickname pair (`is_nickname_pair`, a boolean expression that is never
    null). -#}
{% macro first_names_agree(left, right, is_nickname_pair) -%}
    (
        case
            when {{ is_nickname_pair }} then true
            when {{ left }} is null or {{ right }} is null
                then cast(null as {{ dbt.type_boolean() }})
            when {{ left }} = {{ right }} then true
            when substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
                and {{ c360_strings_similar(
                    left, right, var('identity_first_name_min_similarity')
                ) }}
                then true
            when length({{ left }}) >= 4
                and {{ c360_is_one_edit_apart(left, right) }}
                then true
            else
                least(length({{ left }}), length({{ right }})) = 1
                and substr({{ left }}, 1, 1) = substr({{ right }}, 1, 1)
        end
    )
{%- endmacro %}
