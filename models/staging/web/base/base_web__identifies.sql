{{ config(materialized='table') }}
with

source as (
    select * from {{ source('web', 'identifies') }}
),

renamed as (
    select
        source.identify_id,
        {{ clean_text('source.anonymous_id') }} as anonymous_id,
        source.user_id,
        source.identified_at,
        source._loaded_at,
        {{ key_occurrence('source.identify_id', 'source.identified_at') }}
        as key_occurrence
    from source
),

flagged as (
    select
        renamed.*,
        cast(renamed.identify_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.identify_id', [
            (is_bad_timestamp('renamed.identified_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ('renamed.anonymous_id is null', 'missing_anonymous_id'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
)

select * from flagged
