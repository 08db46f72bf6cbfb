{#- Trim (spaces, tabs, line breaks), collapse inner whitespace, and turn
    an empty result into null. A value longer than var max_text_length
    characters is no name, address or identifier anybody typed (a paste
    gone wrong, an attack): it becomes null too, and
    data-tests/assert_raw_text_within_bounds counts such values (a warning).
    The bound is checked by a regular expression so the expression is
    expanded once (RE2 repeats at most 1000 times, so keep the var at 1000
    or below). -#}
{% macro clean_text(expression) -%}
    {%- set collapsed = c360_regexp_replace(expression, '\\s+', ' ') -%}
    nullif(
        trim({{ c360_regexp_replace(
            collapsed, '^.{' ~ var('max_text_length') ~ '}.+$', ''
        ) }}),
        ''
    )
{%- endmacro %}
