{#- A name for people to read: whitespace cleaned, accents kept; values
    typed in all capitals or all lowercase get initial capitals, mixed-case
    values ("de Vries", "McDonald") are kept as typed. -#}
{% macro display_name(expression) -%}
    {%- set cleaned = clean_text(expression) -%}
    case
        when {{ cleaned }} = upper({{ cleaned }})
            or {{ cleaned }} = lower({{ cleaned }})
            then {{ c360_initcap(cleaned) }}
        else {{ cleaned }}
    end
{%- endmacro %}
