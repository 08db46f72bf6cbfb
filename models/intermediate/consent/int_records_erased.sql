{# Every identity record of an erased person: the records the erasure
    ledger names and every record of a customer int_customers_erased lists.
    int_erasures_applied masks these records' personal data in every table
    upstream of the marts. One row per record. #}
with

ledger as (
    select * from {{ ref('int_erasures_logged') }}
),

customers_erased as (
    select * from {{ ref('int_customers_erased') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

records_unioned as (
    select record_id from ledger
    union
    select resolved.record_id
    from resolved
    inner join customers_erased
        on resolved.customer_id = customers_erased.customer_id
)

select record_id from records_unioned
