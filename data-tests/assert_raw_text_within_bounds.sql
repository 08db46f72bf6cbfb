{{ config(severity='warn') }}
{# Text values longer than var max_text_length characters in any raw
    string column: staging reads them as missing (macro clean_text), so
    they are counted here, as a warning, instead of vanishing. One row per
    source table and column with such values. #}
{%- set scans = [] %}
{%- if execute %}
    {%- for node in graph.sources.values() %}
        {%- for column in node.columns.values()
            if (column.data_type or '') | lower in ('varchar', 'string', 'text') %}
            {%- do scans.append((node.source_name, node.name, column.name)) %}
        {%- endfor %}
    {%- endfor %}
{%- endif %}
with

found as (
{%- for source_name, table, column in scans %}
    select
        '{{ source_name }}.{{ table }}' as source_table,
        '{{ column }}' as column_name,
        count(*) as values_too_long
    from {{ source(source_name, table) }}
    where length({{ column }}) > {{ var('max_text_length') }}
    union all
{%- endfor %}
    select
        'none' as source_table,
        'none' as column_name,
        0 as values_too_long
)

select * from found
where values_too_long > 0
