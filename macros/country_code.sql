{#- A country as systems write it ("DE", "DEU", "Germany", "Deutschland",
    "United Kingdom", "UK", "EIRE"), as the key the country_names seed
    lists (code_key after accents are stripped). -#}
{% macro country_key(raw_column) -%}
    {{ code_key(c360_strip_accents(clean_text(raw_column))) }}
{%- endmacro %}

{#- The joins a staging model needs for one country column: the
    country_names seed (written country -> ISO code, as `<name>_names`) and
    the country_codes seed (calling code, trunk prefix and phone lengths,
    as `countries`) of the record's country, or of var default_country_code
    when the record names none or one nobody knows: phone numbers written
    without a calling code are read as that country's. -#}
{% macro country_joins(raw_column, name='country_code') -%}
    left join {{ ref('country_names') }} as {{ name }}_names
        on {{ country_key(raw_column) }} = {{ name }}_names.name_key
    left join {{ ref('country_codes') }} as countries
        on
            coalesce(
                {{ name }}_names.country_code, '{{ var("default_country_code") }}'
            )
            = countries.country_code
{%- endmacro %}

{#- The record's ISO 3166 alpha-2 country (`<name>`): null when it names
    none, and null with `has_unknown_<name>` true when it names one the
    country_names seed does not know. Never the default country: that only
    reads phone numbers (country_joins). -#}
{% macro country_attributes(raw_column, name='country_code') -%}
    {{ name }}_names.country_code as {{ name }},
    ({{ clean_text(raw_column) }} is not null
    and {{ name }}_names.country_code is null) as has_unknown_{{ name }}
{%- endmacro %}
