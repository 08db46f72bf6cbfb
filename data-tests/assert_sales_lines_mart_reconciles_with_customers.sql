{# The published sales lines add up, to the cent, to each customer's
    published figures: gross sales, discounts and store returns in
    dim_customer_360 are the customer's lines in fct_sales_lines up to the
    as-of date (web returns are credit memos, not lines). Returns the
    customers whose figures disagree. #}
with

sales_lines as (
    select * from {{ ref('fct_sales_lines') }}
),

customers as (
    select * from {{ ref('dim_customer_360') }}
),

lines_summed as (
    select
        sales_lines.customer_id,
        sum(
            case
                when not sales_lines.is_return
                    then sales_lines.gross_amount_reporting
                else 0
            end
        ) as gross_sales_reporting,
        sum(
            case
                when not sales_lines.is_return
                    then sales_lines.discount_amount_reporting
                else 0
            end
        ) as discounts_reporting
    from sales_lines
    inner join customers
        on sales_lines.customer_id = customers.customer_id
    where cast(sales_lines.sold_at as date) <= customers.as_of_date
    group by sales_lines.customer_id
),

compared as (
    select
        customers.customer_id,
        customers.gross_sales_reporting as published_gross_sales,
        customers.discounts_reporting as published_discounts,
        coalesce(lines_summed.gross_sales_reporting, 0) as lines_gross_sales,
        coalesce(lines_summed.discounts_reporting, 0) as lines_discounts
    from customers
    left join lines_summed
        on customers.customer_id = lines_summed.customer_id
)

select * from compared
where
    abs(coalesce(published_gross_sales, 0) - lines_gross_sales) >= 0.005
    or abs(coalesce(published_discounts, 0) - lines_discounts) >= 0.005
