{#- The E.164 phone of a staged row when it can identify someone: valid
    (placeholders are never valid). `column` is the `<name>_e164` column. -#}
{% macro usable_phone(column) -%}
    {%- set name = column | replace('_e164', '') -%}
    case when is_{{ name }}_valid then {{ column }} end
{%- endmacro %}
