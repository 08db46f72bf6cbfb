{{ config(materialized='table') }}
with

source as (
    select * from {{ source('web', 'identifies') }}
),

customers as (
    select * from {{ ref('stg_shop__customers') }}
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
            ('customers.customer_id is null', 'orphan_user_id'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
    left join customers
        on renamed.user_id = customers.customer_id
)

select * from flagged
