{# One row per customer we know as a person: the published columns of
    int_customer_360_assembled, which assembles them (identity, contact,
    consent, purchases, value, segments, engagement, evidence; erased
    customers masked) and also decides the audiences. The audience flags
    stay inside: the audiences publish who qualifies. #}
with

customers as (
    select
        {{ dbt_utils.star(
            ref('int_customer_360_assembled'),
            except=[
                'is_email_marketing_reachable',
                'is_sms_marketing_reachable',
                'is_personalisation_allowed',
                'is_third_party_sharing_allowed',
            ],
        ) }}
    from {{ ref('int_customer_360_assembled') }}
)

select * from customers
