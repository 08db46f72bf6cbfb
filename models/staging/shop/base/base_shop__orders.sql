{{ config(materialized='table') }}
{# an order status outside this list is kept as `unknown` (flagged); only
   completed orders are sales #}
{%- set order_statuses = ['completed', 'cancelled'] %}
with

source as (
    select * from {{ source('shop', 'orders') }}
),

renamed as (
    select
        source.order_id,
        source.customer_id,
        {{ email_attributes('source.guest_email', 'guest_email') }},
        {{ name_attributes('source.guest_first_name', 'guest_first_name') }},
        {{ name_attributes('source.guest_last_name', 'guest_last_name') }},
        {{ phone_attributes('source.guest_phone', name='guest_phone') }},
        {{ normalize_postal_code('source.shipping_postal_code') }}
        as shipping_postal_code,
        {{ country_attributes(
            'source.shipping_country_code', 'shipping_country_code'
        ) }},
        {{ known_code(
            "lower(" ~ clean_text('source.status') ~ ")", order_statuses
        ) }} as order_status,
        {{ unknown_code_flag(
            "lower(" ~ clean_text('source.status') ~ ")", order_statuses
        ) }} as has_unknown_order_status,
        upper({{ clean_text('source.currency_code') }}) as currency_code,
        source.discount_amount,
        source.shipping_amount,
        source.order_total,
        source.customer_id is null as is_guest_checkout,
        source.ordered_at,
        source._loaded_at,
        {{ key_occurrence('source.order_id', 'source.ordered_at') }}
        as key_occurrence
    from source
    {{ country_joins('source.shipping_country_code', 'shipping_country_code') }}
),

converted as (
    select
        renamed.*,
        {{ to_reporting_currency('renamed.discount_amount', 'orders') }}
        as discount_amount_reporting,
        {{ to_reporting_currency('renamed.shipping_amount', 'orders') }}
        as shipping_amount_reporting,
        {{ to_reporting_currency('renamed.order_total', 'orders') }}
        as order_total_reporting,
        {# a guest order that names nobody (no usable email, phone or last
            name) is an anonymous sale: revenue, never a customer #}
        renamed.is_guest_checkout
        and not coalesce(
            renamed.is_guest_email_valid
            and not renamed.is_guest_email_placeholder, false
        )
        and not coalesce(renamed.is_guest_phone_valid, false)
        and renamed.guest_last_name_normalized is null as is_anonymous,
        cast(renamed.order_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.order_id', [
            (is_bad_timestamp('renamed.ordered_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ('orders_fx_from.currency_code is null', 'unknown_currency'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    {{ fx_rate_joins('orders', 'renamed.currency_code', 'renamed.ordered_at') }}
)

select * from converted
