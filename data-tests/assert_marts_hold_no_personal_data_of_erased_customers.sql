{# Nobody who asked to be erased is identifiable in a mart: erased
    customers (int_customers_erased) have every personal column of
    dim_customer_360 null and appear in no activation export, and no email
    address or phone number any record of an erased customer carries (also
    a mailbox shared with others) appears in a mart (found through the
    ledger's salted hashes; tests/test_privacy_attacks.py also looks for
    plain SHA-256 hashes of them). Returns each finding. #}
with

customers_erased as (
    select * from {{ ref('int_customers_erased') }}
),

{# every email and phone of an erased person's records, as the erasure
   ledger holds them (salted hashes) #}
identifiers_erased as (
    select distinct
        identifier_type,
        identifier_hash
    from {{ ref('int_erasures_logged') }}
    where identifier_type in ('email', 'phone')
),

customers as (
    select * from {{ ref('dim_customer_360') }}
),

email_audience as (
    select * from {{ ref('dim_email_marketing_audience') }}
),

sms_audience as (
    select * from {{ ref('dim_sms_marketing_audience') }}
),

personalisation_audience as (
    select * from {{ ref('dim_personalisation_audience') }}
),

third_party_sharing_audience as (
    select * from {{ ref('dim_third_party_sharing_audience') }}
),

{# every place a mart publishes a customer id, an email or a phone #}
published_values as (
    select
        'dim_customer_360' as mart,
        customer_id,
        email,
        phone,
        first_name is not null or last_name is not null or street is not null
        or postal_code is not null or city is not null
        or country_code is not null or birth_date is not null
        as has_other_personal_data
    from customers
    union all
    select
        'dim_email_marketing_audience' as mart,
        customer_id,
        email,
        null as phone,
        true as has_other_personal_data
    from email_audience
    union all
    select
        'dim_sms_marketing_audience' as mart,
        customer_id,
        null as email,
        phone,
        true as has_other_personal_data
    from sms_audience
    union all
    select
        'dim_personalisation_audience' as mart,
        customer_id,
        null as email,
        null as phone,
        true as has_other_personal_data
    from personalisation_audience
    union all
    select
        'dim_third_party_sharing_audience' as mart,
        customer_id,
        email_sha256 as email,
        phone_sha256 as phone,
        true as has_other_personal_data
    from third_party_sharing_audience
),

{# the published emails and phones as the ledger hashes them, one row
    each, so the ledger is matched by an equality join (not a nested loop
    of every value with every ledger hash) #}
published_hashes as (
    select
        mart,
        customer_id,
        'email' as identifier_type,
        {{ erasure_hash("'email'", 'email') }} as identifier_hash
    from published_values
    where email is not null
    union all
    select
        mart,
        customer_id,
        'phone' as identifier_type,
        {{ erasure_hash("'phone'", 'phone') }} as identifier_hash
    from published_values
    where phone is not null
),

findings as (
    select
        published_values.mart,
        published_values.customer_id,
        'erased customer carries personal data' as finding
    from published_values
    inner join customers_erased
        on published_values.customer_id = customers_erased.customer_id
    where
        published_values.email is not null
        or published_values.phone is not null
        or published_values.has_other_personal_data
    union all
    select
        published_hashes.mart,
        published_hashes.customer_id,
        'identifier of an erased customer is published' as finding
    from published_hashes
    inner join identifiers_erased
        on
            published_hashes.identifier_type
            = identifiers_erased.identifier_type
            and published_hashes.identifier_hash
            = identifiers_erased.identifier_hash
)

select * from findings
