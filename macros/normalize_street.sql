{#- Matching key of a street line: lowercase, accents removed, the
    abbreviations of var('street_abbreviations') expanded, punctuation
    dropped, whitespace collapsed ("Hauptstr. 5" = "Hauptstraße 5"). -#}
{% macro normalize_street(expression) -%}
    {%- set ns = namespace(sql=c360_strip_accents('lower(' ~ clean_text(expression) ~ ')')) -%}
    {%- for pattern, replacement in var('street_abbreviations') -%}
        {%- set ns.sql = c360_regexp_replace(ns.sql, pattern, replacement) -%}
    {%- endfor -%}
    nullif(trim({{ c360_regexp_replace(
        c360_regexp_replace(ns.sql, "[^a-z0-9 ]", ' '), '\\s+', ' ') }}), '')
{%- endmacro %}
