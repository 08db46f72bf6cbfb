{# Customers who asked to be forgotten: every customer an erasure request's
    identifier points at (an email shared by a family erases each of them:
    over-erasing loses a profile, under-erasing breaks the law). Pending
    requests count: the marts stop showing the person's data on the day the
    request arrives. One row per erased customer. #}
with

privacy_requests as (
    select * from {{ ref('stg_consent__privacy_requests') }}
    where request_type = 'erasure'
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

requests_to_records as (
    {{ records_named_by_identifier(
        'privacy_requests', 'request_id', 'identifiers'
    ) }}
),

customers_erased as (
    select
        resolved.customer_id,
        count(distinct requests_to_records.request_id) as erasure_requests,
        min(case when privacy_requests.is_completed then 1 else 0 end) = 1
        as is_every_request_completed,
        min(privacy_requests.requested_at) as first_requested_at
    from requests_to_records
    inner join resolved
        on requests_to_records.record_id = resolved.record_id
    inner join privacy_requests
        on requests_to_records.request_id = privacy_requests.request_id
    group by resolved.customer_id
)

select * from customers_erased
