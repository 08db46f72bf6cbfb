{{ config(materialized='table') }}
with

source as (
    select * from {{ source('shop', 'order_lines') }}
),

orders as (
    select * from {{ ref('stg_shop__orders') }}
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

{# lines take currency and date from their order; lines of an order that
   is not staged (unknown or quarantined) cannot be valued #}
joined as (
    select
        renamed.order_line_id,
        renamed.order_id,
        renamed.sku,
        orders.currency_code,
        renamed.quantity,
        renamed.unit_price,
        renamed.discount_amount,
        renamed.line_net_amount,
        {{ line_amounts_reporting('renamed', 'lines') }},
        orders.ordered_at,
        renamed._loaded_at,
        renamed.key_occurrence,
        cast(renamed.order_line_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.order_line_id', [
            ('orders.order_id is null', 'orphan_order_id'),
            ('renamed.quantity is null or renamed.quantity <= 0',
             'non_positive_quantity'),
            ('renamed.unit_price is null or renamed.unit_price < 0',
             'negative_amount'),
        ] + line_plausibility_checks('renamed', 'lines'),
        'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    left join orders
        on renamed.order_id = orders.order_id
    {{ fx_rate_joins('lines', 'orders.currency_code', 'orders.ordered_at') }}
)

select * from joined
