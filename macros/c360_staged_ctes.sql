{#- A chain of CTEs that an engine may have to compute stage by stage.
    `stages` is a list of dicts: name, sql (which may refer to any earlier
    stage by name) and materialize (true or false). Returns the
    `with ... ,` head of the model's query, to which the model appends its
    final CTEs and select.
    DuckDB and others plan the chain as one query. Spark copies every CTE
    into each place it is referred to, so a chain whose stages each read
    the one before twice (the rounds of an EM fit) grows without bound;
    there the stages marked materialize are written to work tables beside
    the model (`<model>__<stage>`) in order, and later stages read those.
    Drop the work tables with drop_work_tables() in a post-hook. -#}
{% macro c360_staged_ctes(stages) -%}
    {{ return(adapter.dispatch('c360_staged_ctes', 'c360')(stages)) }}
{%- endmacro %}

{% macro default__c360_staged_ctes(stages) -%}
    with
    {% for stage in stages %}
    {{ stage.name }} as (
        {{ stage.sql }}
    ),
    {% endfor %}
{%- endmacro %}

{% macro spark__c360_staged_ctes(stages) -%}
    {%- set prefix = this.schema ~ '.' ~ this.identifier ~ '__' -%}
    {#- what a statement needs before its select: every earlier stage, as a
        read of its work table or as its own CTE -#}
    {%- set heads = [] -%}
    {%- for stage in stages -%}
        {%- if stage.materialize and execute -%}
            {%- do run_query('drop table if exists ' ~ prefix ~ stage.name) -%}
            {%- do run_query(
                'create table ' ~ prefix ~ stage.name ~ ' as '
                ~ ('with ' ~ heads | join(', ') ~ ' ' if heads else '')
                ~ stage.sql
            ) -%}
        {%- endif -%}
        {%- if stage.materialize -%}
            {%- do heads.append(stage.name ~ ' as (select * from ' ~ prefix ~ stage.name ~ ')') -%}
        {%- else -%}
            {%- do heads.append(stage.name ~ ' as (' ~ stage.sql ~ ')') -%}
        {%- endif -%}
    {%- endfor %}
    with
    {% for head in heads %}
    {{ head }},
    {% endfor %}
{%- endmacro %}
