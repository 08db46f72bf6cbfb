{# Every line sold or taken back, in the web shop and in the stores, with
    the customer who bought it, its category and its cost of goods, all
    money in the reporting currency. One row per order line of a completed
    web order and per receipt line. Cancelled web orders are no sale and are
    left out (int_sales_lines_attributed reconciles with the staged lines of
    completed orders). Anonymous sales (receipts and guest orders that
    name nobody) keep a null customer: their revenue counts in totals, not
    in any customer's value. Web returns
    arrive as ERP credit memos on the whole order, not as lines. #}
with

order_lines as (
    select * from {{ ref('stg_shop__order_lines') }}
),

orders as (
    select * from {{ ref('stg_shop__orders') }}
),

receipt_lines as (
    select * from {{ ref('stg_pos__receipt_lines') }}
),

receipts as (
    select * from {{ ref('stg_pos__receipts') }}
),

products as (
    select * from {{ ref('stg_erp__products') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

{# The identity record that stands for the buyer: the shop account of a
    registered order, the guest order itself, the identified receipt. #}
web_lines as (
    select
        'shop.order_lines:'
        || cast(order_lines.order_line_id as {{ dbt.type_string() }})
        as sale_line_id,
        'shop.orders:' || cast(orders.order_id as {{ dbt.type_string() }})
        as document_id,
        case
            when orders.is_anonymous then null
            when orders.is_guest_checkout
                then 'shop.orders:'
                || cast(orders.order_id as {{ dbt.type_string() }})
            else 'shop.customers:'
                || cast(orders.customer_id as {{ dbt.type_string() }})
        end as buyer_record_id,
        'web' as channel,
        order_lines.sku,
        order_lines.quantity,
        order_lines.line_net_amount_reporting,
        order_lines.discount_amount_reporting,
        false as is_return,
        orders.ordered_at as sold_at
    from order_lines
    inner join orders
        on order_lines.order_id = orders.order_id
    where orders.order_status = 'completed'
),

store_lines as (
    select
        'pos.receipt_lines:' || receipt_lines.receipt_line_id as sale_line_id,
        'pos.receipts:' || receipts.receipt_id as document_id,
        case
            when not receipts.is_anonymous
                then 'pos.receipts:' || receipts.receipt_id
        end as buyer_record_id,
        'store' as channel,
        receipt_lines.sku,
        receipt_lines.quantity,
        receipt_lines.line_net_amount_reporting,
        receipt_lines.discount_amount_reporting,
        receipt_lines.is_return,
        receipts.purchased_at as sold_at
    from receipt_lines
    inner join receipts
        on receipt_lines.receipt_id = receipts.receipt_id
),

lines_unioned as (
    select * from web_lines
    union all
    select * from store_lines
),

{# Gross = net + discount, so the three amounts add up to the cent. Cost
    of goods is quantity x the product's standard cost (negative on returned
    units, which come back to stock); null when the product or its cost is
    unknown, flagged so margin is never silently overstated. #}
lines_costed as (
    select
        lines_unioned.sale_line_id,
        lines_unioned.document_id,
        lines_unioned.buyer_record_id,
        lines_unioned.channel,
        lines_unioned.sku,
        lines_unioned.quantity,
        lines_unioned.line_net_amount_reporting as net_amount_reporting,
        lines_unioned.is_return,
        lines_unioned.sold_at,
        coalesce(products.category, 'Unknown') as category,
        coalesce(lines_unioned.discount_amount_reporting, 0)
        as discount_amount_reporting,
        lines_unioned.line_net_amount_reporting
        + coalesce(lines_unioned.discount_amount_reporting, 0)
        as gross_amount_reporting,
        case
            when products.is_unit_cost_valid
                then cast(
                    lines_unioned.quantity * products.unit_cost_reporting
                    as decimal(18, 2)
                )
        end as cost_of_goods_reporting,
        coalesce(products.is_unit_cost_valid, false) as has_cost_of_goods
    from lines_unioned
    left join products
        on lines_unioned.sku = products.sku
),

lines_attributed as (
    select
        lines_costed.sale_line_id,
        resolved.customer_id,
        lines_costed.document_id,
        lines_costed.buyer_record_id,
        lines_costed.channel,
        lines_costed.sku,
        lines_costed.category,
        lines_costed.quantity,
        lines_costed.gross_amount_reporting,
        lines_costed.discount_amount_reporting,
        lines_costed.net_amount_reporting,
        lines_costed.cost_of_goods_reporting,
        lines_costed.is_return,
        lines_costed.has_cost_of_goods,
        lines_costed.sold_at
    from lines_costed
    left join resolved
        on lines_costed.buyer_record_id = resolved.record_id
)

select * from lines_attributed
