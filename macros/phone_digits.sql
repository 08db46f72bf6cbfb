{#- The digits of a phone number as typed, for matching placeholder values. -#}
{% macro phone_digits(expression) -%}
    nullif({{ c360_regexp_replace(expression, '[^0-9]', '') }}, '')
{%- endmacro %}
