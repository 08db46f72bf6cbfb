{#- An email address as people paste it into a form or a ticket:
    "Anna Muster <Anna@Example.com>", "mailto:anna@example.com", with
    spaces. Returns the address alone, normalised (normalize_email). -#}
{% macro email_from_written(expression) -%}
    {%- set inside_brackets = c360_regexp_replace(
        c360_regexp_replace('lower(' ~ expression ~ ')', '^[^<]*<', ''),
        '>.*$', ''
    ) -%}
    {{ normalize_email(c360_regexp_replace(inside_brackets, '^ *mailto:', '')) }}
{%- endmacro %}
