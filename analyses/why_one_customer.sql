{# Why are these records one customer? Every record of one customer and
   every edge between two of its records, with the rule, the shared value
   and the verdict. Run with:
   dbt compile --select why_one_customer --vars '{customer_id: <id>}'
   and execute the compiled SQL (target/compiled/.../why_one_customer.sql). #}
with

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

edges as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

{% set customer_id = var("customer_id", "") %}
customer_records as (
    select
        record_id,
        customer_id
    from resolved
    where customer_id = '{{ customer_id }}'
),

customer_edges as (
    select
        edges.record_id_a,
        edges.record_id_b,
        edges.match_rule,
        edges.identifier_type,
        edges.identifier_value,
        edges.status,
        edges.reason
    from edges
    inner join customer_records as records_a
        on edges.record_id_a = records_a.record_id
    inner join customer_records as records_b
        on edges.record_id_b = records_b.record_id
)

select * from customer_edges
