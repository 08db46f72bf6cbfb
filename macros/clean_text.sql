{#- Trim (spaces, tabs, line breaks), collapse inner whitespace, and turn
    an empty result into null. -#}
{% macro clean_text(expression) -%}
    nullif(
        trim({{ c360_regexp_replace(expression, '\\s+', ' ') }}),
        ''
    )
{%- endmacro %}
