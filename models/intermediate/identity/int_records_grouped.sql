{# The final group of each identity record, after the size guard: a group
    larger than var('identity_max_component_records') is not trusted (a
    bad key or a chain of weak links can glue thousands of records); its
    records fall back to their strong-edge groups, and its weak edges are
    listed in int_identity_edges_quarantined. One row per record. #}
with

clustered as (
    select * from {{ ref('int_records_clustered') }}
),

strong_components as (
    select * from {{ ref('int_records_strongly_clustered') }}
),

components_sized as (
    select
        clustered.record_id,
        clustered.component_id,
        strong_components.strong_component_id,
        count(*) over (partition by clustered.component_id)
            as component_records
    from clustered
    inner join strong_components
        on clustered.record_id = strong_components.record_id
),

components_capped as (
    select
        record_id,
        strong_component_id,
        component_records,
        case
            when component_records > {{ var('identity_max_component_records') }}
                then strong_component_id
            else component_id
        end as group_id,
        component_records > {{ var('identity_max_component_records') }}
            as is_size_capped
    from components_sized
)

select * from components_capped
