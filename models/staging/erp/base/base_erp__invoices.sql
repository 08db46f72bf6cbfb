{{ config(materialized='table') }}
with

source as (
    select * from {{ source('erp', 'invoices') }}
),

renamed as (
    select
        source.invoice_id,
        source.partner_id,
        source.shop_order_id,
        {{ clean_text('source.pos_receipt_id') }} as pos_receipt_id,
        upper({{ clean_text('source.currency_code') }}) as currency_code,
        source.net_amount,
        source.tax_amount,
        source.net_amount + coalesce(source.tax_amount, 0) as gross_amount,
        source.invoiced_at,
        source._loaded_at,
        {{ key_occurrence('source.invoice_id', 'source.invoiced_at') }}
        as key_occurrence
    from source
),

converted as (
    select
        renamed.*,
        {{ to_reporting_currency('renamed.net_amount', 'invoices') }}
        as net_amount_reporting,
        {{ to_reporting_currency('renamed.tax_amount', 'invoices') }}
        as tax_amount_reporting,
        {{ to_reporting_currency('renamed.gross_amount', 'invoices') }}
        as gross_amount_reporting,
        renamed.invoice_id as record_key,
        {{ quarantine_reason('renamed.invoice_id', [
            (is_bad_timestamp('renamed.invoiced_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ('invoices_fx_from.currency_code is null', 'unknown_currency'),
            (reporting_magnitude('renamed.gross_amount', 'invoices') ~ ' > '
             ~ var('max_document_amount_reporting'), 'implausible_amount'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    {{ fx_rate_joins(
        'invoices', 'renamed.currency_code', 'renamed.invoiced_at'
    ) }}
)

select * from converted
