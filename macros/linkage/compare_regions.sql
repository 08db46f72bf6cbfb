{#- Regions / states: 1 equal, 0 different, null when either is missing. -#}
{% macro compare_regions(a, b) -%}
    case
        when {{ a }}region is null or {{ b }}region is null then null
        when {{ a }}region = {{ b }}region then 1
        else 0
    end
{%- endmacro %}
