{# Every ERP credit memo (a return or refund) with the customer and the
    sale it takes back. A memo credits part or all of one invoice; the
    invoice names the web order or store receipt it billed. The goods that
    come back return their standard cost in the same share as the money:
    credited net / invoiced net x the document's cost of goods. A memo whose
    invoice names no sold document still belongs to the invoice's business
    partner; a memo that names no invoice (a refund to an account) belongs
    to the partner it names, with no sale and an unknown cost. One row per
    credit memo. #}
with

credit_memos as (
    select * from {{ ref('stg_erp__credit_memos') }}
),

invoices as (
    select * from {{ ref('stg_erp__invoices') }}
),

sales_lines as (
    select * from {{ ref('int_sales_lines_attributed') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

documents_summarised as (
    select
        document_id,
        max(customer_id) as customer_id,
        max(channel) as channel,
        sum(cost_of_goods_reporting) as cost_of_goods_reporting,
        {{ dbt.bool_or('not has_cost_of_goods') }} as has_unknown_cost
    from sales_lines
    group by document_id
),

invoices_keyed as (
    select
        invoice_id,
        net_amount_reporting as invoice_net_amount_reporting,
        case
            when shop_order_id is not null
                then 'shop.orders:'
                || cast(shop_order_id as {{ dbt.type_string() }})
            when pos_receipt_id is not null
                then 'pos.receipts:' || pos_receipt_id
        end as document_id,
        'erp.business_partners:' || partner_id as partner_record_id
    from invoices
),

memos_attributed as (
    select
        credit_memos.credit_memo_id,
        credit_memos.invoice_id,
        invoices_keyed.document_id,
        documents.channel,
        credit_memos.reason_code,
        credit_memos.net_amount_reporting as returned_amount_reporting,
        credit_memos.credited_at,
        coalesce(documents.customer_id, partners.customer_id) as customer_id,
        case
            when invoices_keyed.invoice_net_amount_reporting <> 0
                then {{ round_to_cents(
                    'cast(documents.cost_of_goods_reporting'
                    ~ ' * credit_memos.net_amount_reporting as double)'
                    ~ ' / invoices_keyed.invoice_net_amount_reporting'
                ) }}
        end as cost_of_goods_returned_reporting,
        documents.document_id is not null as is_sale_found,
        coalesce(documents.has_unknown_cost, true) as has_unknown_cost
    from credit_memos
    left join invoices_keyed
        on credit_memos.invoice_id = invoices_keyed.invoice_id
    left join documents_summarised as documents
        on invoices_keyed.document_id = documents.document_id
    left join resolved as partners
        on coalesce(
            invoices_keyed.partner_record_id,
            'erp.business_partners:' || credit_memos.partner_id
        ) = partners.record_id
)

select * from memos_attributed
