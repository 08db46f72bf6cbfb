{# Customers who asked to be forgotten, from the erasure ledger
    (int_erasures_logged), so an erasure outlives its request: every
    customer with a record the ledger names, and every customer with a
    record carrying an email or phone whose salted hash the ledger holds as
    named by a request (a new record with an erased address is erased on
    arrival; the erased person's other addresses, which may be a family's,
    erase nobody else). An email a request names that a family shares
    erases each of them: over-erasing loses a profile, under-erasing breaks
    the law. Pending requests count: the marts stop showing the person's
    data on the day the request arrives. One row per erased customer. #}
with

ledger as (
    select * from {{ ref('int_erasures_logged') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
    where identifier_type in ('email', 'phone')
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

ledger_hashes as (
    select distinct
        identifier_hash,
        erasure_request_key,
        requested_at,
        logged_at
    from ledger
    where is_named and identifier_type in ('email', 'phone')
),

records_erased as (
    select
        record_id,
        erasure_request_key,
        requested_at,
        logged_at
    from ledger
    union all
    select
        identifiers.record_id,
        ledger_hashes.erasure_request_key,
        ledger_hashes.requested_at,
        ledger_hashes.logged_at
    from identifiers
    inner join ledger_hashes
        on
            {{ erasure_hash(
                'identifiers.identifier_type', 'identifiers.identifier_value'
            ) }} = ledger_hashes.identifier_hash
),

customers_erased as (
    select
        resolved.customer_id,
        count(distinct records_erased.erasure_request_key)
        as erasure_requests,
        min(records_erased.requested_at) as first_requested_at,
        min(records_erased.logged_at) as first_logged_at
    from records_erased
    inner join resolved
        on records_erased.record_id = resolved.record_id
    group by resolved.customer_id
)

select * from customers_erased
