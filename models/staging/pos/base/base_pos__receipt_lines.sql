{{ config(materialized='table') }}
{# the line's own checks; its receipt, currency and amounts in the
   reporting currency come in stg_pos__receipt_lines
   (pos_receipt_lines_checked) #}
with

source as (
    select * from {{ source('pos', 'receipt_lines') }}
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
flagged as (
    select
        renamed.*,
        {{ quarantine_reason('renamed.record_key', [
            ('renamed.quantity is null or renamed.quantity = 0',
             'zero_quantity'),
            ('renamed.quantity < 0 and not renamed.is_return',
             'negative_quantity_not_return'),
            ('renamed.unit_price is null or renamed.unit_price < 0',
             'negative_amount'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
)

select * from flagged
