{# Every candidate link between two identity records, each named by the rule
    that proposed it, with the evidence compared and a first verdict:
    `proposed` (goes on to the component guards) or `rejected` with a reason.
    One row per (record_id_a, record_id_b, match_rule, identifier_value), with
    record_id_a < record_id_b.

    Each rule family lives in a macro named for it (macros/identity_rules/):
    strong rules shared_key_pairs (a key one record owns and another
    references: the ticket's CRM contact, the invoice's order or receipt,
    the browser's login, the card shown at the till), shared_value_pairs (a
    shared email or phone between records whose first names agree; surnames
    may differ: people marry) and override_pairs (a person's force_link);
    weak rules nearest_shared_phone_pairs (a nameless receipt's phone to the
    nearest-in-time named record with that phone), fuzzy_name_pairs (fuzzy
    name matches inside blocks) and the probabilistic edges
    (int_identity_edges_probabilistic). This model judges the values they
    share (caps, blocked values, role mailboxes), compares each pair with
    the comparison macros and applies the guards. #}
with

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

identifiers as (
    select * from {{ ref('int_identifiers_unioned') }}
),

nickname_pairs as (
    select * from {{ ref('int_nickname_pairs_expanded') }}
),

blocked_identifiers as (
    select * from {{ ref('blocked_identifiers') }}
),

overrides as (
    select * from {{ ref('identity_overrides') }}
),

probabilistic_pairs as (
    select * from {{ ref('int_identity_edges_probabilistic') }}
),

blocked_values as (
    select
        identifier_type,
        identifier_value,
        'blocked_value: ' || reason as reason
    from blocked_identifiers
    union all
    select
        identifier_type,
        identifier_value,
        'override_block_value: ' || reason as reason
    from overrides
    where action = 'block_value'
),

identifiers_named as (
    select
        identifiers.*,
        records.first_name,
        records.last_name,
        records.first_seen_at,
        records.last_seen_at,
        records.is_email_role_mailbox,
        records.first_name is not null as is_named
    from identifiers
    inner join records
        on identifiers.record_id = records.record_id
),

{# How many records and how many different people share each email and
    phone. People are told apart by first name, but one person's nickname,
    typo or last-first record is not another person: a first name counts
    only when no alphabetically smaller name on the same value is the same
    name (as the shared-identifier name check judges it) and it is not a
    last name on that value. An initial is no evidence of another person
    (a heavy buyer's hundred orders carry a few "J." and "H."), so it does
    not count. #}
value_names as (
    select distinct
        identifier_type,
        identifier_value,
        first_name
    from identifiers_named
    where
        identifier_type in ('email', 'phone')
        and {{ dbt.length('first_name') }} > 1
),

value_last_names as (
    select distinct
        identifiers_named.identifier_type,
        identifiers_named.identifier_value,
        records.last_name
    from identifiers_named
    inner join records
        on identifiers_named.record_id = records.record_id
    where
        identifiers_named.identifier_type in ('email', 'phone')
        and records.last_name is not null
),

value_names_absorbed as (
    select distinct
        later.identifier_type,
        later.identifier_value,
        later.first_name
    from value_names as later
    inner join value_names as earlier
        on
            later.identifier_type = earlier.identifier_type
            and later.identifier_value = earlier.identifier_value
            and later.first_name > earlier.first_name
    left join nickname_pairs
        on
            earlier.first_name = nickname_pairs.name_a
            and later.first_name = nickname_pairs.name_b
    where {{ first_names_match(
        'earlier.first_name', 'later.first_name',
        'nickname_pairs.name_a is not null',
        var('identity_shared_identifier_first_name_min_similarity')
    ) }}
    union
    select
        value_names.identifier_type,
        value_names.identifier_value,
        value_names.first_name
    from value_names
    inner join value_last_names
        on
            value_names.identifier_type = value_last_names.identifier_type
            and value_names.identifier_value
            = value_last_names.identifier_value
            and value_names.first_name = value_last_names.last_name
),

people_counted as (
    select
        value_names.identifier_type,
        value_names.identifier_value,
        count(*) as people_sharing
    from value_names
    left join value_names_absorbed
        on
            value_names.identifier_type = value_names_absorbed.identifier_type
            and value_names.identifier_value
            = value_names_absorbed.identifier_value
            and value_names.first_name = value_names_absorbed.first_name
    where value_names_absorbed.first_name is null
    group by value_names.identifier_type, value_names.identifier_value
),

shared_values_counted as (
    select
        identifiers_named.identifier_type,
        identifiers_named.identifier_value,
        count(*) as records_sharing,
        coalesce(max(people_counted.people_sharing), 0) as people_sharing,
        {{ dbt.bool_or('identifiers_named.is_email_role_mailbox') }}
        as is_role_mailbox
    from identifiers_named
    left join people_counted
        on
            identifiers_named.identifier_type = people_counted.identifier_type
            and identifiers_named.identifier_value
            = people_counted.identifier_value
    where identifiers_named.identifier_type in ('email', 'phone')
    group by
        identifiers_named.identifier_type, identifiers_named.identifier_value
),

shared_values_judged as (
    select
        shared_values_counted.*,
        case
            when blocked_values.reason is not null then blocked_values.reason
            when shared_values_counted.people_sharing
                > {{ var('identity_max_people_per_identifier') }}
                or shared_values_counted.records_sharing
                > {{ var('identity_max_records_per_identifier') }}
                then 'cardinality_cap'
        end as value_rejection
    from shared_values_counted
    left join blocked_values
        on
            shared_values_counted.identifier_type
            = blocked_values.identifier_type
            and shared_values_counted.identifier_value
            = blocked_values.identifier_value
),

{# The rule families, one macro each (macros/identity_rules/), and the
    probabilistic edges (int_identity_edges_probabilistic). #}
key_pairs as (
    {{ shared_key_pairs('identifiers') | indent(4) }}
),

shared_value_pairs as (
    {{ shared_value_pairs('identifiers_named', 'shared_values_judged')
        | indent(4) }}
),

nameless_phone_pairs as (
    {{ nearest_shared_phone_pairs('identifiers_named') | indent(4) }}
),

fuzzy_name_pairs as (
    {{ fuzzy_name_pairs('records') | indent(4) }}
),

override_pairs as (
    {{ override_pairs('overrides') | indent(4) }}
),

{# No rule proposes a pair twice: each pairs a record once per identifier
    or block it is in, and a record carries an identifier once (tested on
    int_identifiers_unioned), so the union needs no deduplication (which
    cost a hash of every pair's six columns); the unique test on edge_id
    guards it. #}
pairs_unioned as (
    select * from key_pairs
    union all
    select * from shared_value_pairs
    union all
    select * from nameless_phone_pairs
    union all
    select * from fuzzy_name_pairs
    union all
    select * from probabilistic_pairs
    union all
    select * from override_pairs
),

{# The verdict on each email and phone value (caps, blocked values, role
    mailboxes), joined to the pairs of those two kinds only: the other
    rules' pairs (most of them) skip the lookup. #}
pairs_valued as (
    select
        pairs.*,
        shared_values_judged.value_rejection,
        shared_values_judged.is_role_mailbox
    from pairs_unioned as pairs
    left join shared_values_judged
        on
            pairs.identifier_type = shared_values_judged.identifier_type
            and pairs.identifier_value = shared_values_judged.identifier_value
    where pairs.identifier_type in ('email', 'phone')
    union all
    select
        pairs.*,
        cast(null as {{ dbt.type_string() }}) as value_rejection,
        cast(null as {{ dbt.type_boolean() }}) as is_role_mailbox
    from pairs_unioned as pairs
    where
        pairs.identifier_type is null
        or pairs.identifier_type not in ('email', 'phone')
),

{# The evidence of each pair, side by side. #}
pairs_compared as (
    select
        pairs.*,
        records_a.first_name is not null
        and records_b.first_name is not null as has_both_names,
        coalesce({{ first_names_match(
            'records_a.first_name', 'records_b.first_name',
            'nickname_pairs.name_a is not null'
        ) }}, false) as is_first_name_match,
        {# ... or one typo anywhere, the initial too ("Geinrich",
            "Htomas"), in names of four letters or more #}
        coalesce(
            {{ first_names_match(
                'records_a.first_name', 'records_b.first_name',
                'nickname_pairs.name_a is not null',
                var('identity_shared_identifier_first_name_min_similarity')
            ) }}
            or (
                length(records_a.first_name) >= 4
                and {{ c360_is_one_edit_apart(
                    'records_a.first_name', 'records_b.first_name'
                ) }}
            ),
            false
        ) as is_first_name_compatible,
        coalesce({{ last_names_match(
            'records_a.last_name', 'records_b.last_name'
        ) }}, false) as is_last_name_match,
        coalesce({{ last_names_match(
            'records_a.last_name', 'records_b.last_name',
            var('identity_loose_last_name_min_similarity')
        ) }}, false) as is_last_name_close,
        coalesce(
            {{ first_names_match(
                'records_a.first_name', 'records_b.last_name', 'false'
            ) }}
            and {{ last_names_match(
                'records_a.last_name', 'records_b.first_name'
            ) }},
            false
        ) as is_swapped_name_match,
        {# For records that share an email or phone, a nickname plus a typo
            ("Henru" for Harry) still agrees: same initial and same last name,
            either way round. #}
        coalesce(
            substr(records_a.first_name, 1, 1)
            = substr(records_b.first_name, 1, 1)
            and {{ last_names_match(
                'records_a.last_name', 'records_b.last_name'
            ) }},
            false
        ) or coalesce(
            substr(records_a.last_name, 1, 1)
            = substr(records_b.first_name, 1, 1)
            and {{ last_names_match(
                'records_a.first_name', 'records_b.last_name'
            ) }},
            false
        ) as is_initial_and_last_name_match,
        coalesce(records_a.birth_date = records_b.birth_date, false)
            as is_same_birth_date,
        coalesce(records_a.postal_code = records_b.postal_code, false)
            as is_same_postal_code,
        records_a.birth_date is not null
        and records_b.birth_date is not null
        and records_a.birth_date <> records_b.birth_date
            as is_birth_date_conflict,
        {{ c360_string_similarity('records_a.street', 'records_b.street') }}
            as street_similarity,
        coalesce({{ first_names_agree(
            'records_a.first_name', 'records_b.first_name',
            'nickname_pairs.name_a is not null'
        ) }}, false) as is_first_name_agreeing,
        {# Something only one person has in common with the other record: a
            birth date (within one typing error) or a national id. Emails and
            phones do not count here: families share them. #}
        coalesce(
            {{ birth_dates_close(
                'records_a.birth_date', 'records_b.birth_date'
            ) }},
            false
        )
        or coalesce(
            records_a.national_id_hash = records_b.national_id_hash, false
        ) as has_personal_evidence,
        coalesce(records_a.email <> records_b.email, false)
            as is_email_different,
        coalesce(
            records_a.national_id_hash = records_b.national_id_hash
            or records_a.email = records_b.email
            or records_a.phone = records_b.phone,
            false
        ) as has_shared_contact_or_id,
        coalesce(
            not {{ birth_dates_close(
                'records_a.birth_date', 'records_b.birth_date'
            ) }},
            false
        ) as is_birth_date_far
    from pairs_valued as pairs
    inner join records as records_a
        on pairs.record_id_a = records_a.record_id
    inner join records as records_b
        on pairs.record_id_b = records_b.record_id
    left join nickname_pairs
        on
            records_a.first_name = nickname_pairs.name_a
            and records_b.first_name = nickname_pairs.name_b
),

pairs_judged as (
    select
        pairs_compared.record_id_a,
        pairs_compared.record_id_b,
        pairs_compared.match_rule,
        pairs_compared.identifier_type,
        pairs_compared.identifier_value,
        pairs_compared.strength,
        pairs_compared.street_similarity,
        pairs_compared.has_both_names,
        pairs_compared.is_first_name_match,
        pairs_compared.is_first_name_compatible,
        pairs_compared.is_last_name_match,
        pairs_compared.is_last_name_close,
        pairs_compared.is_swapped_name_match,
        pairs_compared.is_initial_and_last_name_match,
        pairs_compared.is_same_birth_date,
        pairs_compared.is_same_postal_code,
        pairs_compared.is_birth_date_conflict,
        case
            when force_split.reason is not null
                then 'override_force_split: ' || force_split.reason
            when pairs_compared.match_rule = 'override_force_link' then null
            {# Probabilistic pairs between the link and review bars wait for a
                reviewer (int_identity_edges_quarantined). #}
            when pairs_compared.match_rule = 'probabilistic_review'
                then 'review_band'
            {# Household guard: surname, street, postal code and city are
                shared by a household, so they cannot make two records one
                person on their own. A probabilistic pair needs first names
                that agree or personal evidence (a close birth date, a
                national id); a missing first name agrees with nothing. #}
            when pairs_compared.match_rule = 'probabilistic'
                and not pairs_compared.is_first_name_agreeing
                and not pairs_compared.is_swapped_name_match
                and not pairs_compared.has_personal_evidence
                then 'household_without_personal_evidence'
            {# Namesakes: one name at one address with two different emails
                and nothing personal in common is as likely a father and son
                as one person with a second address. #}
            when pairs_compared.match_rule = 'probabilistic'
                and pairs_compared.is_email_different
                and not pairs_compared.has_personal_evidence
                then 'namesake_without_personal_evidence'
            {# Two full birth dates further apart than one typing error,
                with no id, email or phone in common: two people, whatever
                names and address weigh. (A birth date replaced by another
                happens in real data: FEBRL has them; those records keep
                their national id, email or phone.) #}
            when pairs_compared.match_rule = 'probabilistic'
                and pairs_compared.is_birth_date_far
                and not pairs_compared.has_shared_contact_or_id
                then 'birth_date_conflict'
            when pairs_compared.value_rejection is not null
                then pairs_compared.value_rejection
            {# A role mailbox (info@, office@) is shared by colleagues: it
                links only records with the same first and last name. #}
            when pairs_compared.match_rule = 'shared_email'
                and pairs_compared.is_role_mailbox
                and not (
                    pairs_compared.is_first_name_match
                    and pairs_compared.is_last_name_match
                )
                then 'role_mailbox'
            when pairs_compared.match_rule in ('shared_email', 'shared_phone')
                and pairs_compared.has_both_names
                and not pairs_compared.is_first_name_compatible
                and not pairs_compared.is_swapped_name_match
                and not pairs_compared.is_initial_and_last_name_match
                then 'names_conflict'
            when pairs_compared.match_rule like 'fuzzy%'
                and pairs_compared.is_birth_date_conflict
                then 'birth_date_conflict'
            {# A last name two edits off still counts when birth date and
                postal code both agree. #}
            when pairs_compared.match_rule like 'fuzzy%'
                and not (
                    (
                        pairs_compared.is_first_name_match
                        and pairs_compared.is_last_name_match
                    )
                    or pairs_compared.is_swapped_name_match
                    or (
                        pairs_compared.is_first_name_match
                        and pairs_compared.is_last_name_close
                        and pairs_compared.is_same_birth_date
                        and pairs_compared.is_same_postal_code
                    )
                )
                then 'names_differ'
            when pairs_compared.match_rule = 'fuzzy_name_address'
                and pairs_compared.street_similarity
                < {{ var('identity_street_min_similarity') }}
                then 'street_differs'
        end as rejection_reason
    from pairs_compared
    left join overrides as force_split
        on
            force_split.action = 'force_split'
            and (
                (
                    force_split.other_record_id is null
                    and force_split.record_id in (
                        pairs_compared.record_id_a, pairs_compared.record_id_b
                    )
                )
                or (
                    least(force_split.record_id, force_split.other_record_id)
                    = pairs_compared.record_id_a
                    and greatest(
                        force_split.record_id, force_split.other_record_id
                    )
                    = pairs_compared.record_id_b
                )
            )
),

{# Values refused as a whole (caps, blocked values) show
    up once per value, so the reason a value never links is queryable. #}
refused_values as (
    select
        cast(null as {{ dbt.type_string() }}) as record_id_a,
        cast(null as {{ dbt.type_string() }}) as record_id_b,
        'shared_' || identifier_type as match_rule,
        identifier_type,
        identifier_value,
        'strong' as strength,
        cast(null as double) as street_similarity,
        false as has_both_names,
        false as is_first_name_match,
        false as is_first_name_compatible,
        false as is_last_name_match,
        false as is_last_name_close,
        false as is_swapped_name_match,
        false as is_initial_and_last_name_match,
        false as is_same_birth_date,
        false as is_same_postal_code,
        false as is_birth_date_conflict,
        value_rejection as rejection_reason
    from shared_values_judged
    where value_rejection is not null and records_sharing > 1
),

edges as (
    select
        *,
        case when rejection_reason is null then 'proposed' else 'rejected' end
            as status
    from pairs_judged
    union all
    select
        *,
        'rejected' as status
    from refused_values
)

select
    {{ dbt_utils.generate_surrogate_key(
        ['record_id_a', 'record_id_b', 'match_rule', 'identifier_value']
    ) }} as edge_id,
    *
from edges
