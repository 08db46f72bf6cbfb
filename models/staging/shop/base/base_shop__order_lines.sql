{{ config(materialized='table') }}
{# the line's own checks; its order, currency and amounts in the reporting
   currency come in stg_shop__order_lines (shop_order_lines_checked) #}
with

source as (
    select * from {{ source('shop', 'order_lines') }}
),

renamed as (
    select
        source.order_line_id,
        source.order_id,
        upper({{ clean_text('source.sku') }}) as sku,
        source.quantity,
        source.unit_price,
        source.discount_amount,
        {{ line_net_amount(
            'source.quantity', 'source.unit_price', 'source.discount_amount'
        ) }} as line_net_amount,
        source._loaded_at,
        {{ key_occurrence('source.order_line_id', 'source._loaded_at') }}
        as key_occurrence
    from source
),

flagged as (
    select
        renamed.*,
        cast(renamed.order_line_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.order_line_id', [
            ('renamed.quantity is null or renamed.quantity <= 0',
             'non_positive_quantity'),
            ('renamed.unit_price is null or renamed.unit_price < 0',
             'negative_amount'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
)

select * from flagged
