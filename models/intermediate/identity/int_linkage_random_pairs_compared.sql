{# A deterministic sample of random pairs of linkage profiles, compared like
    the candidates: almost all of them are two different people, so the
    share of each comparison level among them is its u probability (how
    often two people who are not one agree that much by chance). Profiles
    are put in a pseudo-random order (by their hash) and each is paired
    with the profiles a fixed number of steps further on, as many steps as
    it takes to reach about var `linkage_u_sample_pairs` pairs. One row per
    sampled (profile_id_a, profile_id_b). #}
with

profiles as (
    select * from {{ ref('int_linkage_profiles_prepared') }}
),

nickname_pairs as (
    select * from {{ ref('int_nickname_pairs_expanded') }}
),

profiles_numbered as (
    select
        *,
        row_number() over (order by profile_id) - 1 as profile_position,
        count(*) over () as profiles_total
    from profiles
),

steps as (
    {% for step in range(1, 201) -%}
        select {{ step * 7919 }} as step
        {% if not loop.last %}union all{% endif %}
    {% endfor %}
),

totals as (
    select max(profiles_total) as profiles_total
    from profiles_numbered
),

steps_needed as (
    select steps.step
    from steps
    cross join totals
    where
        steps.step / 7919
        <= ceiling(
            {{ var('linkage_u_sample_pairs') }} * 1.0 / totals.profiles_total
        )
        and steps.step / 7919 < totals.profiles_total
),

pairs_sided as (
    select distinct
        profiles_a.profile_id as profile_id_a,
        profiles_b.profile_id as profile_id_b,
        {{ linkage_side_columns('profiles_a', 'a_') | indent(8) }},
        {{ linkage_side_columns('profiles_b', 'b_') | indent(8) }}
    from profiles_numbered as profiles_a
    cross join steps_needed
    inner join profiles_numbered as profiles_b
        on
            profiles_b.profile_position
            = mod(
                profiles_a.profile_position + steps_needed.step,
                profiles_a.profiles_total
            )
    where profiles_a.profile_id <> profiles_b.profile_id
),

pairs_compared as (
    {{ linkage_pairs_compared(
        'pairs_sided', ['profile_id_a', 'profile_id_b']
    ) | indent(4) }}
)

select * from pairs_compared
