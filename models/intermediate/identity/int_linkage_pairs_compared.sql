{# Every candidate pair of linkage profiles (int_linkage_pairs_blocked)
    with one comparison level per field (`gamma_<comparison>`, the macros
    of `linkage_comparisons()`; null = missing on a side, no evidence).
    A pair written last-name-first on one side is compared with its names
    turned round (`is_name_order_swapped`). One row per pair. #}
with

pairs as (
    select * from {{ ref('int_linkage_pairs_blocked') }}
),

profiles as (
    select * from {{ ref('int_linkage_profiles_prepared') }}
),

nickname_pairs as (
    select * from {{ ref('int_nickname_pairs_expanded') }}
),

pairs_sided as (
    select
        pairs.profile_id_a,
        pairs.profile_id_b,
        pairs.blocking_rules,
        {{ linkage_name_order_swapped('profiles_a', 'profiles_b') }}
        as is_name_order_swapped,
        {{ linkage_side_columns('profiles_a', 'a_') | indent(8) }},
        {{ linkage_side_columns(
            'profiles_b', 'b_',
            linkage_name_order_swapped('profiles_a', 'profiles_b')
        ) | indent(8) }}
    from pairs
    inner join profiles as profiles_a
        on pairs.profile_id_a = profiles_a.profile_id
    inner join profiles as profiles_b
        on pairs.profile_id_b = profiles_b.profile_id
),

pairs_compared as (
    {{ linkage_pairs_compared('pairs_sided', [
        'profile_id_a', 'profile_id_b', 'blocking_rules',
        'is_name_order_swapped', 'a_first_name', 'a_last_name',
        'a_postal_code', 'a_city',
    ]) | indent(4) }}
)

select * from pairs_compared
