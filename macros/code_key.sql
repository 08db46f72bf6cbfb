{#- A code as systems write it, reduced to the key the code seeds list:
    lowercase ASCII letters and digits, every other run of characters one
    underscore, none at either end ("Opt-Out " and "opt out" become
    `opt_out`, "E-Mail" becomes `e_mail`). Null when nothing is left. -#}
{% macro code_key(expression) -%}
    nullif(
        {{ c360_regexp_replace(
            c360_regexp_replace(
                'lower(' ~ expression ~ ')',
                '[^a-z0-9]+', '_'
            ),
            '^_+|_+$', ''
        ) }},
        ''
    )
{%- endmacro %}
