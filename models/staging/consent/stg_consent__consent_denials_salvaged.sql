{# Consent fails closed: every quarantined consent row that could be a
    denial, made applicable. A row denies unless it is a recognised grant:
    an unknown or missing decision code counts as `denied`. A purpose no
    seed knows (or none) leaves `purpose` null, which denies every purpose.
    A bad or missing time leaves `occurred_at` null, which ranks as the
    latest decision. An identifier type no seed knows stays `unknown`: the
    value is then tried as every kind of identifier. The rows stay in
    stg_consent__quarantined_rows too; only their denial is applied. One
    row per quarantined denial (`consent_decision_key` is unique, even for
    rows without or with a repeated event id). #}
with

base as (
    select * from {{ ref('base_consent__consent_events') }}
    where
        quarantine_reason is not null
        and identifier_value is not null
        and not (is_known_decision and decision = 'granted')
),

salvaged as (
    select
        coalesce(consent_event_id, '(missing)')
        || '#' || cast(key_occurrence as {{ dbt.type_string() }})
        as consent_decision_key,
        consent_event_id,
        case
            when is_known_identifier_type then identifier_type else 'unknown'
        end as identifier_type,
        identifier_value,
        identifier_value_normalized,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        case when is_known_purpose then purpose end as purpose,
        case when is_known_decision then decision else 'denied' end
        as decision,
        source_system,
        case
            when not {{ is_bad_timestamp('occurred_at') }} then occurred_at
        end as occurred_at,
        quarantine_reason,
        _loaded_at
    from base
)

select * from salvaged
