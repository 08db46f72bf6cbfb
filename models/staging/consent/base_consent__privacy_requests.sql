{{ config(materialized='table') }}
with

source as (
    select * from {{ source('consent', 'privacy_requests') }}
),

countries as (
    select * from {{ ref('country_codes') }}
    where country_code = '{{ var("default_country_code") }}'
),

renamed as (
    select
        source.request_id,
        lower({{ clean_text('source.identifier_type') }}) as identifier_type,
        {{ clean_text('source.identifier_value') }} as identifier_value,
        {{ normalize_identifier(
            'source.identifier_type', 'source.identifier_value'
        ) }} as identifier_value_normalized,
        lower({{ clean_text('source.request_type') }}) as request_type,
        source.completed_at is not null as is_completed,
        source.requested_at,
        source.completed_at,
        source._loaded_at,
        {{ key_occurrence('source.request_id', 'source.requested_at') }}
        as key_occurrence
    from source
    cross join countries
),

flagged as (
    select
        *,
        request_id as record_key,
        {{ quarantine_reason('request_id', [
            (is_bad_timestamp('requested_at'), 'bad_timestamp'),
            ("request_type not in ('erasure', 'access') "
             ~ "or request_type is null",
             'invalid_request_type'),
            ('identifier_value_normalized is null', 'missing_identifier'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
