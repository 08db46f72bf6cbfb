{#- Display form and matching keys of a raw street / postal code / city,
    and the optional second address line and region. -#}
{% macro address_attributes(
    street=none, postal_code=none, city=none, address_line_2=none, region=none
) -%}
    {%- set parts = [] -%}
    {%- if street -%}
        {%- do parts.append(clean_text(street) ~ ' as street') -%}
        {%- do parts.append(normalize_street(street) ~ ' as street_normalized') -%}
    {%- endif -%}
    {%- if postal_code -%}
        {%- do parts.append(normalize_postal_code(postal_code) ~ ' as postal_code') -%}
    {%- endif -%}
    {%- if city -%}
        {%- do parts.append(display_name(city) ~ ' as city') -%}
        {%- do parts.append(normalize_name(city) ~ ' as city_normalized') -%}
    {%- endif -%}
    {%- if address_line_2 -%}
        {%- do parts.append(clean_text(address_line_2) ~ ' as address_line_2') -%}
    {%- endif -%}
    {%- if region -%}
        {%- do parts.append(normalize_name(region) ~ ' as region') -%}
    {%- endif -%}
    {{ parts | join(',\n        ') }}
{%- endmacro %}
