{# Erasure in every layer: after the build, no relation of the project in
    any schema holds an email or phone of an erased person in clear. The
    erasure ledger's salted hashes (int_erasures_logged) are the only trace
    kept, so every string column of every model is hashed the same way and
    compared with them (values that look like an email or an E.164 phone).
    The refs below make the test run after the scrub (int_erasures_applied)
    and after the marts. Returns one row per relation and column holding
    erased identifiers, with how many. #}
-- depends_on: {{ ref('int_erasures_applied') }}
-- depends_on: {{ ref('dim_customer_360') }}
-- depends_on: {{ ref('dim_email_marketing_audience') }}
-- depends_on: {{ ref('dim_sms_marketing_audience') }}
-- depends_on: {{ ref('dim_personalisation_audience') }}
-- depends_on: {{ ref('dim_third_party_sharing_audience') }}
-- depends_on: {{ ref('fct_customer_lifetime_values') }}
-- depends_on: {{ ref('fct_value_segments') }}
{%- set scans = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model'
        and node.name != 'int_erasures_logged'
        and node.config.materialized != 'ephemeral' %}
        {%- set relation = adapter.get_relation(
            database=node.database, schema=node.schema,
            identifier=node.alias or node.name
        ) %}
        {%- if relation %}
            {%- for column in adapter.get_columns_in_relation(relation)
                if column.is_string() %}
                {%- do scans.append((relation, node.name, column.name)) %}
            {%- endfor %}
        {%- endif %}
    {%- endfor %}
{%- endif %}
with

ledger_hashes as (
    select distinct identifier_hash
    from {{ ref('int_erasures_logged') }}
    where identifier_hash is not null
),

{# every value that looks like an email or a phone, with where it is #}
candidates as (
{%- for relation, name, column in scans %}
    select
        '{{ name }}' as relation_name,
        '{{ column }}' as column_name,
        lower(trim({{ adapter.quote(column) }})) as candidate
    from {{ relation }}
    where
        {{ adapter.quote(column) }} like '%@%'
        or {{ adapter.quote(column) }} like '%+%'
    union all
{%- endfor %}
    select
        'none' as relation_name,
        'none' as column_name,
        cast(null as {{ dbt.type_string() }}) as candidate
),

{# each candidate hashed once as an email and once as a phone, so the
    ledger is matched by an equality join (a join on either hash is a
    nested loop of every candidate with every ledger hash: at 100,000
    persons it ran for more than 15 minutes) #}
candidate_hashes as (
    select
        relation_name,
        column_name,
        {{ erasure_hash("'email'", 'candidate') }} as candidate_hash
    from candidates
    union all
    select
        relation_name,
        column_name,
        {{ erasure_hash("'phone'", 'candidate') }} as candidate_hash
    from candidates
),

found as (
    select
        candidate_hashes.relation_name,
        candidate_hashes.column_name,
        count(*) as erased_values
    from candidate_hashes
    inner join ledger_hashes
        on candidate_hashes.candidate_hash = ledger_hashes.identifier_hash
    group by candidate_hashes.relation_name, candidate_hashes.column_name
)

select * from found
