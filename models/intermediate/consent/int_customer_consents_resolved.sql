{# Each customer's consent for each purpose: the latest decision made
    through any of the customer's identities wins (a denial wins a tie);
    no usable decision means `unknown`, which is not granted. Grants that
    could belong to several customers (int_consent_events_attributed) do
    not count. Consent fails closed: a salvaged denial without a purpose
    denies every purpose, and one without a usable time is the latest
    decision. One row per customer and purpose of the consent_purposes
    seed. #}
with

events as (
    select * from {{ ref('int_consent_events_attributed') }}
    where customer_id is not null and not is_ambiguous_grant
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

purposes as (
    select * from {{ ref('consent_purposes') }}
),

customers as (
    select distinct customer_id from resolved
),

{# a decision without a purpose is about every purpose #}
events_per_purpose as (
    select
        events.customer_id,
        purposes.purpose,
        events.decision,
        events.source_system,
        events.consent_decision_key,
        events.occurred_at
    from events
    inner join purposes
        on
            events.purpose = purposes.purpose
            or events.purpose is null
),

decisions_ranked as (
    select
        customer_id,
        purpose,
        decision,
        source_system,
        consent_decision_key,
        occurred_at,
        row_number() over (
            partition by customer_id, purpose
            order by
                case when occurred_at is null then 0 else 1 end asc,
                occurred_at desc,
                case when decision = 'granted' then 1 else 0 end asc,
                consent_decision_key asc
        ) as recency_rank
    from events_per_purpose
),

consents_resolved as (
    select
        customers.customer_id,
        purposes.purpose,
        decisions_ranked.source_system as decided_in,
        decisions_ranked.consent_decision_key as deciding_event_id,
        decisions_ranked.occurred_at as decided_at,
        coalesce(decisions_ranked.decision, 'unknown') as consent_state,
        coalesce(decisions_ranked.decision = 'granted', false) as is_granted
    from customers
    cross join purposes
    left join decisions_ranked
        on
            customers.customer_id = decisions_ranked.customer_id
            and purposes.purpose = decisions_ranked.purpose
            and decisions_ranked.recency_rank = 1
)

select * from consents_resolved
