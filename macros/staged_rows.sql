{#- Body of a stg_ model: the rows of its base_ model that passed every
    check, without the bookkeeping columns. -#}
{% macro staged_rows(base_model) -%}
with

base as (
    select * from {{ ref(base_model) }}
),

passed as (
    select
        {{ dbt_utils.star(
            from=ref(base_model),
            except=['quarantine_reason', 'key_occurrence'],
        ) | indent(8) }}
    from base
    where quarantine_reason is null
)

select * from passed
{%- endmacro %}
