{#- A model contract's not_null constraints on Spark tables that cannot
    hold them (Parquet: only Delta tables accept ALTER COLUMN ... SET NOT
    NULL). The built table is counted instead, and a null in a not_null
    column fails the model, as the constraint fails it on DuckDB. Delta
    tables keep dbt-spark's own constraints. Replaces dbt-spark's macro of
    the same name. -#}
{% macro spark__persist_constraints(relation, model) %}
    {%- if config.get('contract').enforced -%}
        {%- if config.get('file_format', 'delta') == 'delta' -%}
            {%- do alter_table_add_constraints(relation, model.constraints) -%}
            {%- do alter_column_set_constraints(relation, model.columns) -%}
        {%- else -%}
            {%- set not_null_columns = [] -%}
            {%- for name, column in model.columns.items() -%}
                {%- for constraint in column.constraints
                    if constraint.type == 'not_null' -%}
                    {%- do not_null_columns.append(name) -%}
                {%- endfor -%}
            {%- endfor -%}
            {%- if not_null_columns -%}
                {%- set nulls = run_query(
                    'select count(*) from ' ~ relation ~ ' where '
                    ~ (not_null_columns | join(' is null or ')) ~ ' is null'
                ).columns[0].values()[0] -%}
                {%- if nulls > 0 -%}
                    {{ exceptions.raise_compiler_error(
                        relation ~ ': ' ~ nulls ~ ' rows hold a null in a not_null'
                        ~ ' column of the contract (' ~ not_null_columns | join(', ') ~ ')'
                    ) }}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
