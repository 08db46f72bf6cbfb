{#- Latin letters as plain ASCII letters: German umlauts and ß are spelled
    out first (ü -> ue, ß -> ss) so that "Müller" and "Mueller" agree; then
    every letter without a decomposition is transliterated (æ -> ae,
    œ -> oe, þ -> th, ø -> o, ł -> l, đ/ð -> d, ı -> i, ħ -> h, ŧ -> t,
    ŋ -> n, ĸ -> k, ſ -> s, in both cases); last, diacritics are removed
    (é -> e), which the engine does (dispatched). -#}
{% macro c360_strip_accents(expression) -%}
    {%- set ns = namespace(sql=expression) -%}
    {%- for letter, ascii in [
        ('ä', 'ae'), ('ö', 'oe'), ('ü', 'ue'), ('ß', 'ss'),
        ('Ä', 'Ae'), ('Ö', 'Oe'), ('Ü', 'Ue'), ('ẞ', 'SS'),
        ('æ', 'ae'), ('Æ', 'Ae'), ('œ', 'oe'), ('Œ', 'Oe'),
        ('þ', 'th'), ('Þ', 'Th'),
    ] -%}
        {%- set ns.sql = "replace(" ~ ns.sql ~ ", '" ~ letter ~ "', '" ~ ascii ~ "')" -%}
    {%- endfor -%}
    {%- set single = "translate(" ~ ns.sql ~ ", 'øØłŁđĐðÐıħĦŧŦŋŊĸſŀĿ', 'oOlLdDdDihHtTnNkslL')" -%}
    {{ return(adapter.dispatch('c360_strip_accents', 'c360')(single)) }}
{%- endmacro %}

{% macro default__c360_strip_accents(expression) -%}
    translate(
        {{ expression }},
        'àáâãåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľñńņňòóôõōŏőŕŗřśŝşšţťùúûũūŭůűųŵýÿŷźżžÀÁÂÃÅĀĂĄÇĆĈĊČĎÈÉÊËĒĔĖĘĚĜĞĠĢĤÌÍÎÏĨĪĬĮĴĶĹĻĽÑŃŅŇÒÓÔÕŌŎŐŔŖŘŚŜŞŠŢŤÙÚÛŨŪŬŮŰŲŴÝŸŶŹŻŽ',
        'aaaaaaaacccccdeeeeeeeeegggghiiiiiiiijklllnnnnooooooorrrssssttuuuuuuuuuwyyyzzzAAAAAAAACCCCCDEEEEEEEEEGGGGHIIIIIIIIJKLLLNNNNOOOOOOORRRSSSSTTUUUUUUUUUWYYYZZZ'
    )
{%- endmacro %}

{% macro duckdb__c360_strip_accents(expression) -%}
    strip_accents({{ expression }})
{%- endmacro %}
