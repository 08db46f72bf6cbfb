{# Every consent decision with the customers it is about: the clean events
    of stg_consent__consent_events and the denials salvaged from
    quarantined rows (stg_consent__consent_denials_salvaged: consent fails
    closed). An event's identifier reaches every record it can mean
    (records_named_by_identifier): a CRM contact or loyalty member id its
    own record, an email or phone every customer whose records carry it.
    A grant made through an email or phone that several customers share
    cannot say which of them agreed, so it grants nobody
    (is_ambiguous_grant); a denial or withdrawal through it applies to all
    of them. A null purpose (a salvaged denial for an unknown purpose)
    denies every purpose; a null time (a salvaged denial with a bad time)
    ranks as the latest decision (int_customer_consents_resolved). An event
    whose identifier no customer carries keeps a null customer, so every
    event is accounted for. One row per event and customer. #}
with

clean_events as (
    select * from {{ ref('stg_consent__consent_events') }}
),

salvaged_denials as (
    select * from {{ ref('stg_consent__consent_denials_salvaged') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

consent_events as (
    select
        consent_event_id as consent_decision_key,
        consent_event_id,
        identifier_type,
        identifier_value_normalized,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        purpose,
        decision,
        source_system,
        occurred_at,
        cast(null as {{ dbt.type_string() }}) as quarantine_reason
    from clean_events
    union all
    select
        consent_decision_key,
        consent_event_id,
        identifier_type,
        identifier_value_normalized,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        purpose,
        decision,
        source_system,
        occurred_at,
        quarantine_reason
    from salvaged_denials
),

{# the records each event's identifier points at #}
events_to_records as (
    {{ records_named_by_identifier(
        'consent_events', 'consent_decision_key', 'identifiers', 'records'
    ) }}
),

events_to_customers as (
    select distinct
        events_to_records.consent_decision_key,
        resolved.customer_id
    from events_to_records
    inner join resolved
        on events_to_records.record_id = resolved.record_id
),

customers_per_event as (
    select
        consent_decision_key,
        count(*) as customers_sharing
    from events_to_customers
    group by consent_decision_key
),

events_attributed as (
    select
        consent_events.consent_decision_key,
        consent_events.consent_event_id,
        events_to_customers.customer_id,
        consent_events.identifier_type,
        consent_events.identifier_value_normalized as identifier_value,
        consent_events.purpose,
        consent_events.decision,
        consent_events.source_system,
        consent_events.occurred_at,
        consent_events.quarantine_reason,
        consent_events.quarantine_reason is not null as is_salvaged,
        coalesce(customers_per_event.customers_sharing, 0)
        as customers_sharing,
        consent_events.decision = 'granted'
        and coalesce(customers_per_event.customers_sharing, 0) > 1
        as is_ambiguous_grant
    from consent_events
    left join events_to_customers
        on
            consent_events.consent_decision_key
            = events_to_customers.consent_decision_key
    left join customers_per_event
        on
            consent_events.consent_decision_key
            = customers_per_event.consent_decision_key
)

select * from events_attributed
