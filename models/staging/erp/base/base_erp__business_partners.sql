{{ config(materialized='table') }}
with

source as (
    select * from {{ source('erp', 'business_partners') }}
),

{# The ERP keeps one name field, mostly "Last, First". Without a comma it
   is read as "Given names Family": the last word is the family name (a
   double surname then loses its first half to the given names, which the
   name matching tolerates); a single word is a family name. #}
split_names as (
    select
        *,
        case
            when partner_name like '%,%'
                then {{ dbt.split_part('partner_name', "','", 2) }}
            when trim(partner_name) like '% %'
                then substr(
                    trim(partner_name),
                    1,
                    length(trim(partner_name))
                    - length({{ dbt.split_part(
                        'trim(partner_name)', "' '", -1
                    ) }})
                )
        end as given_part,
        case
            when partner_name like '%,%'
                then {{ dbt.split_part('partner_name', "','", 1) }}
            when trim(partner_name) like '% %'
                then {{ dbt.split_part('trim(partner_name)', "' '", -1) }}
            else partner_name
        end as family_part
    from source
),

renamed as (
    select
        split_names.partner_id,
        {{ clean_text('split_names.partner_name') }} as partner_name,
        {{ name_attributes('split_names.given_part', 'first_name') }},
        {{ name_attributes('split_names.family_part', 'last_name') }},
        {{ email_attributes('split_names.email') }},
        {{ phone_attributes('split_names.phone') }},
        {{ address_attributes(
            'split_names.street', 'split_names.postal_code', 'split_names.city'
        ) }},
        {{ country_attributes('split_names.country_code', 'country_code') }},
        {{ is_bad_timestamp(
            'split_names.created_at', 'split_names._loaded_at'
        ) }}
        as has_invalid_created_at,
        split_names.created_at,
        split_names.changed_at,
        split_names._loaded_at,
        {{ key_occurrence('split_names.partner_id', 'split_names.changed_at') }}
        as key_occurrence
    from split_names
    {{ country_joins('split_names.country_code', 'country_code') }}
),

flagged as (
    select
        *,
        partner_id as record_key,
        {{ quarantine_reason('partner_id') }} as quarantine_reason
    from renamed
)

select * from flagged
