{{ config(materialized='table') }}
with

source as (
    select * from {{ source('erp', 'credit_memos') }}
),

renamed as (
    select
        source.credit_memo_id,
        source.invoice_id,
        source.partner_id,
        lower({{ clean_text('source.reason_code') }}) as reason_code,
        upper({{ clean_text('source.currency_code') }}) as currency_code,
        source.net_amount,
        source.credited_at,
        source._loaded_at,
        {{ key_occurrence('source.credit_memo_id', 'source.credited_at') }}
        as key_occurrence
    from source
),

converted as (
    select
        renamed.*,
        {{ to_reporting_currency('renamed.net_amount', 'memos') }}
        as net_amount_reporting,
        renamed.credit_memo_id as record_key,
        {{ quarantine_reason('renamed.credit_memo_id', [
            (is_bad_timestamp('renamed.credited_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ('memos_fx_from.currency_code is null', 'unknown_currency'),
            ('renamed.invoice_id is null and renamed.partner_id is null',
             'missing_invoice_and_partner'),
            ('renamed.net_amount is null or renamed.net_amount < 0',
             'negative_amount'),
            (reporting_magnitude('renamed.net_amount', 'memos') ~ ' > '
             ~ var('max_document_amount_reporting'), 'implausible_amount'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    {{ fx_rate_joins('memos', 'renamed.currency_code', 'renamed.credited_at') }}
)

select * from converted
