{{ config(materialized='table') }}
with

{# With the birth date's text and country, once per row: the date parser
    refers to them many times. #}
members as (
    select
        *,
        {{ date_text('birth_date') }} as birth_date_text,
        upper({{ clean_text('country_code') }}) as birth_date_country
    from {{ source('loyalty', 'members') }}
),

{# With the date that text names, once per row: the plausibility checks
    refer to it several times. #}
source as (
    select
        *,
        {{ birth_date_parsed(
            'birth_date', 'birth_date_text', 'loyalty', 'birth_date_country'
        ) }} as birth_date_parsed
    from members
),

renamed as (
    select
        source.member_id,
        {{ phone_digits('source.card_number') }} as card_number,
        {{ name_attributes('source.first_name', 'first_name') }},
        {{ name_attributes('source.last_name', 'last_name') }},
        {{ email_attributes('source.email') }},
        {{ phone_attributes('source.phone') }},
        {{ birth_date_attributes(
            'source.birth_date', 'source.birth_date_text',
            'source.birth_date_parsed', 'source._loaded_at', 'loyalty',
            'source.birth_date_country'
        ) }},
        {{ national_id_attributes('source.national_id') }},
        {{ address_attributes(
            'source.street', 'source.postal_code', 'source.city',
            'source.address_line_2', 'source.region'
        ) }},
        {{ country_attributes('source.country_code', 'country_code') }},
        {{ known_code(
            "lower(" ~ clean_text('source.tier') ~ ")", var('loyalty_tier_order')
        ) }} as tier,
        {{ unknown_code_flag(
            "lower(" ~ clean_text('source.tier') ~ ")", var('loyalty_tier_order')
        ) }} as has_unknown_tier,
        {{ is_bad_timestamp('source.enrolled_at', 'source._loaded_at') }}
        as has_invalid_enrolled_at,
        source.enrolled_at,
        source.updated_at,
        source._loaded_at,
        {{ key_occurrence('source.member_id', 'source.updated_at') }}
        as key_occurrence
    from source
    {{ country_joins('source.country_code', 'country_code') }}
),

flagged as (
    select
        *,
        member_id as record_key,
        {{ quarantine_reason('member_id') }} as quarantine_reason
    from renamed
)

select * from flagged
