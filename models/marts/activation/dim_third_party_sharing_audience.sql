{# What may go to partners: customers whose third_party_sharing consent is
    granted and who have not asked to be erased, with their email and phone
    only as SHA-256 hashes (the form ad platforms match on) and the country
    and value tier. Customers with neither an email nor a phone cannot be
    matched by a partner and are left out.
    (The rule is decided in int_customer_360_assembled.) #}
with

customers as (
    select * from {{ ref('int_customer_360_assembled') }}
),

audience as (
    select
        customer_id,
        {{ c360_sha256('email') }} as email_sha256,
        {{ c360_sha256('phone') }} as phone_sha256,
        country_code,
        value_tier,
        third_party_sharing_consent_at as consented_at
    from customers
    where is_third_party_sharing_allowed
)

select * from audience
