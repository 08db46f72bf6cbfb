{# Survivorship, step two: one golden record per customer, each attribute_name
    taken from its rank-1 candidate record, with that record's source table
    (`<attribute_name>__source`) and time (`<attribute_name>__as_of`). A customer whose
    records never state an attribute_name has it null, with null provenance. #}
with

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

candidates as (
    select * from {{ ref('int_customer_attribute_candidates_ranked') }}
    where survivorship_rank = 1
),

customers_summarised as (
    select
        customer_id,
        count(*) as record_count,
        count(distinct source_system) as source_system_count
    from resolved
    group by customer_id
),

records_seen as (
    select
        resolved.customer_id,
        min(records.first_seen_at) as first_seen_at,
        max(records.last_seen_at) as last_seen_at
    from resolved
    inner join records
        on resolved.record_id = records.record_id
    group by resolved.customer_id
),

survivors as (
    select
        candidates.customer_id,
        candidates.attribute_name,
        candidates.source_table,
        records.first_name_display,
        records.last_name_display,
        records.email,
        records.phone,
        records.street_display,
        records.postal_code,
        records.city_display,
        records.country_code,
        records.birth_date,
        candidates.as_of
    from candidates
    inner join records
        on candidates.record_id = records.record_id
),

golden_records as (
    select
        customers_summarised.customer_id,
        survived_name.first_name_display as first_name,
        survived_name.last_name_display as last_name,
        survived_email.email,
        survived_phone.phone,
        survived_address.street_display as street,
        survived_address.postal_code,
        survived_address.city_display as city,
        {# the surviving address's country, so that an address is never
            given another record's country; else the country alone #}
        coalesce(survived_address.country_code, survived_country.country_code)
        as country_code,
        survived_name.source_table as name__source,
        survived_email.source_table as email__source,
        survived_phone.source_table as phone__source,
        survived_birth_date.source_table as birth_date__source,
        survived_address.source_table as address__source,
        case
            when survived_address.country_code is not null
                then survived_address.source_table
            else survived_country.source_table
        end as country__source,
        customers_summarised.record_count,
        customers_summarised.source_system_count,
        survived_birth_date.birth_date,
        survived_name.as_of as name__as_of,
        survived_email.as_of as email__as_of,
        survived_phone.as_of as phone__as_of,
        survived_birth_date.as_of as birth_date__as_of,
        survived_address.as_of as address__as_of,
        case
            when survived_address.country_code is not null
                then survived_address.as_of
            else survived_country.as_of
        end as country__as_of,
        records_seen.first_seen_at,
        records_seen.last_seen_at
    from customers_summarised
    inner join records_seen
        on customers_summarised.customer_id = records_seen.customer_id
    {%- for attribute in [
        'name', 'email', 'phone', 'birth_date', 'address', 'country',
    ] %}
    left join survivors as survived_{{ attribute }}
        on
            customers_summarised.customer_id
            = survived_{{ attribute }}.customer_id
            and survived_{{ attribute }}.attribute_name = '{{ attribute }}'
    {%- endfor %}
)

select * from golden_records
