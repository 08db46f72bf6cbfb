{{ config(materialized='table') }}
with

source as (
    select * from {{ source('loyalty', 'members') }}
),

{# The birth date's text and country, once per row: the date parser refers
    to them many times. #}
source_dated as (
    select
        *,
        {{ date_text('birth_date') }} as birth_date_text,
        upper({{ clean_text('country_code') }}) as birth_date_country
    from source
),

countries as (
    select * from {{ ref('country_codes') }}
),

renamed as (
    select
        source_dated.member_id,
        {{ phone_digits('source_dated.card_number') }} as card_number,
        {{ name_attributes('source_dated.first_name', 'first_name') }},
        {{ name_attributes('source_dated.last_name', 'last_name') }},
        {{ email_attributes('source_dated.email') }},
        {{ phone_attributes('source_dated.phone') }},
        {{ birth_date_attributes(
            'source_dated.birth_date', 'source_dated.birth_date_text', 'source_dated._loaded_at',
            'loyalty', 'source_dated.birth_date_country'
        ) }},
        {{ national_id_attributes('source_dated.national_id') }},
        {{ address_attributes(
            'source_dated.street', 'source_dated.postal_code', 'source_dated.city',
            'source_dated.address_line_2', 'source_dated.region'
        ) }},
        {{ country_code('source_dated.country_code') }} as country_code,
        lower({{ clean_text('source_dated.tier') }}) as tier,
        {{ is_bad_timestamp('source_dated.enrolled_at', 'source_dated._loaded_at') }}
        as has_invalid_enrolled_at,
        source_dated.enrolled_at,
        source_dated.updated_at,
        source_dated._loaded_at,
        {{ key_occurrence('source_dated.member_id', 'source_dated.updated_at') }}
        as key_occurrence
    from source_dated
    left join countries
        on {{ country_code('source_dated.country_code') }} = countries.country_code
),

flagged as (
    select
        *,
        member_id as record_key,
        {{ quarantine_reason('member_id') }} as quarantine_reason
    from renamed
)

select * from flagged
