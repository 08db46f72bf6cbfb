{# Why are these records one customer? Every record of one customer and
   every edge between two of its records, with the rule, the shared value
   and the verdict; for probabilistic edges also the match weight and
   probability and each field's partial weight (int_linkage_pairs_scored). Run with:
   dbt compile --select why_one_customer --vars '{customer_id: <id>}'
   and execute the compiled SQL (target/compiled/.../why_one_customer.sql). #}
with

resolved as (
    select * from {{ ref('int_records_resolved') }}
),

edges as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

linkage_pairs as (
    select * from {{ ref('int_linkage_pairs_scored') }}
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
        edges.reason,
        linkage_pairs.match_weight,
        linkage_pairs.match_probability,
        linkage_pairs.deciding_blocking_rule,
        {% for comparison in linkage_comparisons() -%}
            linkage_pairs.gamma_{{ comparison.name }},
            linkage_pairs.weight_{{ comparison.name }}
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from edges
    inner join customer_records as records_a
        on edges.record_id_a = records_a.record_id
    inner join customer_records as records_b
        on edges.record_id_b = records_b.record_id
    left join linkage_pairs
        on
            edges.identifier_type = 'linkage_pair'
            and edges.identifier_value
            = linkage_pairs.profile_id_a || '|' || linkage_pairs.profile_id_b
)

select * from customer_edges
