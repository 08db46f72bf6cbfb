{# The consent subject of the customer record: one row per customer, with
    one state, source and time per purpose of the consent_purposes seed
    (null where the customer never decided) and whether the golden email
    address is suppressed: `bounced`, or `unsubscribed` when the address
    unsubscribed after the customer's latest decision for any purpose sent
    by email (a grant after the unsubscribe lifts it). #}
{%- set purposes = dbt_utils.get_column_values(
    ref('consent_purposes'), 'purpose', order_by='purpose', default=[]
) %}
{%- set email_purposes = dbt_utils.get_column_values(
    ref('consent_purposes'), 'purpose', where="channel = 'email'", default=[]
) %}
with

golden_records as (
    select * from {{ ref('int_golden_records_assembled') }}
),

consents as (
    select * from {{ ref('int_customer_consents_resolved') }}
),

email_addresses_suppressed as (
    select * from {{ ref('int_email_addresses_suppressed') }}
),

consents_pivoted as (
    select
        customer_id
        {%- for purpose in purposes %},
        max(case when purpose = '{{ purpose }}' then consent_state end)
        as {{ purpose }}_consent_state,
        max(case when purpose = '{{ purpose }}' then decided_in end)
        as {{ purpose }}_consent_source,
        max(case when purpose = '{{ purpose }}' then decided_at end)
        as {{ purpose }}_consent_at
        {%- endfor %}
    from consents
    group by customer_id
),

email_consents_decided as (
    select
        customer_id,
        max(decided_at) as decided_at
    from consents
    where purpose in (
        {%- for purpose in email_purposes %}
        '{{ purpose }}'{% if not loop.last %}, {% endif %}
        {%- endfor %}
        {%- if email_purposes | length == 0 %}null{% endif %}
    )
    group by customer_id
),

customers_consents as (
    select
        golden_records.customer_id,
        {%- for purpose in purposes %}
        consents_pivoted.{{ purpose }}_consent_state,
        consents_pivoted.{{ purpose }}_consent_source,
        consents_pivoted.{{ purpose }}_consent_at,
        {%- endfor %}
        case
            when email_addresses_suppressed.is_bouncing then 'bounced'
            when email_addresses_suppressed.last_unsubscribed_at
                >= coalesce(
                    email_consents_decided.decided_at,
                    email_addresses_suppressed.last_unsubscribed_at
                )
                then 'unsubscribed'
        end as email_suppression_reason
    from golden_records
    left join consents_pivoted
        on golden_records.customer_id = consents_pivoted.customer_id
    left join email_addresses_suppressed
        on golden_records.email = email_addresses_suppressed.email
    left join email_consents_decided
        on golden_records.customer_id = email_consents_decided.customer_id
)

select * from customers_consents
