{#- Matching key of a street line: lowercase ASCII, street types reduced to
    the tokens of var('street_type_tokens'), punctuation dropped, whitespace
    collapsed ("Hauptstraße 5" = "Hauptstr. 5" = "hauptstrasse 5"). -#}
{% macro normalize_street(expression) -%}
    {%- set ns = namespace(sql=c360_strip_accents('lower(' ~ clean_text(expression) ~ ')')) -%}
    {%- set ns.sql = c360_regexp_replace(ns.sql, "[^a-z0-9 ]", ' ') -%}
    {%- for pattern, token in var('street_type_tokens') -%}
        {%- set ns.sql = c360_regexp_replace(ns.sql, pattern, token) -%}
    {%- endfor -%}
    nullif(trim({{ c360_regexp_replace(ns.sql, '\\s+', ' ') }}), '')
{%- endmacro %}
