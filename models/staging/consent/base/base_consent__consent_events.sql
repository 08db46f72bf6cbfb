{{ config(materialized='table') }}
{# Decision, purpose and identifier type are read through their code seeds
    (consent_decision_codes, consent_purpose_codes, identifier_type_codes)
    after code_key: "Opt-Out", "email marketing" and "E-Mail" are known
    codes. A code no seed knows is kept as its key and the row quarantined;
    stg_consent__consent_denials_salvaged still applies it if it could be a
    denial (see DECISIONLOG "Consent fails closed"). #}
with

source as (
    select * from {{ source('consent', 'consent_events') }}
),

decision_codes as (
    select * from {{ ref('consent_decision_codes') }}
),

purpose_codes as (
    select * from {{ ref('consent_purpose_codes') }}
),

identifier_type_codes as (
    select * from {{ ref('identifier_type_codes') }}
),

{# consent events carry no country: national phone numbers are read in
   the default country #}
countries as (
    select * from {{ ref('country_codes') }}
    where country_code = '{{ var("default_country_code") }}'
),

keyed as (
    select
        source.*,
        {{ code_key('source.decision') }} as decision_code,
        {{ code_key('source.purpose') }} as purpose_code,
        {{ code_key('source.identifier_type') }} as identifier_type_code
    from source
),

renamed as (
    select
        keyed.consent_event_id,
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
        coalesce(purpose_codes.purpose, keyed.purpose_code) as purpose,
        coalesce(decision_codes.decision, keyed.decision_code) as decision,
        lower({{ clean_text('keyed.source_system') }}) as source_system,
        keyed.occurred_at,
        keyed._loaded_at,
        identifier_type_codes.identifier_type is not null
        as is_known_identifier_type,
        purpose_codes.purpose is not null as is_known_purpose,
        decision_codes.decision is not null as is_known_decision,
        {{ key_occurrence('keyed.consent_event_id', 'keyed.occurred_at') }}
        as key_occurrence
    from keyed
    cross join countries
    left join decision_codes
        on keyed.decision_code = decision_codes.code
    left join purpose_codes
        on keyed.purpose_code = purpose_codes.code
    left join identifier_type_codes
        on keyed.identifier_type_code = identifier_type_codes.code
),

flagged as (
    select
        *,
        consent_event_id as record_key,
        {{ quarantine_reason('consent_event_id', [
            (is_bad_timestamp('occurred_at'), 'bad_timestamp'),
            ('not is_known_decision', 'invalid_decision'),
            ('not is_known_identifier_type', 'invalid_identifier_type'),
            ('identifier_value_normalized is null', 'missing_identifier'),
            ('purpose is null', 'missing_purpose'),
            ('not is_known_purpose', 'invalid_purpose'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
