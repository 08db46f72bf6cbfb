{# Survivorship, step one: every value a customer's records offer for each
    golden-record attribute, ranked by the criteria the survivorship_rules
    seed lists for that attribute, in its order. Rank 1 survives. Composite
    attributes (name: first and last; address: street, postal code, city,
    country) survive as a whole, from one record, so that a street never
    meets another record's postal code. The country also stands alone, for
    customers whose records give no address. #}

{#- the criteria a rule may name; each becomes a "higher is better" key -#}
{%- set criteria = [
    'validity', 'completeness', 'frequency', 'recency', 'source_priority',
] -%}

with

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

survivorship_rules as (
    select * from {{ ref('survivorship_rules') }}
),

survivorship_source_priority as (
    select * from {{ ref('survivorship_source_priority') }}
),

records_with_customer as (
    select
        records.*,
        resolved.customer_id
    from records
    inner join resolved
        on records.record_id = resolved.record_id
),

{# One row per record and attribute it has any part of. value_key is the
    matching form of the value (frequency counts records agreeing on it). #}
candidates_unpivoted as (
    select
        customer_id,
        record_id,
        source_table,
        'name' as attribute_name,
        coalesce(first_name, '') || '|' || coalesce(last_name, '')
        as value_key,
        cast(first_name is not null and last_name is not null as integer)
        as validity,
        cast(first_name is not null as integer)
        + cast(last_name is not null as integer) as completeness,
        last_seen_at as as_of
    from records_with_customer
    where first_name is not null or last_name is not null

    union all

    select
        customer_id,
        record_id,
        source_table,
        'email' as attribute_name,
        email as value_key,
        cast(not coalesce(is_email_role_mailbox, false) as integer)
        as validity,
        1 as completeness,
        last_seen_at as as_of
    from records_with_customer
    where email is not null

    union all

    select
        customer_id,
        record_id,
        source_table,
        'phone' as attribute_name,
        phone as value_key,
        1 as validity,
        1 as completeness,
        last_seen_at as as_of
    from records_with_customer
    where phone is not null

    union all

    select
        customer_id,
        record_id,
        source_table,
        'birth_date' as attribute_name,
        cast(birth_date as {{ dbt.type_string() }}) as value_key,
        1 as validity,
        1 as completeness,
        last_seen_at as as_of
    from records_with_customer
    where birth_date is not null

    union all

    select
        customer_id,
        record_id,
        source_table,
        'address' as attribute_name,
        coalesce(street, '') || '|' || coalesce(postal_code, '')
        || '|' || coalesce(country_code, '') as value_key,
        cast(street is not null and postal_code is not null as integer)
        as validity,
        cast(street is not null as integer)
        + cast(postal_code is not null as integer)
        + cast(city is not null as integer)
        + cast(country_code is not null as integer) as completeness,
        last_seen_at as as_of
    from records_with_customer
    where street is not null or postal_code is not null or city is not null

    union all

    {# the country on its own, for customers no record gives an address:
        an account or an order that names only its country #}
    select
        customer_id,
        record_id,
        source_table,
        'country' as attribute_name,
        country_code as value_key,
        1 as validity,
        1 as completeness,
        last_seen_at as as_of
    from records_with_customer
    where country_code is not null
),

{# A source the priority seed does not list for an attribute would rank
    after every listed one; data test assert_survivorship_ranks_every_source
    fails on it, so every source's rank is a decision. #}
{# Frequency: how many of the customer's records give the same value (an
    aggregate joined back; a window over every candidate took twice as long
    at 1,000,000 persons). No key is null: customer_id comes from an inner
    join and each value_key is built or filtered non-null above. #}
values_counted as (
    select
        customer_id,
        attribute_name,
        value_key,
        count(*) as frequency
    from candidates_unpivoted
    group by customer_id, attribute_name, value_key
),

candidates_scored as (
    select
        candidates_unpivoted.*,
        values_counted.frequency,
        coalesce(survivorship_source_priority.priority, 1000000)
        as source_priority
    from candidates_unpivoted
    inner join values_counted
        on
            candidates_unpivoted.customer_id = values_counted.customer_id
            and candidates_unpivoted.attribute_name
            = values_counted.attribute_name
            and candidates_unpivoted.value_key = values_counted.value_key
    left join survivorship_source_priority
        on
            candidates_unpivoted.attribute_name
            = survivorship_source_priority.attribute_name
            and candidates_unpivoted.source_table
            = survivorship_source_priority.source_table
),

rules_pivoted as (
    select
        attribute_name,
        {%- for step in range(1, criteria | length + 1) %}
        max(case when step = {{ step }} then criterion end)
        as criterion_{{ step }}{{ ',' if not loop.last }}
        {%- endfor %}
    from survivorship_rules
    group by attribute_name
),

{# Each step's key is the candidate's score on the criterion the rule puts
    there, turned so that higher is better (a lower priority number and an
    earlier time lose). #}
candidates_keyed as (
    select
        candidates_scored.*,
        {%- for step in range(1, criteria | length + 1) %}
        case rules_pivoted.criterion_{{ step }}
            when 'validity' then candidates_scored.validity
            when 'completeness' then candidates_scored.completeness
            when 'frequency' then candidates_scored.frequency
            when 'recency' then {{ dbt.datediff(
                "cast('1970-01-01' as " ~ dbt.type_timestamp() ~ ")",
                'candidates_scored.as_of',
                'second',
            ) }}
            when 'source_priority' then -candidates_scored.source_priority
        end as sort_key_{{ step }}{{ ',' if not loop.last }}
        {%- endfor %}
    from candidates_scored
    left join rules_pivoted
        on candidates_scored.attribute_name = rules_pivoted.attribute_name
),

candidates_ranked as (
    select
        customer_id,
        attribute_name,
        record_id,
        source_table,
        value_key,
        validity,
        completeness,
        frequency,
        source_priority,
        row_number() over (
            partition by customer_id, attribute_name
            order by
                {%- for step in range(1, criteria | length + 1) %}
                sort_key_{{ step }} desc nulls last,
                {%- endfor %}
                record_id asc
        ) as survivorship_rank,
        as_of
    from candidates_keyed
)

select * from candidates_ranked
