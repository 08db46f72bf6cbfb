{# Email addresses that campaign traffic puts on the suppression list:
    the address unsubscribed through a campaign email, or its latest
    delivery attempt bounced. An unsubscribe outranks an email consent
    given before it, but not one given after it (a re-subscription);
    dim_customer_360 compares the times. One row per address with at least
    one unsubscribe or bounce. #}
with

email_events as (
    select * from {{ ref('stg_marketing__email_events') }}
    where event_type in ('delivered', 'bounce', 'unsubscribe')
),

addresses_summarised as (
    select
        recipient_email as email,
        max(case when event_type = 'unsubscribe' then occurred_at end)
        as last_unsubscribed_at,
        max(case when event_type = 'bounce' then occurred_at end)
        as last_bounced_at,
        max(case when event_type = 'delivered' then occurred_at end)
        as last_delivered_at
    from email_events
    where recipient_email is not null
    group by recipient_email
),

addresses_suppressed as (
    select
        email,
        last_unsubscribed_at,
        last_bounced_at,
        last_bounced_at is not null
        and (last_delivered_at is null or last_bounced_at > last_delivered_at)
        as is_bouncing
    from addresses_summarised
    where
        last_unsubscribed_at is not null
        or last_bounced_at is not null
)

select * from addresses_suppressed
