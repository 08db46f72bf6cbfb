{{ config(materialized='table') }}
with

source as (
    select * from {{ source('pos', 'receipt_lines') }}
),

receipts as (
    select * from {{ ref('stg_pos__receipts') }}
),

renamed as (
    select
        {{ dbt_utils.generate_surrogate_key(
            ['source.receipt_id', 'source.line_number']
        ) }} as receipt_line_id,
        source.receipt_id,
        source.line_number,
        upper({{ clean_text('source.sku') }}) as sku,
        source.quantity,
        source.unit_price,
        source.discount_amount,
        {{ line_net_amount(
            'source.quantity', 'source.unit_price', 'source.discount_amount'
        ) }} as line_net_amount,
        coalesce(source.is_return, false) as is_return,
        source._loaded_at,
        source.receipt_id || '|' || cast(source.line_number as
            {{ dbt.type_string() }}) as record_key,
        {{ key_occurrence(
            'source.receipt_id, source.line_number', 'source._loaded_at'
        ) }} as key_occurrence
    from source
),

{# returns are lines with negative quantity and is_return set; a negative
   quantity without the flag is a broken row, not a return #}
joined as (
    select
        renamed.receipt_line_id,
        renamed.receipt_id,
        renamed.line_number,
        renamed.sku,
        receipts.currency_code,
        renamed.quantity,
        renamed.unit_price,
        renamed.discount_amount,
        renamed.line_net_amount,
        {{ line_amounts_reporting('renamed', 'lines') }},
        renamed.is_return,
        receipts.purchased_at,
        renamed._loaded_at,
        renamed.record_key,
        renamed.key_occurrence,
        {{ quarantine_reason('renamed.record_key', [
            ('receipts.receipt_id is null', 'orphan_receipt_id'),
            ('renamed.quantity is null or renamed.quantity = 0',
             'zero_quantity'),
            ('renamed.quantity < 0 and not renamed.is_return',
             'negative_quantity_not_return'),
            ('renamed.unit_price is null or renamed.unit_price < 0',
             'negative_amount'),
        ] + line_plausibility_checks('renamed', 'lines'),
        'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    left join receipts
        on renamed.receipt_id = receipts.receipt_id
    {{ fx_rate_joins(
        'lines', 'receipts.currency_code', 'receipts.purchased_at'
    ) }}
)

select * from joined
