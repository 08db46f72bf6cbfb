{# Customers whose purchase history may shape what they are shown:
    personalisation consent granted and no erasure request. No contact
    data at all: the shop and the recommendation engine key on the customer
    id and need only the preferences and segments.
    (The rule is decided in int_customer_360_assembled.) #}
with

customers as (
    select * from {{ ref('int_customer_360_assembled') }}
),

audience as (
    select
        customer_id,
        preferred_channel,
        preferred_category,
        value_tier,
        lifecycle_stage,
        rfm_cell,
        loyalty_tier,
        personalisation_consent_at as consented_at
    from customers
    where is_personalisation_allowed
)

select * from audience
