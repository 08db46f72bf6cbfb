{#- Matching key of a personal name: lowercase, accents removed (with
    umlauts transliterated), letters and single spaces only. -#}
{% macro normalize_name(expression) -%}
    nullif(trim({{ c360_regexp_replace(
        c360_regexp_replace(c360_strip_accents('lower(' ~ clean_text(expression) ~ ')'), "[^a-z ]", ''),
        '\\s+', ' ') }}), '')
{%- endmacro %}
