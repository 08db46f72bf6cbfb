{# Every customer a mart publishes was minted by identity resolution: its
    id is in int_records_resolved. Returns the mart and id of any other. #}
with

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

{%- set marts = [
    'dim_customer_360',
    'fct_customer_lifetime_values',
    'dim_email_marketing_audience',
    'dim_sms_marketing_audience',
    'dim_personalisation_audience',
    'dim_third_party_sharing_audience',
] %}

published_customers as (
    {%- for mart in marts %}
    select
        '{{ mart }}' as mart,
        customer_id
    from {{ ref(mart) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

customers_unknown as (
    select
        published_customers.mart,
        published_customers.customer_id
    from published_customers
    left join resolved
        on published_customers.customer_id = resolved.customer_id
    where resolved.customer_id is null
)

select * from customers_unknown
