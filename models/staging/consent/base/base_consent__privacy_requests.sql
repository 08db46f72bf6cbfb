{{ config(materialized='table') }}
{# Request and identifier types are read through their code seeds
    (privacy_request_type_codes, identifier_type_codes) after code_key:
    "Deletion", "right to be forgotten" and "e-mail" are known codes. A code
    no seed knows is kept as its key and the row quarantined;
    stg_consent__erasures_salvaged still applies it as an erasure unless it
    is a recognised access request (DECISIONLOG "Erasure fails closed"). #}
with

source as (
    select * from {{ source('consent', 'privacy_requests') }}
),

request_type_codes as (
    select * from {{ ref('privacy_request_type_codes') }}
),

identifier_type_codes as (
    select * from {{ ref('identifier_type_codes') }}
),

countries as (
    select * from {{ ref('country_codes') }}
    where country_code = '{{ var("default_country_code") }}'
),

keyed as (
    select
        source.*,
        {{ code_key('source.request_type') }} as request_type_code,
        {{ code_key('source.identifier_type') }} as identifier_type_code
    from source
),

renamed as (
    select
        keyed.request_id,
        coalesce(
            identifier_type_codes.identifier_type, keyed.identifier_type_code
        ) as identifier_type,
        {{ clean_text('keyed.identifier_value') }} as identifier_value,
        {{ normalize_identifier(
            'identifier_type_codes.identifier_type', 'keyed.identifier_value'
        ) }} as identifier_value_normalized,
        {{ identifier_readings(
            'identifier_type_codes.identifier_type', 'keyed.identifier_value'
        ) | indent(8) }},
        coalesce(request_type_codes.request_type, keyed.request_type_code)
        as request_type,
        keyed.completed_at is not null as is_completed,
        keyed.requested_at,
        keyed.completed_at,
        keyed._loaded_at,
        identifier_type_codes.identifier_type is not null
        as is_known_identifier_type,
        request_type_codes.request_type is not null as is_known_request_type,
        {{ key_occurrence('keyed.request_id', 'keyed.requested_at') }}
        as key_occurrence
    from keyed
    cross join countries
    left join request_type_codes
        on keyed.request_type_code = request_type_codes.code
    left join identifier_type_codes
        on keyed.identifier_type_code = identifier_type_codes.code
),

flagged as (
    select
        *,
        request_id as record_key,
        {{ quarantine_reason('request_id', [
            (is_bad_timestamp('requested_at'), 'bad_timestamp'),
            ('not is_known_request_type', 'invalid_request_type'),
            ('not is_known_identifier_type', 'invalid_identifier_type'),
            ('identifier_value_normalized is null', 'missing_identifier'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
