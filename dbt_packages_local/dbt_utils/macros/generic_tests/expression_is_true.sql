{#- Fails for rows where the expression is not true; with column_name the
    expression is appended to the column (dbt_utils 1.x semantics). -#}
{% test expression_is_true(model, expression, column_name=None) %}
    {{ return(adapter.dispatch('test_expression_is_true', 'dbt_utils')(model, expression, column_name)) }}
{% endtest %}

{% macro default__test_expression_is_true(model, expression, column_name) %}
    {%- if column_name is none -%}
        {%- set condition = expression -%}
    {%- else -%}
        {%- set condition = column_name ~ ' ' ~ expression -%}
    {%- endif %}

select *
from {{ model }}
where not ({{ condition }})
{% endmacro %}
