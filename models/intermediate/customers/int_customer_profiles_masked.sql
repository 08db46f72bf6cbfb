{# The identity subject of the customer record: one row per customer we
    know as a person, with contact and demographics from the golden record
    and how well the profile is evidenced. Customers whose records all come
    from var anonymous_source_tables (web browsers nobody identified) are
    left out. Erasure is applied here, once: an erased customer keeps the
    row but every personal column is null, and an email or phone any erased
    customer's records carry (a shared family or company mailbox) is
    published on no other profile either. #}
{%- set anonymous_tables = var('anonymous_source_tables') %}
with

golden_records as (
    select * from {{ ref('int_golden_records_assembled') }}
),

records_resolved as (
    select * from {{ ref('int_records_resolved') }}
),

edges_quarantined as (
    select * from {{ ref('int_identity_edges_quarantined') }}
),

customers_erased as (
    select * from {{ ref('int_customers_erased') }}
),

{# every email and phone of an erased person's records, as the erasure
   ledger's salted hashes (a shared mailbox leaves every profile) #}
identifiers_erased as (
    select distinct
        identifier_type,
        identifier_hash
    from {{ ref('int_erasures_logged') }}
    where identifier_type in ('email', 'phone')
),

{# Identity evidence: how many strong components a customer's records
    form (one: all joined by strong identifiers), and how many records
    are not anonymous. #}
records_summarised as (
    select
        customer_id,
        count(distinct strong_component_id) as strong_components,
        sum(case
            when source_table in (
                {%- for table in anonymous_tables %}
                '{{ table }}'{% if not loop.last %}, {% endif %}
                {%- endfor %}
            ) then 0
            else 1
        end) as known_records
    from records_resolved
    group by customer_id
),

source_systems_listed as (
    select distinct
        customer_id,
        source_system
    from records_resolved
),

source_systems_aggregated as (
    select
        customer_id,
        {{ c360_listagg_sorted('source_system', "','") }}
        as source_systems
    from source_systems_listed
    group by customer_id
),

quarantined_records as (
    select record_id_a as record_id from edges_quarantined
    union
    select record_id_b as record_id from edges_quarantined
),

customers_touched_by_quarantine as (
    select distinct records_resolved.customer_id
    from quarantined_records
    inner join records_resolved
        on quarantined_records.record_id = records_resolved.record_id
),

profiles_masked as (
    select
        golden_records.customer_id,
        {%- for column in [
            'first_name', 'last_name', 'street', 'postal_code', 'city',
            'country_code', 'birth_date',
        ] %}
        case
            when customers_erased.customer_id is null
                then golden_records.{{ column }}
        end as {{ column }},
        {%- endfor %}
        {%- for column in ['email', 'phone'] %}
        case
            when
                customers_erased.customer_id is null
                and {{ column }}s_erased.identifier_hash is null
                then golden_records.{{ column }}
        end as {{ column }},
        {%- endfor %}
        source_systems_aggregated.source_systems,
        golden_records.first_seen_at,
        golden_records.last_seen_at,
        golden_records.record_count,
        golden_records.source_system_count,
        records_summarised.strong_components,
        customers_erased.customer_id is not null as is_erased,
        customers_touched_by_quarantine.customer_id is not null
        as has_quarantined_links
    from golden_records
    inner join records_summarised
        on golden_records.customer_id = records_summarised.customer_id
    inner join source_systems_aggregated
        on golden_records.customer_id = source_systems_aggregated.customer_id
    left join customers_erased
        on golden_records.customer_id = customers_erased.customer_id
    left join identifiers_erased as emails_erased
        on
            emails_erased.identifier_type = 'email'
            and {{ erasure_hash("'email'", 'golden_records.email') }}
            = emails_erased.identifier_hash
    left join identifiers_erased as phones_erased
        on
            phones_erased.identifier_type = 'phone'
            and {{ erasure_hash("'phone'", 'golden_records.phone') }}
            = phones_erased.identifier_hash
    left join customers_touched_by_quarantine
        on golden_records.customer_id
        = customers_touched_by_quarantine.customer_id
    where records_summarised.known_records > 0
)

select * from profiles_masked
