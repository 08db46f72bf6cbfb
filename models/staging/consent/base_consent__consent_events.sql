{{ config(materialized='table') }}
with

source as (
    select * from {{ source('consent', 'consent_events') }}
),

{# consent events carry no country: national phone numbers are read in
   the default country #}
countries as (
    select * from {{ ref('country_codes') }}
    where country_code = '{{ var("default_country_code") }}'
),

renamed as (
    select
        source.consent_event_id,
        lower({{ clean_text('source.identifier_type') }}) as identifier_type,
        {{ clean_text('source.identifier_value') }} as identifier_value,
        {{ normalize_identifier(
            'source.identifier_type', 'source.identifier_value'
        ) }} as identifier_value_normalized,
        lower({{ clean_text('source.purpose') }}) as purpose,
        lower({{ clean_text('source.decision') }}) as decision,
        lower({{ clean_text('source.source_system') }}) as source_system,
        source.occurred_at,
        source._loaded_at,
        {{ key_occurrence('source.consent_event_id', 'source.occurred_at') }}
        as key_occurrence
    from source
    cross join countries
),

flagged as (
    select
        *,
        consent_event_id as record_key,
        {{ quarantine_reason('consent_event_id', [
            (is_bad_timestamp('occurred_at'), 'bad_timestamp'),
            ("decision not in ('granted', 'denied', 'withdrawn') "
             ~ "or decision is null", 'invalid_decision'),
            ("identifier_type not in ('email', 'phone', 'crm_contact_id', "
             ~ "'shop_customer_id', 'loyalty_member_id') "
             ~ "or identifier_type is null", 'invalid_identifier_type'),
            ('identifier_value_normalized is null', 'missing_identifier'),
            ('purpose is null', 'missing_purpose'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
