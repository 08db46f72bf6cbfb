{# Who may get marketing text messages: customers whose sms_marketing
    consent is granted, who have a phone number (E.164) and who have not
    asked to be erased. Only the number, a first name and the country. #}
with

customers as (
    select * from {{ ref('dim_customer_360') }}
),

audience as (
    select
        customer_id,
        phone,
        first_name,
        country_code,
        sms_marketing_consent_at as consented_at
    from customers
    where
        sms_marketing_consent_state = 'granted'
        and phone is not null
        and not is_erased
)

select * from audience
