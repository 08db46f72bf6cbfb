{#- Remove diacritics (é -> e). German umlauts and ß are transliterated
    first (ü -> ue, ß -> ss) so that "Müller" and "Mueller" agree. -#}
{% macro c360_strip_accents(expression) -%}
    {%- set transliterated -%}
        replace(replace(replace(replace(
            {{ expression }}, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')
    {%- endset -%}
    {{ return(adapter.dispatch('c360_strip_accents', 'c360')(transliterated)) }}
{%- endmacro %}

{% macro default__c360_strip_accents(expression) -%}
    translate(
        {{ expression }},
        'àáâãåāçćčèéêëēęìíîïłñńòóôõøōœśšùúûūýÿžźż',
        'aaaaaaccceeeeeeiiiilnnoooooooossuuuuyyzzz'
    )
{%- endmacro %}

{% macro duckdb__c360_strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}
