{#- One row per value returned by dbt_utils.get_column_values in three
    cases; the pytest test compares them with what dbt_utils returns. -#}
{%- set missing = api.Relation.create(
    database=target.database, schema=target.schema, identifier='no_such_table'
) -%}
{%- set cases = [
    ('sorted', dbt_utils.get_column_values(ref('people'), 'city', order_by='city')),
    ('filtered', dbt_utils.get_column_values(
        ref('people'), 'name', order_by='name desc', max_records=1, where='score > 0'
    )),
    ('missing', dbt_utils.get_column_values(missing, 'x', default=['fallback'])),
] -%}
{%- for case_name, values in cases %}
{%- for value in values %}
select
    '{{ case_name }}' as case_name,
    {{ loop.index }} as position,
    {{ 'null' if value is none else "'" ~ value ~ "'" }} as value
{%- if not loop.last %} union all {% endif %}
{%- endfor %}
{%- if not loop.last %} union all {% endif %}
{%- endfor %}
