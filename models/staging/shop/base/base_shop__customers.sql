{{ config(materialized='table') }}
with

source as (
    select * from {{ source('shop', 'customers') }}
),

renamed as (
    select
        source.customer_id,
        {{ email_attributes('source.email') }},
        {{ name_attributes('source.first_name', 'first_name') }},
        {{ name_attributes('source.last_name', 'last_name') }},
        {{ phone_attributes('source.phone') }},
        {{ address_attributes(
            'source.street', 'source.postal_code', 'source.city'
        ) }},
        {{ country_attributes('source.country_code', 'country_code') }},
        {{ is_bad_timestamp('source.created_at', 'source._loaded_at') }}
        as has_invalid_created_at,
        source.created_at,
        source.updated_at,
        source._loaded_at
    from source
    {{ country_joins('source.country_code', 'country_code') }}
),

checked as (
    select
        *,
        {{ key_occurrence('customer_id', 'updated_at') }} as key_occurrence
    from renamed
),

flagged as (
    select
        *,
        cast(customer_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('customer_id') }} as quarantine_reason
    from checked
)

select * from flagged
