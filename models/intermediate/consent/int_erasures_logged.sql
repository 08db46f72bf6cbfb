{{
    config(
        materialized='incremental',
        full_refresh=false,
        on_schema_change='fail',
    )
}}
{# The erasure ledger: once erased, always erased. Rebuilds only append to
    it and it survives --full-refresh (like int_customer_id_changes_logged),
    so an erasure holds when the request is gone from the next extract, is
    re-sent with another id, or its request id is reused. Every erasure
    request, clean (stg_consent__privacy_requests) or salvaged from a
    quarantined row (stg_consent__erasures_salvaged: erasure fails closed),
    logs:
    - each record its identifier can mean (records_named_by_identifier),
      with a salted hash (erasure_hash) of the identifier that matched
      (`is_named`); int_customers_erased later erases every record carrying
      an email or phone with such a hash, also records that arrive after
      the request;
    - every other record of the customers those records resolve to today,
      and of the customers of records a declined same-name link joins to
      them (identity's doubt counts as the person's),
      with a hash of each email and phone it carries (not `is_named`), so a
      later split of the customer erases both parts and int_erasures_applied
      can find the person's identifiers in every table without keeping them
      in clear.
    Later builds, with or without the request in the extract, log the same
    for every record that has joined an erased customer since (the customer
    of a logged record, or of a record carrying an email or phone the
    ledger holds as named), under the request that erased it: so a mailbox
    the erased person shares is masked on the other profiles, also when it
    arrived after the request.
    One row per request key, record and identifier hash
    (`erasure_entry_id`). #}
with

clean_requests as (
    select * from {{ ref('stg_consent__privacy_requests') }}
    where request_type = 'erasure'
),

salvaged_requests as (
    select * from {{ ref('stg_consent__erasures_salvaged') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

{# proposed links identity declined although both names agree (namesake
    guard, a street that differs, the review band, a bridge or size cap) #}
same_name_edges as (
    select
        record_id_a,
        record_id_b
    from {{ ref('int_identity_edges_guarded') }}
    where
        status <> 'accepted'
        and is_first_name_match
        and is_last_name_match
),

requests as (
    select
        request_id as erasure_request_key,
        identifier_type,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        requested_at
    from clean_requests
    union all
    select
        erasure_request_key,
        identifier_type,
        email_reading,
        phone_reading,
        phone_national_reading,
        key_reading,
        requested_at
    from salvaged_requests
),

{% if is_incremental() %}
    logged as (
        select * from {{ this }}
    ),

    logged_records as (
        select distinct record_id
        from logged
    ),

    logged_hashes as (
        select distinct
            erasure_request_key,
            identifier_hash
        from logged
        where is_named and identifier_type in ('email', 'phone')
    ),
{% endif %}

{# When each request arrived: from the extract, or from the ledger once
    the request has left it. #}
request_times_unioned as (
    select
        erasure_request_key,
        requested_at
    from requests
    {% if is_incremental() %}
        union all
        select
            erasure_request_key,
            requested_at
        from logged
    {% endif %}
),

request_times as (
    select
        erasure_request_key,
        min(requested_at) as requested_at
    from request_times_unioned
    group by erasure_request_key
),

records_named as (
    {{ records_named_by_identifier(
        'requests', 'erasure_request_key', 'identifiers', 'records'
    ) }}
),

named_entries as (
    select distinct
        records_named.erasure_request_key,
        records_named.record_id,
        records_named.identifier_type,
        {{ erasure_hash(
            'records_named.identifier_type', 'records_named.identifier_value'
        ) }} as identifier_hash,
        true as is_named
    from records_named
),

{# The records a request names: in this extract's requests and, on later
    builds, those the ledger logged as named and those carrying an email or
    phone it logged as named. #}
named_records as (
    select
        erasure_request_key,
        record_id
    from named_entries
    {% if is_incremental() %}
        union all
        select
            erasure_request_key,
            record_id
        from logged
        where is_named
        union all
        select
            logged_hashes.erasure_request_key,
            identifiers.record_id
        from identifiers
        inner join logged_hashes
            on
                {{ erasure_hash(
                    'identifiers.identifier_type',
                    'identifiers.identifier_value'
                ) }} = logged_hashes.identifier_hash
        where identifiers.identifier_type in ('email', 'phone')
    {% endif %}
),

{# every record of the customers the named records belong to today #}
named_customer_records as (
    select distinct
        named_records.erasure_request_key,
        customer_records.record_id
    from named_records
    inner join resolved as named_resolved
        on named_records.record_id = named_resolved.record_id
    inner join resolved as customer_records
        on named_resolved.customer_id = customer_records.customer_id
),

{# Fail closed on identity's doubts: a record a proposed link joins to one
    of those under the same full name, where identity declined the link,
    is most likely the same person (at 100,000 persons 96 % of the namesake
    guard's rejections join one person's records), so the request reaches
    it too. One hop from the named person's customer, never from a record
    reached this way, so namesakes do not chain from build to build.
    Over-erasing loses a namesake's profile; under-erasing publishes a
    person who asked to be forgotten. #}
namesake_records as (
    select
        named_customer_records.erasure_request_key,
        same_name_edges.record_id_b as record_id
    from named_customer_records
    inner join same_name_edges
        on named_customer_records.record_id = same_name_edges.record_id_a
    union all
    select
        named_customer_records.erasure_request_key,
        same_name_edges.record_id_a as record_id
    from named_customer_records
    inner join same_name_edges
        on named_customer_records.record_id = same_name_edges.record_id_b
),

{# The records whose customers are erased: the named ones, those reached
    through a declined same-name link and, on later builds, every record
    the ledger logged. #}
erased_records as (
    select
        erasure_request_key,
        record_id
    from named_records
    union all
    select
        erasure_request_key,
        record_id
    from namesake_records
    {% if is_incremental() %}
        union all
        select
            erasure_request_key,
            record_id
        from logged
    {% endif %}
),

{# every record of the customers those records belong to today, with
   each email and phone it carries #}
customer_records as (
    select distinct
        erased_records.erasure_request_key,
        customer_records.record_id
    from erased_records
    inner join resolved as erased_resolved
        on erased_records.record_id = erased_resolved.record_id
    inner join resolved as customer_records
        on erased_resolved.customer_id = customer_records.customer_id
),

customer_entries as (
    select distinct
        customer_records.erasure_request_key,
        customer_records.record_id,
        identifiers.identifier_type,
        {{ erasure_hash(
            'identifiers.identifier_type', 'identifiers.identifier_value'
        ) }} as identifier_hash,
        false as is_named
    from customer_records
    left join identifiers
        on
            customer_records.record_id = identifiers.record_id
            and identifiers.identifier_type in ('email', 'phone')
),

entries_unioned as (
    select * from named_entries
    union all
    select * from customer_entries
),

{# a named record's identifiers appear in both: named wins #}
entries as (
    select
        erasure_request_key,
        record_id,
        identifier_type,
        identifier_hash,
        max(case when is_named then 1 else 0 end) = 1 as is_named
    from entries_unioned
    group by
        erasure_request_key, record_id, identifier_type, identifier_hash
),

keyed as (
    select
        {{ dbt_utils.generate_surrogate_key([
            'entries.erasure_request_key', 'entries.record_id',
            'entries.identifier_hash',
        ]) }} as erasure_entry_id,
        entries.erasure_request_key,
        entries.record_id,
        entries.identifier_type,
        entries.identifier_hash,
        entries.is_named,
        request_times.requested_at,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as timestamp)
        as logged_at
    from entries
    inner join request_times
        on entries.erasure_request_key = request_times.erasure_request_key
)

select keyed.*
from keyed
{% if is_incremental() %}
    left join logged as already_logged
        on keyed.erasure_entry_id = already_logged.erasure_entry_id
    {# A logged record whose identifiers the scrub has since removed
        (or that never had any) needs no row without a hash. #}
    left join logged_records
        on keyed.record_id = logged_records.record_id
    where
        already_logged.erasure_entry_id is null
        and not (
            keyed.identifier_hash is null
            and logged_records.record_id is not null
        )
{% endif %}
