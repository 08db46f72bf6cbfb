{#- The distinct values of one column of a relation, as a Jinja list.
    Semantics of dbt_utils.get_column_values (1.x): values are grouped,
    ordered by `order_by` (default: most frequent first), cut at
    `max_records`, filtered by `where`. While dbt parses (execute is false)
    it returns `default`; a relation that does not exist returns `default`,
    or stops compilation when no default was given. -#}
{% macro get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {{ return(adapter.dispatch('get_column_values', 'dbt_utils')(table, column, order_by, max_records, default, where)) }}
{%- endmacro %}

{% macro default__get_column_values(table, column, order_by='count(*) desc', max_records=none, default=none, where=none) -%}
    {%- if not execute -%}
        {{ return([] if default is none else default) }}
    {%- endif -%}
    {%- set relation = load_relation(table) -%}
    {%- if relation is none -%}
        {%- if default is none -%}
            {{ exceptions.raise_compiler_error(
                "In get_column_values(): relation " ~ table
                ~ " does not exist and no default value was provided."
            ) }}
        {%- endif -%}
        {{ log("Relation " ~ table ~ " does not exist. Returning the default value: " ~ default) }}
        {{ return(default) }}
    {%- endif -%}
    {%- set query -%}
        select {{ column }} as value
        from {{ relation }}
        {% if where is not none %}where {{ where }}{% endif %}
        group by {{ column }}
        order by {{ order_by }}
        {% if max_records is not none %}limit {{ max_records }}{% endif %}
    {%- endset -%}
    {%- set result = run_query(query) -%}
    {{ return(result.columns[0].values() | list) }}
{%- endmacro %}
