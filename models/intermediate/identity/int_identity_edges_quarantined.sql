{# Links held back for review: weak edges that would have bridged two
    contradicting groups, weak edges inside a group the size guard broke
    up, and probabilistic pairs in the review band (their partial weights
    are in int_linkage_pairs_scored, by `identifier_value`). A reviewer confirms one with a `force_link` row in the
    identity_overrides seed (or keeps it apart with `force_split`). One row
    per edge. #}
with

edges as (
    select * from {{ ref('int_identity_edges_guarded') }}
),

grouped as (
    select * from {{ ref('int_records_grouped') }}
),

{# One pass over the edges: those the bridge guard held back, and the weak
   edges accepted inside a group that the size guard broke up. #}
quarantined as (
    select
        edges.edge_id,
        edges.record_id_a,
        edges.record_id_b,
        edges.match_rule,
        edges.identifier_type,
        edges.identifier_value,
        edges.strength,
        edges.street_similarity,
        edges.has_both_names,
        edges.is_first_name_match,
        edges.is_last_name_match,
        edges.is_swapped_name_match,
        edges.is_birth_date_conflict,
        edges.is_bridge,
        'quarantined' as status,
        coalesce(edges.reason, 'group_exceeds_max_component_records')
            as reason
    from edges
    left join grouped
        on edges.record_id_a = grouped.record_id
    where
        edges.status = 'quarantined'
        or (edges.status = 'rejected' and edges.reason = 'review_band')
        or (
            edges.status = 'accepted'
            and edges.strength = 'weak'
            and grouped.is_size_capped
        )
)

select * from quarantined
