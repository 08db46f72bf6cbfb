{{ config(materialized='table') }}

with

{# With the birth date's text, once per row: the date parser refers to it
    many times. #}
contacts as (
    select
        *,
        {{ date_text('birth_date') }} as birth_date_text
    from {{ source('crm', 'contacts') }}
),

{# With the date that text names, once per row: the plausibility checks
    refer to it several times. The record's country decides the order of
    day and month, so the country seeds are joined here as well. #}
source as (
    select
        contacts.*,
        {{ birth_date_parsed(
            'contacts.birth_date', 'contacts.birth_date_text', 'crm',
            'country_code_names.country_code'
        ) }} as birth_date_parsed
    from contacts
    {{ country_joins('contacts.country_code', 'country_code') }}
),

renamed as (
    select
        source.contact_id,
        {{ gender_from_salutation('source.salutation') }} as gender,
        {{ name_attributes('source.first_name', 'first_name') }},
        {{ name_attributes('source.middle_name', 'middle_name') }},
        {{ name_attributes('source.last_name', 'last_name') }},
        {{ email_attributes('source.email') }},
        {{ phone_attributes('source.phone') }},
        {{ address_attributes(
            'source.street', 'source.postal_code', 'source.city',
            'source.address_line_2', 'source.region'
        ) }},
        {{ country_attributes('source.country_code', 'country_code') }},
        {{ birth_date_attributes(
            'source.birth_date', 'source.birth_date_text',
            'source.birth_date_parsed', 'source._loaded_at', 'crm',
            'country_code_names.country_code'
        ) }},
        {{ national_id_attributes('source.national_id') }},
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
