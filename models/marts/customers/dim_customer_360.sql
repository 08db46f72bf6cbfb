{# One row per customer we know as a person: the columns of
    int_customer_360_assembled, which assembles them from one model per
    subject (identity, contact, consent, purchases, value, segments,
    engagement, evidence; erased customers masked) and decides who each
    activation audience may hold (the is_*_reachable / is_*_allowed
    flags, the same rule the audiences publish). #}
with

customers as (
    select {{ dbt_utils.star(ref('int_customer_360_assembled')) }}
    from {{ ref('int_customer_360_assembled') }}
)

select * from customers
