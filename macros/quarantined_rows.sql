{#- Body of a source's quarantine model: every rejected row of the source's
    tables with the table it came from, its key and the reason. A table
    with reference checks gives its rows through `checked` (table name ->
    its checked_rows SQL with rows='quarantined'); any other table through
    its base_ model. -#}
{% macro quarantined_rows(source_name, checked={}) -%}
{%- set tables = [] -%}
{%- for source, table in source_tables() if source == source_name -%}
    {%- do tables.append(table) -%}
{%- endfor -%}
with
{% for table in tables %}
{{ table }} as (
    select
        '{{ source_name }}.{{ table }}' as source_table,
        cast(record_key as {{ dbt.type_string() }}) as record_key,
        quarantine_reason,
        key_occurrence,
        _loaded_at
    {%- if table in checked %}
    from ({{ checked[table] }}) as failed
    {%- else %}
    from {{ ref('base_' ~ source_name ~ '__' ~ table) }}
    where quarantine_reason is not null
    {%- endif %}
),
{% endfor %}
unioned as (
{%- for table in tables %}
    select * from {{ table }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

keyed as (
    select
        {{ dbt_utils.generate_surrogate_key(
            ['source_table', 'record_key', 'key_occurrence']
        ) }} as quarantined_row_id,
        source_table,
        record_key,
        quarantine_reason,
        key_occurrence,
        _loaded_at
    from unioned
)

select * from keyed
{%- endmacro %}
