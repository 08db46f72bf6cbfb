{# No activation export holds a customer without the consent its purpose
    needs, checked against the consent layer itself (not against
    dim_customer_360, which the exports read): the purpose's resolved state
    must be `granted`; the customer must have no erasure request; an email
    address must not be suppressed. Returns every offending row with the
    reason. #}
with

consents as (
    select * from {{ ref('int_customer_consents_resolved') }}
),

customers_erased as (
    select * from {{ ref('int_customers_erased') }}
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

email_addresses_suppressed as (
    select * from {{ ref('int_email_addresses_suppressed') }}
),

exports_unioned as (
    select
        customer_id,
        'email_marketing' as purpose,
        email
    from email_audience
    union all
    select
        customer_id,
        'sms_marketing' as purpose,
        null as email
    from sms_audience
    union all
    select
        customer_id,
        'personalisation' as purpose,
        null as email
    from personalisation_audience
    union all
    select
        customer_id,
        'third_party_sharing' as purpose,
        null as email
    from third_party_sharing_audience
),

violations as (
    select
        exports_unioned.customer_id,
        exports_unioned.purpose,
        case
            when coalesce(consents.consent_state, 'unknown') <> 'granted'
                then 'consent is '
                || coalesce(consents.consent_state, 'missing')
            when customers_erased.customer_id is not null
                then 'erasure requested'
            when email_addresses_suppressed.is_bouncing
                then 'email address bounces'
            when email_addresses_suppressed.last_unsubscribed_at
                >= consents.decided_at
                then 'email address unsubscribed after the consent'
        end as violation
    from exports_unioned
    left join consents
        on
            exports_unioned.customer_id = consents.customer_id
            and exports_unioned.purpose = consents.purpose
    left join customers_erased
        on exports_unioned.customer_id = customers_erased.customer_id
    left join email_addresses_suppressed
        on exports_unioned.email = email_addresses_suppressed.email
)

select * from violations
where violation is not null
