{# The value subject of the customer record: one row per customer who
    bought, with the purchase summary, the predicted lifetime value and the
    segments, and the as-of date of the value figures. #}
with

purchases as (
    select * from {{ ref('int_customer_purchases_summarised') }}
),

lifetime_values as (
    select * from {{ ref('int_customer_lifetime_values_predicted') }}
),

segments as (
    select * from {{ ref('int_customer_segments_assigned') }}
),

values_joined as (
    select
        purchases.customer_id,
        purchases.preferred_channel,
        purchases.preferred_category,
        purchases.orders,
        purchases.web_orders,
        purchases.store_orders,
        purchases.purchase_days,
        purchases.gross_sales_reporting,
        purchases.discounts_reporting,
        purchases.returns_reporting,
        purchases.net_revenue_reporting,
        purchases.cost_of_goods_reporting,
        purchases.gross_margin_reporting,
        purchases.margin_on_unknown_cost_reporting,
        purchases.unknown_cost_margin_share,
        purchases.average_order_value_reporting,
        purchases.return_rate,
        purchases.has_unknown_cost_of_goods,
        purchases.first_purchase_at,
        purchases.last_purchase_at,
        purchases.as_of_date,
        lifetime_values.expected_purchases,
        lifetime_values.probability_alive,
        lifetime_values.predicted_margin_value_reporting,
        segments.value_tier,
        segments.lifecycle_stage,
        segments.rfm_cell,
        segments.recency_score,
        segments.frequency_score,
        segments.monetary_score
    from purchases
    left join lifetime_values
        on purchases.customer_id = lifetime_values.customer_id
    left join segments
        on purchases.customer_id = segments.customer_id
)

select * from values_joined
