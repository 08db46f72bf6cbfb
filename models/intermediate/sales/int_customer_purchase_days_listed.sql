{# Each customer's purchase days up to the as-of date: the transactions the
    lifetime-value model splits in time to choose its purchase model by
    backtest. A purchase is a day with at least one non-return sales line,
    as in int_customer_purchases_summarised (a test checks the two agree).
    One row per customer and purchase day; anonymous sales have no
    customer and no row. #}
with

all_sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

as_of as (
    {{ ltv_as_of_date('all_sales_lines') }}
),

purchase_days as (
    select distinct
        all_sales_lines.customer_id,
        cast(all_sales_lines.sold_at as date) as purchase_date
    from all_sales_lines
    cross join as_of
    where
        all_sales_lines.customer_id is not null
        and not all_sales_lines.is_return
        and cast(all_sales_lines.sold_at as date) <= as_of.as_of_date
)

select * from purchase_days
