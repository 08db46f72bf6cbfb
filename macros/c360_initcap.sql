{#- Capitalise the first letter of every word (after a space or hyphen)
    and lowercase the rest. -#}
{% macro c360_initcap(expression) -%}
    {{ return(adapter.dispatch('c360_initcap', 'c360')(expression)) }}
{%- endmacro %}

{% macro default__c360_initcap(expression) -%}
    initcap({{ expression }})
{%- endmacro %}

{% macro duckdb__c360_initcap(expression) -%}
    array_to_string(
        list_transform(
            string_split(lower({{ expression }}), ' '),
            lambda word: array_to_string(
                list_transform(
                    string_split(word, '-'),
                    lambda part: upper(left(part, 1)) || substr(part, 2)
                ),
                '-'
            )
        ),
        ' '
    )
{%- endmacro %}

{#- Spark's initcap capitalises only after a space: the words and their
    hyphenated parts are split and rejoined as on DuckDB. -#}
{% macro spark__c360_initcap(expression) -%}
    array_join(
        transform(
            split(lower({{ expression }}), ' ', -1),
            word -> array_join(
                transform(
                    split(word, '-', -1),
                    part -> concat(upper(left(part, 1)), substr(part, 2))
                ),
                '-'
            )
        ),
        ' '
    )
{%- endmacro %}
