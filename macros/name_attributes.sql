{#- Display form and matching key of one raw name column. -#}
{% macro name_attributes(raw_column, name) -%}
    {{ display_name(raw_column) }} as {{ name }},
        {{ normalize_name(raw_column) }} as {{ name }}_normalized
{%- endmacro %}
