{# Which segments are most profitable, and can we reach them. One row per
    value tier and lifecycle stage (customers who never bought are the
    `prospect` row): how many customers, what they earned us (net revenue,
    gross margin, returns), what they are predicted to earn, how much
    service they need, how much of their margin stands on items whose cost
    nobody knows, and how many are in the email and SMS audiences
    (consented, not suppressed, not erased). #}
{%- set tiers = var('value_tier_shares') %}
with

customers as (
    select * from {{ ref('int_customer_360_assembled') }}
),

customers_reachable as (
    select
        value_tier,
        lifecycle_stage,
        net_revenue_reporting,
        gross_sales_reporting,
        returns_reporting,
        gross_margin_reporting,
        margin_on_unknown_cost_reporting,
        has_unknown_cost_of_goods,
        predicted_margin_value_reporting,
        tickets,
        is_email_marketing_reachable as is_email_reachable,
        is_sms_marketing_reachable as is_sms_reachable
    from customers
),

segments_summarised as (
    select
        value_tier,
        lifecycle_stage,
        count(*) as customers,
        sum(case when is_email_reachable then 1 else 0 end)
        as email_reachable_customers,
        sum(case when is_sms_reachable then 1 else 0 end)
        as sms_reachable_customers,
        sum(case when is_email_reachable or is_sms_reachable then 1 else 0 end)
        as reachable_customers,
        sum(gross_sales_reporting) as gross_sales_reporting,
        sum(returns_reporting) as returns_reporting,
        sum(net_revenue_reporting) as net_revenue_reporting,
        sum(gross_margin_reporting) as gross_margin_reporting,
        sum(margin_on_unknown_cost_reporting)
        as margin_on_unknown_cost_reporting,
        sum(case when has_unknown_cost_of_goods then 1 else 0 end)
        as unknown_cost_customers,
        sum(predicted_margin_value_reporting)
        as predicted_margin_value_reporting,
        sum(tickets) as tickets
    from customers_reachable
    group by value_tier, lifecycle_stage
),

segments_published as (
    select
        cast(value_tier as {{ dbt.type_string() }}) as value_tier,
        cast(lifecycle_stage as {{ dbt.type_string() }}) as lifecycle_stage,
        cast(case value_tier
            {%- for tier, share in tiers %}
            when '{{ tier }}' then {{ loop.index }}
            {%- endfor %}
            when 'no_value' then {{ tiers | length + 1 }}
            else {{ tiers | length + 2 }}
        end as integer) as value_tier_rank,
        cast(customers as integer) as customers,
        cast(reachable_customers as integer) as reachable_customers,
        cast(email_reachable_customers as integer)
        as email_reachable_customers,
        cast(sms_reachable_customers as integer) as sms_reachable_customers,
        cast(gross_sales_reporting as decimal(18, 2)) as gross_sales_reporting,
        cast(returns_reporting as decimal(18, 2)) as returns_reporting,
        cast(net_revenue_reporting as decimal(18, 2)) as net_revenue_reporting,
        cast(gross_margin_reporting as decimal(18, 2))
        as gross_margin_reporting,
        cast(margin_on_unknown_cost_reporting as decimal(18, 2))
        as margin_on_unknown_cost_reporting,
        cast(unknown_cost_customers as integer) as unknown_cost_customers,
        cast(
            case
                when gross_margin_reporting > 0
                    then cast(margin_on_unknown_cost_reporting as double)
                    / gross_margin_reporting
            end as double
        ) as unknown_cost_margin_share,
        {{ round_to_cents('coalesce(predicted_margin_value_reporting, 0)') }}
        as predicted_margin_value_reporting,
        {{ round_to_cents(
            'cast(gross_margin_reporting as double) / customers'
        ) }}
        as gross_margin_per_customer_reporting,
        cast(
            cast(gross_margin_reporting as double)
            / nullif(sum(gross_margin_reporting) over (), 0)
            as double
        ) as share_of_gross_margin,
        cast(returns_reporting as double) / nullif(gross_sales_reporting, 0)
        as return_rate,
        cast(tickets as double) / customers as tickets_per_customer,
        cast(reachable_customers as double) / customers
        as reachable_share,
        cast(email_reachable_customers as double) / customers
        as email_reachable_share,
        cast(sms_reachable_customers as double) / customers
        as sms_reachable_share
    from segments_summarised
)

select * from segments_published
