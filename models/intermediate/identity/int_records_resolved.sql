{# Each identity record's current customer: the latest entry of the id
    history, with the record's group and the confidence of its links. One
    row per record. #}
with

changes as (
    select * from {{ ref('int_customer_id_changes_logged') }}
),

grouped as (
    select * from {{ ref('int_records_grouped') }}
),

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

changes_ranked as (
    select
        record_id,
        customer_id,
        row_number() over (
            partition by record_id order by changed_at desc, customer_id asc
        ) as recency_rank
    from changes
),

records_resolved as (
    select
        records.record_id,
        changes_ranked.customer_id,
        records.source_system,
        records.source_table,
        records.record_key,
        grouped.group_id,
        grouped.strong_component_id,
        grouped.component_records,
        grouped.is_size_capped
    from records
    inner join grouped
        on records.record_id = grouped.record_id
    inner join changes_ranked
        on
            records.record_id = changes_ranked.record_id
            and changes_ranked.recency_rank = 1
)

select * from records_resolved
