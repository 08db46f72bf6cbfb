{# Lifetime value per customer who bought or returned something: the
    historical value the back office knows (gross sales, discounts, returns,
    cost of goods, gross margin, all in the reporting currency) next to the
    predicted value (purchases and probability alive from the purchase
    model the build's backtest chose, Gamma-Gamma margin per purchase,
    discounted over var ltv_horizon_months), the chosen model with its
    parameters, buying calendar (when the backtest kept one), backtest figures and statuses that say whether a penalizer
    or a fallback was needed, and the segments. Holds
    no personal data, so erased customers keep their (de-identified)
    figures. #}
{%- set text_type = dbt.type_string() %}

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

lifetime_values_joined as (
    select
        cast(purchases.customer_id as {{ text_type }}) as customer_id,
        cast(coalesce(segments.value_tier, 'prospect') as {{ text_type }})
        as value_tier,
        cast(coalesce(segments.lifecycle_stage, 'prospect') as {{ text_type }})
        as lifecycle_stage,
        cast(lifetime_values.purchase_model_status as {{ text_type }})
        as purchase_model_status,
        cast(lifetime_values.spend_model_status as {{ text_type }})
        as spend_model_status,
        {#- the purchase model the build chose and its backtest figures #}
        {%- for column, type in [
            ('purchase_model', text_type),
            ('purchase_model_parameters', text_type),
            ('purchase_model_penalizer', 'double'),
            ('purchase_season', text_type),
            ('selection_holdout_weeks', 'double'),
            ('selection_predicted_purchases', 'double'),
            ('selection_actual_purchases', 'double'),
            ('selection_purchases_mae', 'double'),
            ('selection_scores', text_type),
        ] %}
        cast(lifetime_values.{{ column }} as {{ type }}) as {{ column }},
        {%- endfor %}
        cast(purchases.orders as integer) as orders,
        cast(purchases.purchase_days as integer) as purchase_days,
        cast(purchases.frequency as integer) as repeat_purchase_days,
        cast(purchases.recency_days as integer) as recency_days,
        cast(purchases.age_days as integer) as age_days,
        {%- for amount in [
            'gross_sales_reporting', 'discounts_reporting',
            'returns_reporting', 'net_revenue_reporting',
            'cost_of_goods_reporting', 'gross_margin_reporting',
            'margin_on_unknown_cost_reporting',
        ] %}
        cast(purchases.{{ amount }} as decimal(18, 2)) as {{ amount }},
        {%- endfor %}
        cast(purchases.return_rate as double) as return_rate,
        cast(lifetime_values.expected_purchases as double)
        as predicted_purchases,
        cast(lifetime_values.probability_alive as double)
        as probability_alive,
        cast(lifetime_values.expected_margin_per_purchase_reporting as double)
        as expected_margin_per_purchase_reporting,
        {{ round_to_cents('lifetime_values.predicted_margin_value_reporting') }}
        as predicted_margin_value_reporting,
        {{ round_to_cents(
            'purchases.gross_margin_reporting'
            ~ ' + coalesce(lifetime_values.predicted_margin_value_reporting, 0)'
        ) }} as lifetime_margin_value_reporting,
        cast({{ var('ltv_horizon_months') }} as integer) as horizon_months,
        cast({{ var('ltv_annual_discount_rate') }} as double)
        as annual_discount_rate,
        cast(purchases.has_unknown_cost_of_goods as boolean)
        as has_unknown_cost_of_goods,
        cast(purchases.unknown_cost_margin_share as double)
        as unknown_cost_margin_share,
        cast(purchases.as_of_date as date) as as_of_date,
        cast(purchases.first_purchase_at as timestamp) as first_purchase_at,
        cast(purchases.last_purchase_at as timestamp) as last_purchase_at
    from purchases
    left join lifetime_values
        on purchases.customer_id = lifetime_values.customer_id
    left join segments
        on purchases.customer_id = segments.customer_id
)

select * from lifetime_values_joined
