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
        cast('{{ invocation_id }}' as varchar) as build_invocation_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp)
        as built_at,
        cast(match_rule as varchar) as match_rule,
        cast(status as varchar) as status,
        cast(coalesce(reason, 'none') as varchar) as reason,
        cast(count(*) as integer) as edges
    from edges_guarded
    group by match_rule, status, coalesce(reason, 'none')
)

select * from edges_counted
