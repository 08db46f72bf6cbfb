{# One row per linkage profile: a distinct combination of the attributes
    probabilistic linkage compares (int_linkage_records_profiled). Records
    with the same profile cannot be told apart by any comparison, so they
    are compared once: `representative_record_id` stands for them and
    `records_sharing` counts them. Also the keys the blocking rules use. #}
with

records as (
    select * from {{ ref('int_linkage_records_profiled') }}
),

profiles_counted as (
    select
        profile_id,
        min(record_id) as representative_record_id,
        count(*) as records_sharing
    from records
    group by profile_id
),

{# A profile's attributes are its representative record's (equal in all
    its records by construction). #}
profiles_deduplicated as (
    select
        profiles_counted.profile_id,
        profiles_counted.representative_record_id,
        {{ dbt_utils.star(
            from=ref('int_linkage_records_profiled'),
            relation_alias='records',
            except=['profile_id', 'record_id'],
        ) | indent(8) }},
        profiles_counted.records_sharing
    from profiles_counted
    inner join records
        on profiles_counted.representative_record_id = records.record_id
),

{# Blocking keys: a name pair in sorted order (so a first/last swap
    blocks with its original), initials, birth year, birth month and day
    (a mistyped year leaves them). #}
profiles_keyed as (
    select
        *,
        case
            when first_name <= last_name then first_name || '|' || last_name
            else last_name || '|' || first_name
        end as name_pair,
        substr(first_name, 1, 1) as first_initial,
        substr(last_name, 1, 1) as last_initial,
        substr(birth_date_digits, 1, 4) as birth_year,
        substr(birth_date_digits, 5, 4) as birth_month_day
    from profiles_deduplicated
)

select * from profiles_keyed
