{# The purchase days the lifetime-value model splits in time are the ones
    the purchase summary counts: per customer, as many days, from the same
    first to the same last. A row is a customer on whom the two disagree. #}
with

days as (
    select
        customer_id,
        count(*) as purchase_days,
        min(purchase_date) as first_purchase_date,
        max(purchase_date) as last_purchase_date
    from {{ ref('int_customer_purchase_days_listed') }}
    group by customer_id
),

summary as (
    select
        customer_id,
        purchase_days,
        cast(first_purchase_at as date) as first_purchase_date,
        cast(last_purchase_at as date) as last_purchase_date
    from {{ ref('int_customer_purchases_summarised') }}
    where purchase_days > 0
)

select
    days.purchase_days as listed_days,
    summary.purchase_days as summarised_days,
    coalesce(days.customer_id, summary.customer_id) as customer_id
from days
full outer join summary
    on days.customer_id = summary.customer_id
where
    days.customer_id is null
    or summary.customer_id is null
    or days.purchase_days <> summary.purchase_days
    or days.first_purchase_date <> summary.first_purchase_date
    or days.last_purchase_date <> summary.last_purchase_date
