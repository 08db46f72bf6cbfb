{# Sales lines hold exactly the staged lines of completed web orders and
    every staged receipt line: same count, same net amount to the cent, per
    channel. Returns the channels that disagree. #}
with

sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

order_lines as (
    select * from {{ ref('stg_shop__order_lines') }}
),

orders as (
    select * from {{ ref('stg_shop__orders') }}
),

receipt_lines as (
    select * from {{ ref('stg_pos__receipt_lines') }}
),

staged_totals as (
    select
        'web' as channel,
        count(*) as staged_lines,
        sum(order_lines.line_net_amount_reporting) as staged_net
    from order_lines
    inner join orders
        on order_lines.order_id = orders.order_id
    where orders.order_status = 'completed'
    union all
    select
        'store' as channel,
        count(*) as staged_lines,
        sum(line_net_amount_reporting) as staged_net
    from receipt_lines
),

sales_totals as (
    select
        channel,
        count(*) as sales_lines,
        sum(net_amount_reporting) as sales_net
    from sales_lines
    group by channel
),

mismatches as (
    select
        staged_totals.channel,
        staged_totals.staged_lines,
        sales_totals.sales_lines,
        staged_totals.staged_net,
        sales_totals.sales_net
    from staged_totals
    left join sales_totals
        on staged_totals.channel = sales_totals.channel
    where
        coalesce(sales_totals.sales_lines, 0) <> staged_totals.staged_lines
        or coalesce(sales_totals.sales_net, 0)
        <> coalesce(staged_totals.staged_net, 0)
)

select * from mismatches
