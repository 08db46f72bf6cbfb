{# The final verdict on every candidate edge. Strong edges that survived
    proposal are accepted. A weak edge inside one strong group changes
    nothing and is accepted. A weak edge that would join two separate strong
    groups is accepted only when the groups do not contradict each other;
    otherwise it is quarantined for review instead of merging: the groups
    hold different birth dates, no first name of one matches a first name of
    the other (nor its swap with the last name), or both know phone
    numbers, none is shared, no birth date vouches for the link and it
    cannot be one person who changed numbers (household members with one
    name, at one address, keep their own phones). One row per edge of
    int_identity_edges_proposed. #}
with

edges as (
    select * from {{ ref('int_identity_edges_proposed') }}
),

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

strong_components as (
    select * from {{ ref('int_records_strongly_clustered') }}
),

nickname_pairs as (
    select * from {{ ref('int_nickname_pairs_expanded') }}
),

weak_edges_across_groups as (
    select
        edges.edge_id,
        edges.match_rule,
        edges.record_id_a,
        edges.record_id_b,
        components_a.strong_component_id as component_a,
        components_b.strong_component_id as component_b
    from edges
    inner join strong_components as components_a
        on edges.record_id_a = components_a.record_id
    inner join strong_components as components_b
        on edges.record_id_b = components_b.record_id
    where
        edges.status = 'proposed'
        and edges.strength = 'weak'
        and components_a.strong_component_id
        <> components_b.strong_component_id
),

involved_components as (
    select component_a as component_id from weak_edges_across_groups
    union
    select component_b as component_id from weak_edges_across_groups
),

involved_records as (
    select
        records.*,
        strong_components.strong_component_id as component_id
    from strong_components
    inner join involved_components
        on strong_components.strong_component_id
        = involved_components.component_id
    inner join records
        on strong_components.record_id = records.record_id
),

component_attributes as (
    select distinct
        component_id,
        record_id,
        first_name,
        last_name,
        birth_date,
        phone
    from involved_records
    where
        first_name is not null
        or birth_date is not null
        or phone is not null
),

{# When each group used its phones (first to last sight of its records
    that carry one) and whether it knows an email. #}
component_contacts as (
    select
        component_id,
        min(case when phone is not null then first_seen_at end)
        as phones_first_seen_at,
        max(case when phone is not null then last_seen_at end)
        as phones_last_seen_at,
        count(email) > 0 as has_email
    from involved_records
    group by component_id
),

{# Compare every first name and birth date of one group with every one of
    the other group: a single agreement is enough, a contradiction needs
    values on both sides and no agreement at all. #}
groups_compared as (
    select
        weak_edges_across_groups.edge_id,
        count(attributes_a.first_name) > 0
        and count(attributes_b.first_name) > 0 as has_names_on_both_sides,
        {# a name written last-first on one side agrees with its swap #}
        coalesce({{ dbt.bool_or(
            first_names_match(
                'attributes_a.first_name', 'attributes_b.first_name',
                'nickname_pairs.name_a is not null'
            ) ~ ' or (' ~ first_names_match(
                'attributes_a.first_name', 'attributes_b.last_name', 'false'
            ) ~ ' and ' ~ last_names_match(
                'attributes_a.last_name', 'attributes_b.first_name'
            ) ~ ')'
        ) }}, false) as has_matching_first_name,
        count(attributes_a.birth_date) > 0
        and count(attributes_b.birth_date) > 0 as has_birth_dates_on_both_sides,
        coalesce({{ dbt.bool_or(
            'attributes_a.birth_date = attributes_b.birth_date'
        ) }}, false) as has_matching_birth_date,
        {# For probabilistic edges, whose weights already priced typing
            errors: first names that agree (first_names_agree) and a birth
            date one digit off or with day and month swapped do not
            contradict. #}
        coalesce({{ dbt.bool_or(first_names_agree(
            'attributes_a.first_name', 'attributes_b.first_name',
            'nickname_pairs.name_a is not null'
        )) }}, false) as has_close_first_name,
        coalesce({{ dbt.bool_or(
            birth_dates_close(
                'attributes_a.birth_date', 'attributes_b.birth_date'
            )
        ) }}, false) as has_close_birth_date,
        count(attributes_a.phone) > 0
        and count(attributes_b.phone) > 0 as has_phones_on_both_sides,
        coalesce(
            {{ dbt.bool_or('attributes_a.phone = attributes_b.phone') }}, false
        ) as has_matching_phone
    from weak_edges_across_groups
    inner join component_attributes as attributes_a
        on weak_edges_across_groups.component_a = attributes_a.component_id
    inner join component_attributes as attributes_b
        on weak_edges_across_groups.component_b = attributes_b.component_id
    left join nickname_pairs
        on
            attributes_a.first_name = nickname_pairs.name_a
            and attributes_b.first_name = nickname_pairs.name_b
    {# A probabilistic edge's own two records were weighed against each
        other field by field already: the guard compares every other pair
        of records across the two groups (two single records bridge
        nothing). #}
    where not coalesce(
        weak_edges_across_groups.match_rule = 'probabilistic'
        and attributes_a.record_id = weak_edges_across_groups.record_id_a
        and attributes_b.record_id = weak_edges_across_groups.record_id_b,
        false
    )
    group by weak_edges_across_groups.edge_id
),

{# Two groups whose phones were in use at the same time are two people
    (a household keeps several lines); one number after the other can be a
    person who changed numbers, unless both groups also have their own
    email (strong groups never share one): someone who changed phone and
    email at once looks exactly like a namesake in the household. #}
phone_changes_judged as (
    select
        weak_edges_across_groups.edge_id,
        (
            contacts_a.phones_first_seen_at <= contacts_b.phones_last_seen_at
            and contacts_b.phones_first_seen_at
            <= contacts_a.phones_last_seen_at
        )
        or (contacts_a.has_email and contacts_b.has_email)
        as is_phone_change_ruled_out
    from weak_edges_across_groups
    inner join component_contacts as contacts_a
        on weak_edges_across_groups.component_a = contacts_a.component_id
    inner join component_contacts as contacts_b
        on weak_edges_across_groups.component_b = contacts_b.component_id
),

edges_guarded as (
    select
        edges.*,
        weak_edges_across_groups.edge_id is not null as is_bridge,
        case
            when edges.status = 'rejected' then 'rejected'
            when groups_compared.has_birth_dates_on_both_sides
                and not groups_compared.has_matching_birth_date
                and not (
                    coalesce(edges.match_rule = 'probabilistic', false)
                    and groups_compared.has_close_birth_date
                )
                then 'quarantined'
            when groups_compared.has_names_on_both_sides
                and not groups_compared.has_matching_first_name
                and not (
                    coalesce(edges.match_rule = 'probabilistic', false)
                    and groups_compared.has_close_first_name
                )
                then 'quarantined'
            when groups_compared.has_phones_on_both_sides
                and not groups_compared.has_matching_phone
                and not groups_compared.has_matching_birth_date
                and coalesce(
                    phone_changes_judged.is_phone_change_ruled_out, true
                )
                then 'quarantined'
            else 'accepted'
        end as guarded_status,
        case
            when edges.status = 'rejected' then edges.rejection_reason
            when groups_compared.has_birth_dates_on_both_sides
                and not groups_compared.has_matching_birth_date
                and not (
                    coalesce(edges.match_rule = 'probabilistic', false)
                    and groups_compared.has_close_birth_date
                )
                then 'bridges_groups_with_different_birth_dates'
            when groups_compared.has_names_on_both_sides
                and not groups_compared.has_matching_first_name
                and not (
                    coalesce(edges.match_rule = 'probabilistic', false)
                    and groups_compared.has_close_first_name
                )
                then 'bridges_groups_with_different_first_names'
            when groups_compared.has_phones_on_both_sides
                and not groups_compared.has_matching_phone
                and not groups_compared.has_matching_birth_date
                and coalesce(
                    phone_changes_judged.is_phone_change_ruled_out, true
                )
                then 'bridges_groups_with_different_phones'
        end as reason
    from edges
    left join weak_edges_across_groups
        on edges.edge_id = weak_edges_across_groups.edge_id
    left join groups_compared
        on edges.edge_id = groups_compared.edge_id
    left join phone_changes_judged
        on edges.edge_id = phone_changes_judged.edge_id
)

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
    guarded_status as status
from edges_guarded
