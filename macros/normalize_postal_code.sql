{#- Postal code as compared: uppercase, without spaces or dashes. -#}
{% macro normalize_postal_code(expression) -%}
    nullif(upper({{ c360_regexp_replace(expression, '[^0-9A-Za-z]', '') }}), '')
{%- endmacro %}
