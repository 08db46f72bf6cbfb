{# One row per linkage profile: a distinct combination of the attributes
    probabilistic linkage compares (int_linkage_records_profiled). Records
    with the same profile cannot be told apart by any comparison, so they
    are compared once: `representative_record_id` stands for them and
    `records_sharing` counts them. Also the keys the blocking rules use. #}
with

records as (
    select * from {{ ref('int_linkage_records_profiled') }}
),

profiles_deduplicated as (
    select
        profile_id,
        first_name,
        middle_name,
        last_name,
        gender,
        birth_date_digits,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        house_number,
        street_name,
        postal_code,
        city,
        region,
        email,
        phone,
        min(record_id) as representative_record_id,
        count(*) as records_sharing
    from records
    group by
        profile_id,
        first_name,
        middle_name,
        last_name,
        gender,
        birth_date_digits,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        house_number,
        street_name,
        postal_code,
        city,
        region,
        email,
        phone
),

{# Blocking keys: a name pair in sorted order (so a first/last swap
    blocks with its original), initials, birth year. #}
profiles_keyed as (
    select
        *,
        case
            when first_name <= last_name then first_name || '|' || last_name
            else last_name || '|' || first_name
        end as name_pair,
        substr(first_name, 1, 1) as first_initial,
        substr(last_name, 1, 1) as last_initial,
        substr(birth_date_digits, 1, 4) as birth_year
    from profiles_deduplicated
)

select * from profiles_keyed
