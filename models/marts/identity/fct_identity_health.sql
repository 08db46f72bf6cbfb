{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        full_refresh=false,
        on_schema_change='fail',
    )
}}
{# How identity resolution stands after each build, one row per build,
    appended and kept through --full-refresh (like the id history it reads),
    so the data team sees drift build after build: how many records and
    customers, how many customers stand on one record, the largest customer,
    what this build changed (new, merged and split customer ids, records
    that joined, moved or left), the edges by verdict and the quarantined
    links, and how the customer count moved since the previous build.
    data-tests/assert_identity_health_within_limits fails a build whose
    customer count or merge rate moved more than the vars allow. #}
with

records_resolved as (
    select * from {{ ref('int_records_resolved') }}
),

profiles as (
    select * from {{ ref('int_customer_profiles_masked') }}
),

edges_guarded as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

id_changes as (
    select * from {{ ref('int_customer_id_changes_logged') }}
    where invocation_id = '{{ invocation_id }}'
),

{% if is_incremental() %}
builds_ranked as (
    select
        customers,
        row_number() over (order by built_at desc) as recency_rank
    from {{ this }}
),

previous_build as (
    select customers
    from builds_ranked
    where recency_rank = 1
),
{% else %}
previous_build as (
    select cast(null as integer) as customers
    where 1 = 0
),
{% endif %}

customer_sizes as (
    select
        customer_id,
        count(*) as records
    from records_resolved
    group by customer_id
),

sizes_summarised as (
    select
        sum(records) as records,
        count(*) as customers,
        sum(case when records = 1 then 1 else 0 end) as single_record_customers,
        max(records) as largest_customer_records
    from customer_sizes
),

changes_summarised as (
    select
        count(distinct case
            when change_type = 'created' then customer_id
        end) as new_customer_ids,
        count(distinct case
            when change_type = 'merged' then previous_customer_id
        end) as merged_customer_ids,
        count(distinct case
            when change_type = 'split' then customer_id
        end) as split_customer_ids,
        sum(case when change_type = 'joined' then 1 else 0 end)
        as records_joined,
        sum(case when change_type = 'merged' then 1 else 0 end)
        as records_merged,
        sum(case when change_type = 'split' then 1 else 0 end)
        as records_split,
        sum(case when change_type = 'removed' then 1 else 0 end)
        as records_removed
    from id_changes
),

edges_summarised as (
    select
        sum(case when status = 'accepted' then 1 else 0 end) as accepted_edges,
        sum(case when status = 'rejected' then 1 else 0 end) as rejected_edges,
        sum(case when status = 'quarantined' then 1 else 0 end)
        as quarantined_edges
    from edges_guarded
),

profiles_summarised as (
    select
        count(*) as known_customers,
        sum(case when has_quarantined_links then 1 else 0 end)
        as customers_with_quarantined_links
    from profiles
),

health as (
    select
        cast('{{ invocation_id }}' as {{ dbt.type_string() }})
        as build_invocation_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp)
        as built_at,
        cast(sizes_summarised.records as integer) as records,
        cast(sizes_summarised.customers as integer) as customers,
        cast(profiles_summarised.known_customers as integer)
        as known_customers,
        cast(sizes_summarised.single_record_customers as integer)
        as single_record_customers,
        cast(
            cast(sizes_summarised.single_record_customers as double)
            / nullif(sizes_summarised.customers, 0) as double
        ) as single_record_customer_share,
        cast(sizes_summarised.largest_customer_records as integer)
        as largest_customer_records,
        cast(coalesce(changes_summarised.new_customer_ids, 0) as integer)
        as new_customer_ids,
        cast(coalesce(changes_summarised.merged_customer_ids, 0) as integer)
        as merged_customer_ids,
        cast(coalesce(changes_summarised.split_customer_ids, 0) as integer)
        as split_customer_ids,
        cast(coalesce(changes_summarised.records_joined, 0) as integer)
        as records_joined,
        cast(coalesce(changes_summarised.records_merged, 0) as integer)
        as records_merged,
        cast(coalesce(changes_summarised.records_split, 0) as integer)
        as records_split,
        cast(coalesce(changes_summarised.records_removed, 0) as integer)
        as records_removed,
        cast(
            cast(coalesce(changes_summarised.merged_customer_ids, 0) as double)
            / nullif(sizes_summarised.customers, 0) as double
        ) as merge_rate,
        cast(coalesce(edges_summarised.accepted_edges, 0) as integer)
        as accepted_edges,
        cast(coalesce(edges_summarised.rejected_edges, 0) as integer)
        as rejected_edges,
        cast(coalesce(edges_summarised.quarantined_edges, 0) as integer)
        as quarantined_edges,
        cast(profiles_summarised.customers_with_quarantined_links as integer)
        as customers_with_quarantined_links,
        cast(previous_build.customers as integer) as previous_customers,
        cast(
            cast(sizes_summarised.customers as double)
            / nullif(previous_build.customers, 0) - 1 as double
        ) as customer_change_share
    from sizes_summarised
    cross join changes_summarised
    cross join edges_summarised
    cross join profiles_summarised
    left join previous_build on 1 = 1
)

select * from health
