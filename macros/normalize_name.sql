{#- Matching key of a personal name: lowercase, accents removed (umlauts
    transliterated), hyphens and dots read as spaces, other non-letters
    dropped, single spaces ("Anna-Lena" = "anna lena", "O'Brien" = "obrien"). -#}
{% macro normalize_name(expression) -%}
    {%- set lowered = c360_strip_accents('lower(' ~ clean_text(expression) ~ ')') -%}
    {%- set spaced = c360_regexp_replace(lowered, '[-_.]', ' ') -%}
    {%- set letters = c360_regexp_replace(spaced, '[^a-z ]', '') -%}
    nullif(trim({{ c360_regexp_replace(letters, '\\s+', ' ') }}), '')
{%- endmacro %}
