{# Links held back for review: weak edges that would have bridged two
    contradicting groups, and weak edges inside a group the size guard broken
    up. A reviewer confirms one with a `force_link` row in the
    identity_overrides seed (or keeps it apart with `force_split`). One row
    per edge. #}
with

edges as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

grouped as (
    select * from {{ ref('int_records_grouped') }}
),

bridges as (
    select
        edge_id,
        record_id_a,
        record_id_b,
        match_rule,
        identifier_type,
        identifier_value,
        strength,
        reason,
        street_similarity,
        has_both_names,
        is_first_name_match,
        is_last_name_match,
        is_swapped_name_match,
        is_birth_date_conflict,
        is_bridge,
        status
    from edges
    where status = 'quarantined'
),

edges_in_capped_groups as (
    select
        edges.edge_id,
        edges.record_id_a,
        edges.record_id_b,
        edges.match_rule,
        edges.identifier_type,
        edges.identifier_value,
        edges.strength,
        'group_exceeds_max_component_records' as reason,
        edges.street_similarity,
        edges.has_both_names,
        edges.is_first_name_match,
        edges.is_last_name_match,
        edges.is_swapped_name_match,
        edges.is_birth_date_conflict,
        edges.is_bridge,
        'quarantined' as status
    from edges
    inner join grouped
        on edges.record_id_a = grouped.record_id
    where
        edges.status = 'accepted'
        and edges.strength = 'weak'
        and grouped.is_size_capped
),

quarantined as (
    select * from bridges
    union all
    select * from edges_in_capped_groups
)

select * from quarantined
