{# Who may get marketing email today: customers whose email_marketing
    consent is granted, who have an email address, whose address is not
    suppressed (bouncing, or unsubscribed after the consent) and who have
    not asked to be erased. Only what a campaign tool needs: the address,
    a first name to greet, the country for language and send time, and the
    segments to pick content by.
    (The rule is decided in int_customer_360_assembled.) #}
with

customers as (
    select * from {{ ref('int_customer_360_assembled') }}
),

audience as (
    select
        customer_id,
        email,
        first_name,
        country_code,
        value_tier,
        lifecycle_stage,
        preferred_category,
        email_marketing_consent_at as consented_at
    from customers
    where is_email_marketing_reachable
)

select * from audience
