{# Every line sold or taken back, in the web shop and in the stores, for
    sales over time (grain: sale_line_id): when, which channel, category and
    product, how much, and the customer who bought it (null for anonymous
    sales). Money in the reporting currency. Returns over the counter are
    lines with `is_return` and a negative quantity; web returns are ERP
    credit memos on the whole order and are not lines (they count in the
    customers' `returns_reporting`). Lines of cancelled web orders are no
    sale and are absent. #}
with

sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

published as (
    select
        sale_line_id,
        customer_id,
        document_id,
        channel,
        sku,
        category,
        quantity,
        gross_amount_reporting,
        discount_amount_reporting,
        net_amount_reporting,
        cost_of_goods_reporting,
        is_return,
        has_cost_of_goods,
        {#- raw Parquet times are without a zone: Spark reads them as
            timestamp_ntz, the contract's timestamp on every engine -#}
        cast(sold_at as {{ dbt.type_timestamp() }}) as sold_at
    from sales_lines
)

select * from published
