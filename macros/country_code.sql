{#- ISO country code of a record, or var('default_country_code') when the
    record has none. -#}
{% macro country_code(raw_column) -%}
    coalesce(upper({{ clean_text(raw_column) }}), '{{ var("default_country_code") }}')
{%- endmacro %}
