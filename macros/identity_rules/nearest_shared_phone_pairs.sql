{#- Rule family "nearest shared phone": a nameless record (a receipt with a
    phone) cannot be told apart from a later owner of the same number by
    name, so it links once: to the named record with that phone closest in
    time, or, when no named record has it, to the first nameless record
    with it. `identifiers_named` holds (identifier_type, identifier_value,
    record_id, is_named, first_seen_at, last_seen_at). -#}
{% macro nearest_shared_phone_pairs(identifiers_named) -%}
    with nameless_phone_distances as (
        select
            nameless.record_id as nameless_record_id,
            named.record_id as named_record_id,
            nameless.identifier_value,
            {{ dbt.datediff(
                'named.last_seen_at', 'nameless.first_seen_at', 'second'
            ) }} as seconds_after_named,
            {{ dbt.datediff(
                'nameless.first_seen_at', 'named.first_seen_at', 'second'
            ) }} as seconds_before_named
        from {{ identifiers_named }} as nameless
        inner join {{ identifiers_named }} as named
            on
                nameless.identifier_value = named.identifier_value
                and named.identifier_type = 'phone'
                and named.is_named
        where nameless.identifier_type = 'phone' and not nameless.is_named
    ),

    nameless_phone_candidates as (
        select
            nameless_record_id,
            named_record_id,
            identifier_value,
            row_number() over (
                partition by nameless_record_id
                order by
                    greatest(seconds_after_named, seconds_before_named, 0) asc,
                    named_record_id asc
            ) as nearness_rank
        from nameless_phone_distances
    ),

    nameless_phone_firsts as (
        select
            identifier_value,
            min(record_id) as first_record_id
        from {{ identifiers_named }}
        where identifier_type = 'phone' and not is_named
        group by identifier_value
    )

    select
        least(nameless_record_id, named_record_id) as record_id_a,
        greatest(nameless_record_id, named_record_id) as record_id_b,
        'nearest_shared_phone' as match_rule,
        'phone' as identifier_type,
        identifier_value,
        'weak' as strength
    from nameless_phone_candidates
    where nearness_rank = 1
    union all
    select
        nameless_phone_firsts.first_record_id as record_id_a,
        nameless.record_id as record_id_b,
        'nearest_shared_phone' as match_rule,
        'phone' as identifier_type,
        nameless.identifier_value,
        'weak' as strength
    from {{ identifiers_named }} as nameless
    inner join nameless_phone_firsts
        on nameless.identifier_value = nameless_phone_firsts.identifier_value
    where
        nameless.identifier_type = 'phone'
        and not nameless.is_named
        and nameless.record_id <> nameless_phone_firsts.first_record_id
        and not exists (
            select 1
            from nameless_phone_candidates
            where
                nameless_phone_candidates.identifier_value
                = nameless.identifier_value
        )
{%- endmacro %}
