{# The latest build did not move identity more than the vars allow: its
    customer count changed by at most var identity_health_max_customer_change
    (a share) since the previous build, and it merged away at most var
    identity_health_max_merge_rate of the customers. A row is a build that
    did; if the change is intended (a new source, a rule change, a
    backfill), rebuild with --vars '{identity_health_accept_changes: true}'.
    Off when that var is set. #}
{%- set accept = var('identity_health_accept_changes') %}
with

builds_ranked as (
    select
        build_invocation_id,
        customers,
        previous_customers,
        customer_change_share,
        merge_rate,
        row_number() over (order by built_at desc) as recency_rank
    from {{ ref('fct_identity_health') }}
),

latest as (
    select * from builds_ranked
    where recency_rank = 1
)

select
    build_invocation_id,
    customers,
    previous_customers,
    customer_change_share,
    merge_rate
from latest
where
    {{ 'false' if accept else 'true' }}
    and (
        abs(coalesce(customer_change_share, 0))
        > {{ var('identity_health_max_customer_change') }}
        or merge_rate > {{ var('identity_health_max_merge_rate') }}
    )
