{# Customers whose purchase history may shape what they are shown:
    personalisation consent granted and no erasure request. No contact
    data at all: the shop and the recommendation engine key on the customer
    id and need only the preferences and segments. #}
with

customers as (
    select * from {{ ref('dim_customer_360') }}
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
    where
        personalisation_consent_state = 'granted'
        and not is_erased
)

select * from audience
