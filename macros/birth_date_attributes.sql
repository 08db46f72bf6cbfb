{#- Staged birth date columns: the parsed date when it is plausible (from
    1900 to the extract date), and a flag for a value that was given but is
    not a plausible date. -#}
{% macro birth_date_attributes(raw_column, loaded_at) -%}
    {%- set parsed = parse_date(raw_column) -%}
    {%- set plausible -%}
        {{ parsed }} between cast('1900-01-01' as date)
        and cast({{ loaded_at }} as date)
    {%- endset -%}
    case when {{ plausible }} then {{ parsed }} end as birth_date,
        coalesce(
            {{ clean_text(raw_column) }} is not null
            and not coalesce({{ plausible }}, false),
            false
        ) as has_invalid_birth_date
{%- endmacro %}
