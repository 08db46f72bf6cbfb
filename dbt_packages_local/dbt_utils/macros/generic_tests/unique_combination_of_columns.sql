{#- Fails when a combination of columns repeats (dbt_utils 1.x semantics). -#}
{% test unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {{ return(adapter.dispatch('test_unique_combination_of_columns', 'dbt_utils')(model, combination_of_columns, quote_columns)) }}
{% endtest %}

{% macro default__test_unique_combination_of_columns(model, combination_of_columns, quote_columns=false) %}
    {%- if quote_columns -%}
        {%- set columns = [] -%}
        {%- for column in combination_of_columns -%}
            {%- do columns.append(adapter.quote(column)) -%}
        {%- endfor -%}
    {%- else -%}
        {%- set columns = combination_of_columns -%}
    {%- endif -%}
    {%- set column_list = columns | join(', ') %}

with validation_errors as (
    select
        {{ column_list }},
        count(*) as n_records
    from {{ model }}
    group by {{ column_list }}
    having count(*) > 1
)

select * from validation_errors
{% endmacro %}
