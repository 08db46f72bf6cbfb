{{ config(materialized='table') }}
with

source as (
    select * from {{ source('pos', 'receipts') }}
),

renamed as (
    select
        source.receipt_id,
        {{ clean_text('source.store_id') }} as store_id,
        {{ country_attributes(
            'source.store_country_code', 'store_country_code'
        ) }},
        {# card numbers are scanned or typed, with or without spaces #}
        {{ phone_digits('source.loyalty_card_number') }} as loyalty_card_number,
        {{ phone_attributes('source.customer_phone', name='customer_phone') }},
        upper({{ clean_text('source.currency_code') }}) as currency_code,
        source.total_amount,
        source.purchased_at,
        source._loaded_at,
        {{ key_occurrence('source.receipt_id', 'source.purchased_at') }}
        as key_occurrence
    from source
    {{ country_joins('source.store_country_code', 'store_country_code') }}
),

converted as (
    select
        renamed.*,
        {{ to_reporting_currency('renamed.total_amount', 'receipts') }}
        as total_amount_reporting,
        renamed.loyalty_card_number is null
        and not renamed.is_customer_phone_valid as is_anonymous,
        renamed.receipt_id as record_key,
        {{ quarantine_reason('renamed.receipt_id', [
            (is_bad_timestamp('renamed.purchased_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ('receipts_fx_from.currency_code is null', 'unknown_currency'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    {{ fx_rate_joins(
        'receipts', 'renamed.currency_code', 'renamed.purchased_at'
    ) }}
)

select * from converted
