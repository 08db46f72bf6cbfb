{# Each customer's consent for each purpose: the latest decision made
    through any of the customer's identities wins (a denial wins a tie);
    no usable decision means `unknown`, which is not granted. Grants that
    could belong to several customers (int_consent_events_attributed) do
    not count. One row per customer and purpose of the consent_purposes
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

decisions_ranked as (
    select
        customer_id,
        purpose,
        decision,
        source_system,
        consent_event_id,
        occurred_at,
        row_number() over (
            partition by customer_id, purpose
            order by
                occurred_at desc,
                case when decision = 'granted' then 1 else 0 end asc,
                consent_event_id asc
        ) as recency_rank
    from events
),

consents_resolved as (
    select
        customers.customer_id,
        purposes.purpose,
        decisions_ranked.source_system as decided_in,
        decisions_ranked.consent_event_id as deciding_event_id,
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
