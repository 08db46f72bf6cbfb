{#- Make every raw source readable by name. DuckDB reads a source's Parquet
    file by path (meta.external_location), so nothing is done there. On an
    engine that reads only catalogue tables (Spark), each source becomes an
    external Parquet table over the same file, made anew on every run so it
    sees the files as they are now. Called from on-run-start. -#}
{% macro register_source_tables() -%}
    {{ return(adapter.dispatch('register_source_tables', 'c360')()) }}
{%- endmacro %}

{% macro default__register_source_tables() -%}
    select 1
{%- endmacro %}

{% macro spark__register_source_tables() -%}
    {%- if execute -%}
        {%- for source in graph.sources.values()
            if source.package_name == project_name
            and source.meta.get('external_location') %}
            {%- set location = source.meta['external_location']
                | replace('{name}', source.name) -%}
            {%- do run_query('create schema if not exists ' ~ source.schema) -%}
            {%- do run_query('drop table if exists ' ~ source.schema ~ '.' ~ source.identifier) -%}
            {%- do run_query(
                'create table ' ~ source.schema ~ '.' ~ source.identifier
                ~ ' using parquet location ' ~ c360_string_literal(location)) -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
