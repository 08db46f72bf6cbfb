{# How each customer deals with us beyond buying: service tickets, campaign
    emails and the loyalty programme. One row per customer with any of
    them. Tickets and memberships are identity records, so they follow
    their customer; email events name only an address, so they count for
    every customer whose records carry it (a family mailbox's opens count
    for each member of the family). A customer with several memberships
    has the highest tier (var loyalty_tier_order) and the points of all. #}
{%- set tiers = var('loyalty_tier_order') %}
with

tickets as (
    select * from {{ ref('stg_service__tickets') }}
),

email_events as (
    select * from {{ ref('stg_marketing__email_events') }}
),

members as (
    select * from {{ ref('stg_loyalty__members') }}
),

points_ledger as (
    select * from {{ ref('stg_loyalty__points_ledger') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

tickets_summarised as (
    select
        resolved.customer_id,
        count(*) as tickets,
        sum(case when tickets.is_open then 1 else 0 end) as open_tickets,
        avg(tickets.csat_score) as average_csat,
        max(tickets.opened_at) as last_ticket_at
    from tickets
    inner join resolved
        on 'service.tickets:' || tickets.ticket_id = resolved.record_id
    group by resolved.customer_id
),

email_customers as (
    select distinct
        identifiers.identifier_value as email,
        resolved.customer_id
    from identifiers
    inner join resolved
        on identifiers.record_id = resolved.record_id
    where identifiers.identifier_type = 'email'
),

emails_summarised as (
    select
        email_customers.customer_id,
        sum(case when email_events.event_type = 'send' then 1 else 0 end)
        as emails_sent,
        sum(case when email_events.event_type = 'open' then 1 else 0 end)
        as emails_opened,
        sum(case when email_events.event_type = 'click' then 1 else 0 end)
        as emails_clicked,
        {{ dbt.bool_or("email_events.event_type = 'unsubscribe'") }}
        as has_unsubscribed,
        max(case
            when email_events.event_type in ('open', 'click')
                then email_events.occurred_at
        end) as last_engaged_at
    from email_events
    inner join email_customers
        on email_events.recipient_email = email_customers.email
    group by email_customers.customer_id
),

member_points as (
    select
        member_id,
        sum(points) as points_balance
    from points_ledger
    group by member_id
),

memberships_summarised as (
    select
        resolved.customer_id,
        count(*) as loyalty_memberships,
        sum(coalesce(member_points.points_balance, 0))
        as loyalty_points_balance,
        max(case members.tier
            {%- for tier in tiers %}
            when '{{ tier }}' then {{ loop.index }}
            {%- endfor %}
            else 0
        end) as tier_rank
    from members
    inner join resolved
        on 'loyalty.members:' || members.member_id = resolved.record_id
    left join member_points
        on members.member_id = member_points.member_id
    group by resolved.customer_id
),

customers_unioned as (
    select customer_id from tickets_summarised
    union
    select customer_id from emails_summarised
    union
    select customer_id from memberships_summarised
),

engagement_summarised as (
    select
        customers_unioned.customer_id,
        case memberships_summarised.tier_rank
            {%- for tier in tiers %}
            when {{ loop.index }} then '{{ tier }}'
            {%- endfor %}
        end as loyalty_tier,
        tickets_summarised.average_csat,
        tickets_summarised.last_ticket_at,
        emails_summarised.last_engaged_at,
        coalesce(tickets_summarised.tickets, 0) as tickets,
        coalesce(tickets_summarised.open_tickets, 0) as open_tickets,
        coalesce(emails_summarised.emails_sent, 0) as emails_sent,
        coalesce(emails_summarised.emails_opened, 0) as emails_opened,
        coalesce(emails_summarised.emails_clicked, 0) as emails_clicked,
        coalesce(memberships_summarised.loyalty_memberships, 0)
        as loyalty_memberships,
        coalesce(memberships_summarised.loyalty_points_balance, 0)
        as loyalty_points_balance,
        coalesce(emails_summarised.has_unsubscribed, false)
        as has_unsubscribed
    from customers_unioned
    left join tickets_summarised
        on customers_unioned.customer_id = tickets_summarised.customer_id
    left join emails_summarised
        on customers_unioned.customer_id = emails_summarised.customer_id
    left join memberships_summarised
        on customers_unioned.customer_id = memberships_summarised.customer_id
)

select * from engagement_summarised
