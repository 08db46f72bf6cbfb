{# What each customer bought, returned and earned us, and the purchase
    history the lifetime-value model reads. One row per customer with at
    least one sale or credit memo.

    Money (reporting currency): gross sales are non-return lines before
    discount; returns are store return lines plus ERP credit memos, as a
    positive amount; net revenue = gross sales - discounts - returns; cost of
    goods counts sold units minus the units that came back; gross margin =
    net revenue - cost of goods. Lines whose cost is unknown add no cost
    (has_unknown_cost_of_goods says so; margin_on_unknown_cost_reporting is
    the margin that stands on them and unknown_cost_margin_share its share
    of the gross margin).

    Only sales and credit memos up to the as-of date count. Purchase history
    in days, as BG/NBD reads it: a purchase is a day with at least one
    non-return line; frequency = purchase days - 1 (repeat purchases);
    recency = first to last purchase day; age = first purchase day to the
    as-of date (var ltv_as_of_date, default the last sale day in the data,
    so rebuilding old data gives the same answer). #}
with

all_sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

all_credit_memos as (
    select * from {{ ref('int_credit_memos_attributed') }}
),

as_of as (
    {{ ltv_as_of_date('all_sales_lines') }}
),

{# only what happened by the as-of day: the backtest compiles this model at
    an earlier day to see the history as it was then #}
sales_lines as (
    select all_sales_lines.*
    from all_sales_lines
    cross join as_of
    where
        all_sales_lines.customer_id is not null
        and cast(all_sales_lines.sold_at as date) <= as_of.as_of_date
),

credit_memos as (
    select all_credit_memos.*
    from all_credit_memos
    cross join as_of
    where
        all_credit_memos.customer_id is not null
        and cast(all_credit_memos.credited_at as date) <= as_of.as_of_date
),

lines_summarised as (
    select
        customer_id,
        count(distinct case when not is_return then document_id end)
        as orders,
        count(distinct case
            when not is_return and channel = 'web' then document_id
        end) as web_orders,
        count(distinct case
            when not is_return and channel = 'store' then document_id
        end) as store_orders,
        count(distinct case when not is_return then cast(sold_at as date) end)
        as purchase_days,
        sum(case when not is_return then gross_amount_reporting else 0 end)
        as gross_sales_reporting,
        sum(case when not is_return then discount_amount_reporting else 0 end)
        as discounts_reporting,
        -sum(case when is_return then net_amount_reporting else 0 end)
        as store_returns_reporting,
        sum(coalesce(cost_of_goods_reporting, 0))
        as line_cost_of_goods_reporting,
        {{ dbt.bool_or('not has_cost_of_goods') }} as has_unknown_line_cost,
        sum(
            case when not has_cost_of_goods then net_amount_reporting else 0 end
        ) as unknown_cost_line_revenue_reporting,
        min(case when not is_return then sold_at end) as first_purchase_at,
        max(case when not is_return then sold_at end) as last_purchase_at
    from sales_lines
    group by customer_id
),

memos_summarised as (
    select
        customer_id,
        sum(returned_amount_reporting) as credited_returns_reporting,
        sum(coalesce(cost_of_goods_returned_reporting, 0))
        as cost_of_goods_returned_reporting,
        {{ dbt.bool_or('has_unknown_cost') }} as has_unknown_memo_cost,
        sum(
            case when has_unknown_cost then returned_amount_reporting else 0 end
        ) as unknown_cost_memo_returns_reporting
    from credit_memos
    group by customer_id
),

{# preferred channel and category: where the customer's net spend is
    largest (ties: alphabetical) #}
channel_ranked as (
    select
        customer_id,
        channel,
        row_number() over (
            partition by customer_id
            order by sum(net_amount_reporting) desc, channel asc
        ) as channel_rank
    from sales_lines
    group by customer_id, channel
),

category_ranked as (
    select
        customer_id,
        category,
        row_number() over (
            partition by customer_id
            order by sum(net_amount_reporting) desc, category asc
        ) as category_rank
    from sales_lines
    group by customer_id, category
),

customers_unioned as (
    select customer_id from lines_summarised
    union
    select customer_id from memos_summarised
),

purchases_summarised as (
    select
        customers_unioned.customer_id,
        channel_ranked.channel as preferred_channel,
        category_ranked.category as preferred_category,
        lines_summarised.first_purchase_at,
        lines_summarised.last_purchase_at,
        as_of.as_of_date,
        coalesce(lines_summarised.orders, 0) as orders,
        coalesce(lines_summarised.web_orders, 0) as web_orders,
        coalesce(lines_summarised.store_orders, 0) as store_orders,
        coalesce(lines_summarised.purchase_days, 0) as purchase_days,
        coalesce(lines_summarised.gross_sales_reporting, 0)
        as gross_sales_reporting,
        coalesce(lines_summarised.discounts_reporting, 0)
        as discounts_reporting,
        coalesce(lines_summarised.store_returns_reporting, 0)
        + coalesce(memos_summarised.credited_returns_reporting, 0)
        as returns_reporting,
        coalesce(lines_summarised.line_cost_of_goods_reporting, 0)
        - coalesce(memos_summarised.cost_of_goods_returned_reporting, 0)
        as cost_of_goods_reporting,
        coalesce(lines_summarised.has_unknown_line_cost, false)
        or coalesce(memos_summarised.has_unknown_memo_cost, false)
        as has_unknown_cost_of_goods,
        coalesce(lines_summarised.unknown_cost_line_revenue_reporting, 0)
        - coalesce(memos_summarised.unknown_cost_memo_returns_reporting, 0)
        as margin_on_unknown_cost_reporting
    from customers_unioned
    cross join as_of
    left join lines_summarised
        on customers_unioned.customer_id = lines_summarised.customer_id
    left join memos_summarised
        on customers_unioned.customer_id = memos_summarised.customer_id
    left join channel_ranked
        on
            customers_unioned.customer_id = channel_ranked.customer_id
            and channel_ranked.channel_rank = 1
    left join category_ranked
        on
            customers_unioned.customer_id = category_ranked.customer_id
            and category_ranked.category_rank = 1
),

purchases_valued as (
    select
        *,
        gross_sales_reporting - discounts_reporting - returns_reporting
        as net_revenue_reporting,
        gross_sales_reporting - discounts_reporting - returns_reporting
        - cost_of_goods_reporting as gross_margin_reporting,
        case
            when gross_sales_reporting - discounts_reporting > 0
                then cast(returns_reporting as double)
                / (gross_sales_reporting - discounts_reporting)
        end as return_rate,
        case
            when orders > 0
                then cast(gross_sales_reporting - discounts_reporting
                - returns_reporting as double) / orders
        end as average_order_value_reporting,
        greatest(purchase_days - 1, 0) as frequency,
        {{ dbt.datediff(
            'cast(first_purchase_at as date)',
            'cast(last_purchase_at as date)',
            'day',
        ) }} as recency_days,
        {{ dbt.datediff(
            'cast(first_purchase_at as date)', 'as_of_date', 'day'
        ) }} as age_days,
        {# how much of the margin stands on items whose cost nobody knows
            (their whole net revenue counts as margin); above 1 when the
            items of known cost lost money #}
        case
            when gross_sales_reporting - discounts_reporting - returns_reporting
                - cost_of_goods_reporting > 0
                then cast(margin_on_unknown_cost_reporting as double)
                / (gross_sales_reporting - discounts_reporting
                - returns_reporting - cost_of_goods_reporting)
        end as unknown_cost_margin_share,
        case
            when purchase_days > 0
                then cast(gross_sales_reporting - discounts_reporting
                - returns_reporting - cost_of_goods_reporting as double)
                / purchase_days
        end as average_margin_per_purchase_reporting
    from purchases_summarised
)

select * from purchases_valued
