{# Erasure fails closed: every quarantined privacy request that could be
    an erasure, made applicable. A row erases unless it is a recognised
    access request: an unknown or missing request type counts as
    `erasure`. A bad or missing request time, a missing request id or a
    request id used again by a later request never voids it. An identifier
    type no seed knows stays `unknown`: the value is then tried as every
    kind of identifier. The rows stay in stg_consent__quarantined_rows too.
    One row per quarantined erasure (`erasure_request_key` is unique, even
    for rows without or with a repeated request id). #}
with

base as (
    select * from {{ ref('base_consent__privacy_requests') }}
    where
        quarantine_reason is not null
        and identifier_value is not null
        and not (is_known_request_type and request_type = 'access')
),

salvaged as (
    select
        coalesce(request_id, '(missing)')
        || '#' || cast(key_occurrence as {{ dbt.type_string() }})
        as erasure_request_key,
        request_id,
        case
            when is_known_identifier_type then identifier_type else 'unknown'
        end as identifier_type,
        identifier_value,
        identifier_value_normalized,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        is_completed,
        case
            when not {{ is_bad_timestamp('requested_at') }} then requested_at
        end as requested_at,
        completed_at,
        quarantine_reason,
        _loaded_at
    from base
)

select * from salvaged
