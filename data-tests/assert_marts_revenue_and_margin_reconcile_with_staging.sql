{# Net revenue and gross margin in the marts add up, to the cent, to what
    staging holds up to the as-of date: completed web order lines plus
    store receipt lines minus ERP credit memos (all already converted to
    the reporting currency in staging), and their cost of goods at the
    products' standard cost. The cost that comes back with a credit memo is
    the one derived amount taken from the sales layer
    (int_credit_memos_attributed). Sales nobody can be named for (anonymous
    receipts) are counted on the mart side from the sales layer. Also
    checks that dim_customer_360 and fct_customer_lifetime_values carry the
    same totals. Returns the measures that disagree. #}
with

customer_values as (
    select * from {{ ref('fct_customer_lifetime_values') }}
),

customers as (
    select * from {{ ref('dim_customer_360') }}
),

orders as (
    select * from {{ ref('stg_shop__orders') }}
),

order_lines as (
    select * from {{ ref('stg_shop__order_lines') }}
),

receipt_lines as (
    select * from {{ ref('stg_pos__receipt_lines') }}
),

credit_memos as (
    select * from {{ ref('stg_erp__credit_memos') }}
),

products as (
    select * from {{ ref('stg_erp__products') }}
),

sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

credit_memos_attributed as (
    select * from {{ ref('int_credit_memos_attributed') }}
),

as_of as (
    select max(as_of_date) as as_of_date from customer_values
),

staged_lines as (
    select
        order_lines.sku,
        order_lines.quantity,
        order_lines.line_net_amount_reporting as net_amount_reporting,
        order_lines.ordered_at as sold_at
    from order_lines
    inner join orders
        on order_lines.order_id = orders.order_id
    where orders.order_status = 'completed'
    union all
    select
        sku,
        quantity,
        line_net_amount_reporting as net_amount_reporting,
        purchased_at as sold_at
    from receipt_lines
),

staged_lines_summed as (
    select
        sum(staged_lines.net_amount_reporting) as net_sold,
        sum(case
            when products.is_unit_cost_valid
                then staged_lines.quantity * products.unit_cost_reporting
            else 0
        end) as cost_sold
    from staged_lines
    cross join as_of
    left join products
        on staged_lines.sku = products.sku
    where cast(staged_lines.sold_at as date) <= as_of.as_of_date
),

staged_credits_summed as (
    select sum(credit_memos.net_amount_reporting) as net_credited
    from credit_memos
    cross join as_of
    where cast(credit_memos.credited_at as date) <= as_of.as_of_date
),

returned_cost_summed as (
    select
        sum(credit_memos_attributed.cost_of_goods_returned_reporting)
        as cost_returned,
        sum(case
            when credit_memos_attributed.customer_id is null
                then credit_memos_attributed.returned_amount_reporting
            else 0
        end) as unattributed_net_credited,
        sum(case
            when credit_memos_attributed.customer_id is null
                then credit_memos_attributed.cost_of_goods_returned_reporting
            else 0
        end) as unattributed_cost_returned
    from credit_memos_attributed
    cross join as_of
    where
        cast(credit_memos_attributed.credited_at as date)
        <= as_of.as_of_date
),

unattributed_lines_summed as (
    select
        sum(sales_lines.net_amount_reporting) as net_sold,
        sum(coalesce(sales_lines.cost_of_goods_reporting, 0)) as cost_sold
    from sales_lines
    cross join as_of
    where
        sales_lines.customer_id is null
        and cast(sales_lines.sold_at as date) <= as_of.as_of_date
),

mart_totals as (
    select
        sum(net_revenue_reporting) as net_revenue,
        sum(gross_margin_reporting) as gross_margin
    from customer_values
),

profile_totals as (
    select
        sum(net_revenue_reporting) as net_revenue,
        sum(gross_margin_reporting) as gross_margin
    from customers
),

totals_joined as (
    select
        mart_totals.net_revenue as mart_net_revenue,
        mart_totals.gross_margin as mart_gross_margin,
        profile_totals.net_revenue as profile_net_revenue,
        profile_totals.gross_margin as profile_gross_margin,
        coalesce(unattributed_lines_summed.net_sold, 0)
        - coalesce(returned_cost_summed.unattributed_net_credited, 0)
        as unattributed_net_revenue,
        coalesce(unattributed_lines_summed.cost_sold, 0)
        - coalesce(returned_cost_summed.unattributed_cost_returned, 0)
        as unattributed_cost_of_goods,
        coalesce(staged_lines_summed.net_sold, 0)
        - coalesce(staged_credits_summed.net_credited, 0)
        as staged_net_revenue,
        coalesce(staged_lines_summed.cost_sold, 0)
        - coalesce(returned_cost_summed.cost_returned, 0)
        as staged_cost_of_goods
    from mart_totals
    cross join profile_totals
    cross join unattributed_lines_summed
    cross join returned_cost_summed
    cross join staged_lines_summed
    cross join staged_credits_summed
),

totals_compared as (
    select
        'net revenue: marts + unattributed vs staging' as measure,
        mart_net_revenue + unattributed_net_revenue as mart_value,
        staged_net_revenue as staged_value
    from totals_joined
    union all
    select
        'gross margin: marts + unattributed vs staging' as measure,
        mart_gross_margin + unattributed_net_revenue
        - unattributed_cost_of_goods as mart_value,
        staged_net_revenue - staged_cost_of_goods as staged_value
    from totals_joined
    union all
    select
        'net revenue: dim_customer_360 vs fct_customer_lifetime_values'
        as measure,
        profile_net_revenue as mart_value,
        mart_net_revenue as staged_value
    from totals_joined
    union all
    select
        'gross margin: dim_customer_360 vs fct_customer_lifetime_values'
        as measure,
        profile_gross_margin as mart_value,
        mart_gross_margin as staged_value
    from totals_joined
)

select * from totals_compared
where coalesce(mart_value, 0) <> coalesce(staged_value, 0)
