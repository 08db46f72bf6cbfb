{# Every consent decision with the customers it is about. An event names
    one identifier: a CRM contact or loyalty member id (one record, one
    customer), or an email or phone (every customer whose records carry it).
    A grant made through an email or phone that several customers share
    cannot say which of them agreed, so it grants nobody
    (is_ambiguous_grant); a denial or withdrawal through it applies to all
    of them. An event whose identifier no customer carries keeps a null
    customer, so every event is accounted for. One row per event and
    customer. #}
with

consent_events as (
    select * from {{ ref('stg_consent__consent_events') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

{# the records each event's identifier points at #}
events_to_records as (
    {{ records_named_by_identifier(
        'consent_events', 'consent_event_id', 'identifiers'
    ) }}
),

events_to_customers as (
    select distinct
        events_to_records.consent_event_id,
        resolved.customer_id
    from events_to_records
    inner join resolved
        on events_to_records.record_id = resolved.record_id
),

customers_per_event as (
    select
        consent_event_id,
        count(*) as customers_sharing
    from events_to_customers
    group by consent_event_id
),

events_attributed as (
    select
        consent_events.consent_event_id,
        events_to_customers.customer_id,
        consent_events.identifier_type,
        consent_events.identifier_value_normalized as identifier_value,
        consent_events.purpose,
        consent_events.decision,
        consent_events.source_system,
        consent_events.occurred_at,
        coalesce(customers_per_event.customers_sharing, 0)
        as customers_sharing,
        consent_events.decision = 'granted'
        and coalesce(customers_per_event.customers_sharing, 0) > 1
        as is_ambiguous_grant
    from consent_events
    left join events_to_customers
        on
            consent_events.consent_event_id
            = events_to_customers.consent_event_id
    left join customers_per_event
        on
            consent_events.consent_event_id
            = customers_per_event.consent_event_id
)

select * from events_attributed
