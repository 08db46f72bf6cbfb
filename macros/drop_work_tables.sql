{#- Drops the work tables that stage-by-stage macros (c360_staged_ctes,
    records_connected) left beside the model: the tables of its schema
    named `<model>__...`. For a post-hook; returns a statement that does
    nothing. -#}
{% macro drop_work_tables() -%}
    {%- if execute -%}
        {%- set prefix = (this.identifier ~ '__') | lower -%}
        {%- for name in adapter.dispatch('work_table_names', 'c360')(this.schema)
            if name.lower().startswith(prefix) -%}
            {%- do run_query('drop table if exists ' ~ this.schema ~ '.' ~ name) -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{% macro default__work_table_names(schema) -%}
    {{ return(run_query(
        'select table_name from information_schema.tables where table_schema = '
        ~ c360_string_literal(schema) ~ " and table_type = 'BASE TABLE'"
    ).columns[0].values() | list) }}
{%- endmacro %}

{% macro spark__work_table_names(schema) -%}
    {{ return(run_query('show tables in ' ~ schema).columns['tableName'].values() | list) }}
{%- endmacro %}
