{# Who may get marketing text messages: customers whose sms_marketing
    consent is granted, who have a phone number (E.164) and who have not
    asked to be erased. Only the number, a first name and the country.
    (The rule is decided in int_customer_360_assembled.) #}
with

customers as (
    select * from {{ ref('int_customer_360_assembled') }}
),

audience as (
    select
        customer_id,
        phone,
        first_name,
        country_code,
        sms_marketing_consent_at as consented_at
    from customers
    where is_sms_marketing_reachable
)

select * from audience
