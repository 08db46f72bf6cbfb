{{ config(materialized='table') }}
with

source as (
    select * from {{ source('loyalty', 'points_ledger') }}
),

renamed as (
    select
        source.entry_id,
        source.member_id,
        lower({{ clean_text('source.entry_type') }}) as entry_type,
        source.points,
        {{ clean_text('source.pos_receipt_id') }} as pos_receipt_id,
        source.occurred_at,
        source._loaded_at,
        {{ key_occurrence('source.entry_id', 'source.occurred_at') }}
        as key_occurrence
    from source
),

flagged as (
    select
        renamed.*,
        cast(renamed.entry_id as {{ dbt.type_string() }}) as record_key,
        {{ quarantine_reason('renamed.entry_id', [
            (is_bad_timestamp('renamed.occurred_at', 'renamed._loaded_at'),
             'bad_timestamp'),
            ("renamed.entry_type not in ('earn', 'redeem', 'expire', 'adjust')"
             ~ " or renamed.entry_type is null", 'unknown_entry_type'),
            ('abs(cast(renamed.points as double)) > '
             ~ var('max_points_per_entry'), 'implausible_points'),
        ], 'renamed.key_occurrence') }} as quarantine_reason
    from renamed
)

select * from flagged
