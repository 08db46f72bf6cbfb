{{
    config(
        materialized='incremental',
        full_refresh=false,
        on_schema_change='fail',
    )
}}
{# The id history: one row each time a record gets a customer id or its
    customer id changes. Rebuilds append to it (it survives --full-refresh),
    so ids stay stable: each group keeps the previous id held by most of its
    records, unless another group holds more records of that id (then the
    group was split off and gets a new id). change_type: created (a new
    customer), joined (a new record of an existing customer), merged (the
    record's old customer was absorbed into another), split (the record left
    its old customer, which lives on), removed (the record is gone). #}
with

grouped as (
    select * from {{ ref('int_records_grouped') }}
),

{% if is_incremental() %}
previous_rows_ranked as (
    select
        record_id,
        customer_id,
        row_number() over (
            partition by record_id order by changed_at desc, customer_id asc
        ) as recency_rank
    from {{ this }}
),

previous as (
    select
        record_id,
        customer_id
    from previous_rows_ranked
    where recency_rank = 1 and customer_id is not null
),
{% else %}
previous as (
    select
        cast(null as {{ dbt.type_string() }}) as record_id,
        cast(null as {{ dbt.type_string() }}) as customer_id
    where 1 = 0
),
{% endif %}

group_previous_ids as (
    select
        grouped.group_id,
        previous.customer_id,
        count(*) as records_holding
    from grouped
    inner join previous
        on grouped.record_id = previous.record_id
    group by grouped.group_id, previous.customer_id
),

{# The heir of a previous id: the group holding most of its records. #}
heirs_ranked as (
    select
        *,
        row_number() over (
            partition by customer_id order by records_holding desc, group_id asc
        ) as heir_rank
    from group_previous_ids
),

ids_kept_ranked as (
    select
        group_id,
        customer_id,
        row_number() over (
            partition by group_id order by records_holding desc, customer_id asc
        ) as keep_rank
    from heirs_ranked
    where heir_rank = 1
),

{# A new customer's id derives from its first record; should that id be
    taken already (the record was split out of the customer it named), the
    run's invocation id makes it unique. #}
groups_named as (
    select distinct
        grouped.group_id,
        ids_kept.customer_id as kept_customer_id,
        {{ dbt_utils.generate_surrogate_key(['grouped.group_id']) }}
            as derived_customer_id
    from grouped
    left join ids_kept_ranked as ids_kept
        on grouped.group_id = ids_kept.group_id and ids_kept.keep_rank = 1
),

groups_assigned as (
    select
        groups_named.group_id,
        groups_named.kept_customer_id is not null as is_existing_customer,
        case
            when groups_named.kept_customer_id is not null
                then groups_named.kept_customer_id
            when groups_named.derived_customer_id in (
                select previous.customer_id from previous
            )
                then {{ dbt_utils.generate_surrogate_key(
                    ['groups_named.group_id', "'" ~ invocation_id ~ "'"]
                ) }}
            else groups_named.derived_customer_id
        end as customer_id
    from groups_named
),

records_assigned as (
    select
        grouped.record_id,
        groups_assigned.customer_id,
        previous.customer_id as previous_customer_id,
        case
            when previous.customer_id is null
                and not groups_assigned.is_existing_customer
                then 'created'
            when previous.customer_id is null then 'joined'
            when previous.customer_id in (
                select ids_kept_ranked.customer_id
                from ids_kept_ranked
                where ids_kept_ranked.keep_rank = 1
            )
                then 'split'
            else 'merged'
        end as change_type
    from grouped
    inner join groups_assigned
        on grouped.group_id = groups_assigned.group_id
    left join previous
        on grouped.record_id = previous.record_id
    where
        previous.customer_id is null
        or previous.customer_id <> groups_assigned.customer_id
),

records_removed as (
    select
        previous.record_id,
        cast(null as {{ dbt.type_string() }}) as customer_id,
        previous.customer_id as previous_customer_id,
        'removed' as change_type
    from previous
    left join grouped
        on previous.record_id = grouped.record_id
    where grouped.record_id is null
),

changes as (
    select * from records_assigned
    union all
    select * from records_removed
)

select
    record_id,
    customer_id,
    previous_customer_id,
    change_type,
    '{{ invocation_id }}' as invocation_id,
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp)
        as changed_at
from changes
