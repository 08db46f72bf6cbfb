{#- Email as compared and published: trimmed, lowercase, null if empty. -#}
{% macro normalize_email(expression) -%}
    lower({{ clean_text(expression) }})
{%- endmacro %}
