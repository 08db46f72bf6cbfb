{#- Rule family "shared emails and phones": named holders of one value are
    paired. Holders with the same name are one person's repeated records (a
    frequent buyer's guest orders): each links to the first of them (a star
    of n - 1 edges, not n(n - 1)/2 pairs), and only the first of each name is
    paired with the other names. Values past the records cap are not paired
    (int_identity_edges_proposed reports them as refused). `identifiers_named`
    holds (identifier_type, identifier_value, record_id, first_name,
    last_name, is_named); `values_judged` one row per email and phone value
    with `records_sharing`. -#}
{% macro shared_value_pairs(identifiers_named, values_judged) -%}
    with value_holders as (
        select
            holders.identifier_type,
            holders.identifier_value,
            holders.record_id,
            min(holders.record_id) over (
                partition by
                    holders.identifier_type,
                    holders.identifier_value,
                    holders.first_name,
                    holders.last_name
            ) as twin_record_id
        from {{ identifiers_named }} as holders
        inner join {{ values_judged }} as values_judged
            on
                holders.identifier_type = values_judged.identifier_type
                and holders.identifier_value = values_judged.identifier_value
        where
            holders.identifier_type in ('email', 'phone')
            and holders.is_named
            and values_judged.records_sharing
            <= {{ var('identity_max_records_per_identifier') }}
    )

    {{ twin_pairs(
        'value_holders', 'twin_record_id',
        ['identifier_type', 'identifier_value'],
        "'shared_' || {side}identifier_type",
        '{side}identifier_type', '{side}identifier_value', 'strong',
    ) }}
{%- endmacro %}
