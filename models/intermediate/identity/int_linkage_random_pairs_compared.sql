{# A deterministic sample of random pairs of linkage profiles, compared like
    the candidates: almost all of them are two different people, so the
    share of each comparison level among them is its u probability (how
    often two people who are not one agree that much by chance). Profiles
    are put in a pseudo-random order (by their hash) and each is paired
    with the profiles a fixed number of steps further on, as many steps as
    it takes to reach about var `linkage_u_sample_pairs` pairs (when there are
    more profiles than that, the first that many in the hash order, one
    step each). `is_same_<key>` tells whether the pair shares a blocking
    key that narrows a comparison (linkage_blocking_key_conditions), so
    each rule's u can be counted among pairs that share its keys. One row
    per sampled (profile_id_a, profile_id_b). #}
{%- set conditioning_keys = [] -%}
{%- for keys in var('linkage_blocking_rules').values() -%}
    {%- for key in keys if key in linkage_blocking_key_conditions() -%}
        {%- do conditioning_keys.append(key) -%}
    {%- endfor -%}
{%- endfor -%}
{%- set conditioning_keys = conditioning_keys | unique | sort -%}
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
            cast({{ var('linkage_u_sample_pairs') }} as double)
            / totals.profiles_total
        )
        and steps.step / 7919 < totals.profiles_total
),

{# Where each sampled pair's second profile sits: a plain column, so the
    pairing below is an equality join. #}
partner_positions as (
    select
        profiles_numbered.profile_id,
        mod(
            profiles_numbered.profile_position + steps_needed.step,
            profiles_numbered.profiles_total
        ) as partner_position
    from profiles_numbered
    cross join steps_needed
    where
        profiles_numbered.profile_position
        < {{ var('linkage_u_sample_pairs') }}
),

{# With few profiles, two steps can reach the same partner: each pair is
    kept once (by id, before the wide columns are joined). #}
partner_pairs as (
    select distinct
        partner_positions.profile_id as profile_id_a,
        profiles_numbered.profile_id as profile_id_b
    from partner_positions
    inner join profiles_numbered
        on
            partner_positions.partner_position
            = profiles_numbered.profile_position
    where partner_positions.profile_id <> profiles_numbered.profile_id
),

{# Sides joined by id only after the pairs exist: with the inequality in
    the same join, DuckDB planned a product of all profiles. #}
pairs_sided as (
    select
        partner_pairs.profile_id_a,
        partner_pairs.profile_id_b,
        {% for key in conditioning_keys -%}
            coalesce(profiles_a.{{ key }} = profiles_b.{{ key }}, false)
            as is_same_{{ key }},
        {% endfor -%}
        {{ linkage_side_columns('profiles_a', 'a_') | indent(8) }},
        {{ linkage_side_columns('profiles_b', 'b_') | indent(8) }}
    from partner_pairs
    inner join profiles as profiles_a
        on partner_pairs.profile_id_a = profiles_a.profile_id
    inner join profiles as profiles_b
        on partner_pairs.profile_id_b = profiles_b.profile_id
),

pairs_compared as (
    {%- set carried = ['profile_id_a', 'profile_id_b'] -%}
    {%- for key in conditioning_keys -%}
        {%- do carried.append('is_same_' ~ key) -%}
    {%- endfor %}
    {{ linkage_pairs_compared('pairs_sided', carried) | indent(4) }}
)

select * from pairs_compared
