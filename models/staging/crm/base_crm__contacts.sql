{{ config(materialized='view') }}

with

source as (
    select * from {{ source('crm', 'contacts') }}
),

countries as (
    select * from {{ ref('country_codes') }}
),

renamed as (
    select
        source.contact_id,
        {{ name_attributes('source.first_name', 'first_name') }},
        {{ name_attributes('source.last_name', 'last_name') }},
        {{ email_attributes('source.email') }},
        {{ phone_attributes('source.phone') }},
        {{ address_attributes(
            'source.street', 'source.postal_code', 'source.city'
        ) }},
        {{ country_code('source.country_code') }} as country_code,
        {{ parse_date('source.birth_date') }} as birth_date,
        {# a birth date was given but is not a date, or not a plausible one #}
        coalesce(
            source.birth_date is not null
            and trim(source.birth_date) != ''
            and (
                {{ parse_date('source.birth_date') }} is null
                or {{ parse_date('source.birth_date') }}
                > cast(source._loaded_at as date)
                or {{ parse_date('source.birth_date') }}
                < cast('1900-01-01' as date)
            ),
            false
        ) as has_invalid_birth_date,
        {{ is_bad_timestamp('source.created_at', 'source._loaded_at') }}
        as has_invalid_created_at,
        source.created_at,
        source.updated_at,
        source._loaded_at
    from source
    left join countries
        on {{ country_code('source.country_code') }} = countries.country_code
),

checked as (
    select
        *,
        {{ key_occurrence('contact_id', 'updated_at') }} as key_occurrence
    from renamed
),

flagged as (
    select
        *,
        contact_id as record_key,
        {{ quarantine_reason('contact_id') }} as quarantine_reason
    from checked
)

select * from flagged
