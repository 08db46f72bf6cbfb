{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
    )
}}
{# The identity edges of each build by rule, verdict and reason, appended
    and kept through --full-refresh beside fct_identity_health: which rules
    carry the merges, and which guards refuse how much, build after build. #}
with

edges_guarded as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

edges_counted as (
    select
        cast('{{ invocation_id }}' as {{ dbt.type_string() }})
        as build_invocation_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp)
        as built_at,
        cast(match_rule as {{ dbt.type_string() }}) as match_rule,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(coalesce(reason, 'none') as {{ dbt.type_string() }}) as reason,
        cast(count(*) as integer) as edges
    from edges_guarded
    group by match_rule, status, coalesce(reason, 'none')
)

select * from edges_counted
