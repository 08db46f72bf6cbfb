{{ config(materialized='table') }}
with

source as (
    select * from {{ source('marketing', 'email_events') }}
),

renamed as (
    select
        source.event_id,
        source.campaign_id,
        {{ email_attributes('source.recipient_email', 'recipient_email') }},
        lower({{ clean_text('source.event_type') }}) as event_type,
        source.occurred_at,
        source._loaded_at,
        {{ key_occurrence('source.event_id', 'source.occurred_at') }}
        as key_occurrence
    from source
),

flagged as (
    select
        renamed.*,
        cast(renamed.event_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.event_id', [
            (is_bad_timestamp('renamed.occurred_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ("renamed.event_type not in ('send', 'delivered', 'bounce', "
             ~ "'open', 'click', 'unsubscribe') or renamed.event_type is null",
             'unknown_event_type'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
)

select * from flagged
