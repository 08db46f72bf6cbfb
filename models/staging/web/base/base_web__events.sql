{{ config(materialized='table') }}
with

source as (
    select * from {{ source('web', 'events') }}
),

renamed as (
    select
        event_id,
        {{ clean_text('anonymous_id') }} as anonymous_id,
        user_id,
        lower({{ clean_text('event_type') }}) as event_type,
        {{ clean_text('page_path') }} as page_path,
        occurred_at,
        _loaded_at,
        {{ key_occurrence('event_id', 'occurred_at') }} as key_occurrence
    from source
),

flagged as (
    select
        *,
        cast(event_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('event_id', [
            (is_bad_timestamp('occurred_at'), 'bad_timestamp'),
            ('anonymous_id is null', 'missing_anonymous_id'),
        ]) }} as quarantine_reason
    from renamed
)

select * from flagged
