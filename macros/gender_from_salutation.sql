{#- 'f', 'm' or null from a salutation or gender field in the languages the
    seeds' countries use. Anything unknown is null (no evidence), never a
    guess. -#}
{% macro gender_from_salutation(raw_column) -%}
    {%- set token = c360_regexp_replace('lower(' ~ clean_text(raw_column) ~ ')', '[^a-z]', '') -%}
    case
        when {{ token }} in (
            'f', 'w', 'female', 'frau', 'mrs', 'ms', 'miss', 'mme', 'madame',
            'mevrouw', 'mevr', 'mw', 'sra', 'signora', 'fru', 'pani'
        ) then 'f'
        when {{ token }} in (
            'm', 'male', 'herr', 'hr', 'mr', 'monsieur', 'meneer', 'dhr',
            'sr', 'signor', 'sig', 'herra', 'pan'
        ) then 'm'
    end
{%- endmacro %}
