{#- Body of a stg_ model: the rows of its base_ model that passed every
    check, without the bookkeeping columns (and the `except` columns the
    checks alone needed). -#}
{% macro staged_rows(base_model, except=[]) -%}
with

base as (
    select * from {{ ref(base_model) }}
),

passed as (
    select
        {{ dbt_utils.star(
            from=ref(base_model),
            except=['quarantine_reason', 'key_occurrence'] + except,
        ) | indent(8) }}
    from base
    where quarantine_reason is null
)

select * from passed
{%- endmacro %}
