{# Each buying customer's segments. RFM: recency, frequency and monetary
    scores from 1 to 5 (quintiles among buying customers; 5 is best: the
    most recent, most frequent, highest gross margin). Value tier: the share
    of buying customers ranked at or above the customer by predicted margin
    value, cut by var value_tier_shares; zero or negative
    predicted value is `no_value`. Lifecycle: days since the last purchase
    at the as-of date against var lifecycle_days. One row per customer with
    a purchase; ties in a rank go to the smaller customer id. #}
{%- set shares = var('value_tier_shares') %}
{%- set days = var('lifecycle_days') %}
with

purchases as (
    select * from {{ ref('int_customer_purchases_summarised') }}
    where purchase_days > 0
),

predictions as (
    select * from {{ ref('int_customer_lifetime_values_predicted') }}
),

customers_scored as (
    select
        purchases.customer_id,
        predictions.predicted_margin_value_reporting,
        {{ dbt.datediff(
            'cast(purchases.last_purchase_at as date)',
            'purchases.as_of_date',
            'day',
        ) }} as days_since_last_purchase,
        {{ dbt.datediff(
            'cast(purchases.first_purchase_at as date)',
            'purchases.as_of_date',
            'day',
        ) }} as days_since_first_purchase,
        ntile(5) over (
            order by purchases.last_purchase_at asc, purchases.customer_id desc
        ) as recency_score,
        ntile(5) over (
            order by purchases.purchase_days asc, purchases.customer_id desc
        ) as frequency_score,
        ntile(5) over (
            order by
                purchases.gross_margin_reporting asc,
                purchases.customer_id desc
        ) as monetary_score,
        cast(row_number() over (
            order by
                predictions.predicted_margin_value_reporting desc,
                purchases.customer_id asc
        ) as double) / count(*) over () as value_rank_share
    from purchases
    inner join predictions
        on purchases.customer_id = predictions.customer_id
),

segments_assigned as (
    select
        customer_id,
        case
            when predicted_margin_value_reporting <= 0 then 'no_value'
            {%- set ns = namespace(cumulative=0) %}
            {%- for tier, share in shares %}
            {%- set ns.cumulative = ns.cumulative + share %}
            {%- if not loop.last %}
            when value_rank_share <= {{ ns.cumulative | round(6) }}
                then '{{ tier }}'
            {%- else %}
            else '{{ tier }}'
            {%- endif %}
            {%- endfor %}
        end as value_tier,
        case
            when days_since_first_purchase <= {{ days['new'] }} then 'new'
            when days_since_last_purchase <= {{ days['active'] }} then 'active'
            when days_since_last_purchase <= {{ days['at_risk'] }}
                then 'at_risk'
            when days_since_last_purchase <= {{ days['lapsed'] }}
                then 'lapsed'
            else 'churned'
        end as lifecycle_stage,
        cast(recency_score as {{ dbt.type_string() }})
        || cast(frequency_score as {{ dbt.type_string() }})
        || cast(monetary_score as {{ dbt.type_string() }}) as rfm_cell,
        recency_score,
        frequency_score,
        monetary_score,
        days_since_last_purchase
    from customers_scored
)

select * from segments_assigned
