{# The probabilistic rule's candidate edges between identity records:
    every pair of linkage profiles judged `link` or `review`
    (int_linkage_pairs_scored) becomes an edge between the profiles'
    representative records, and every other record of a profile links to
    its representative when the profile judged against itself is a `link`
    (records that agree on every compared field). Edges keep the pair's
    `linkage_pair_id` (`<profile_id_a>|<profile_id_b>`), so every partial
    weight stays one join away. Review-band edges are `probabilistic_review`:
    int_identity_edges_proposed rejects them (`review_band`) and
    int_identity_edges_quarantined lists them for review.
    Columns as the other rules' pairs in int_identity_edges_proposed. #}
with

scored as (
    select * from {{ ref('int_linkage_pairs_scored') }}
),

profiles as (
    select * from {{ ref('int_linkage_profiles_prepared') }}
),

records as (
    select * from {{ ref('int_linkage_records_profiled') }}
),

pairs_between_profiles as (
    select
        least(
            profiles_a.representative_record_id,
            profiles_b.representative_record_id
        ) as record_id_a,
        greatest(
            profiles_a.representative_record_id,
            profiles_b.representative_record_id
        ) as record_id_b,
        scored.profile_id_a || '|' || scored.profile_id_b as linkage_pair_id,
        scored.linkage_verdict
    from scored
    inner join profiles as profiles_a
        on scored.profile_id_a = profiles_a.profile_id
    inner join profiles as profiles_b
        on scored.profile_id_b = profiles_b.profile_id
    where
        scored.profile_id_a <> scored.profile_id_b
        and scored.linkage_verdict in ('link', 'review')
),

records_to_representatives as (
    select
        least(records.record_id, profiles.representative_record_id)
            as record_id_a,
        greatest(records.record_id, profiles.representative_record_id)
            as record_id_b,
        scored.profile_id_a || '|' || scored.profile_id_b as linkage_pair_id,
        scored.linkage_verdict
    from scored
    inner join profiles
        on scored.profile_id_a = profiles.profile_id
    inner join records
        on scored.profile_id_a = records.profile_id
    where
        scored.profile_id_a = scored.profile_id_b
        and scored.linkage_verdict in ('link', 'review')
        and records.record_id <> profiles.representative_record_id
),

edges_unioned as (
    select * from pairs_between_profiles
    union all
    select * from records_to_representatives
),

edges as (
    select  -- noqa: ST06
        record_id_a,
        record_id_b,
        case
            when linkage_verdict = 'link' then 'probabilistic'
            else 'probabilistic_review'
        end as match_rule,
        'linkage_pair' as identifier_type,
        linkage_pair_id as identifier_value,
        'weak' as strength
    from edges_unioned
)

select * from edges
