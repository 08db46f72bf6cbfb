{{ config(materialized='table') }}
with

source as (
    select * from {{ source('marketing', 'campaigns') }}
),

renamed as (
    select
        campaign_id,
        {{ clean_text('campaign_name') }} as campaign_name,
        lower({{ clean_text('purpose') }}) as purpose,
        {{ is_bad_timestamp('scheduled_at') }} as has_invalid_scheduled_at,
        scheduled_at,
        _loaded_at,
        {{ key_occurrence('campaign_id', 'scheduled_at') }} as key_occurrence
    from source
),

flagged as (
    select
        *,
        campaign_id as record_key,
        {{ quarantine_reason('campaign_id') }} as quarantine_reason
    from renamed
)

select * from flagged
