{#- Rule family "shared keys": a key one record owns and others reference
    (the ticket's CRM contact, the invoice's order or receipt, the
    browser's login, the card shown at the till). Every holder of a key
    links to its owner, or, with no owner in the data, to the first holder.
    `identifiers` is a relation of (record_id, identifier_type,
    identifier_value, is_key_owner); emails and phones are not keys. -#}
{% macro shared_key_pairs(identifiers) -%}
    with key_hubs as (
        select
            identifier_type,
            identifier_value,
            coalesce(
                min(case when is_key_owner then record_id end), min(record_id)
            ) as hub_record_id
        from {{ identifiers }}
        where identifier_type not in ('email', 'phone')
        group by identifier_type, identifier_value
    )

    select
        least(holders.record_id, key_hubs.hub_record_id) as record_id_a,
        greatest(holders.record_id, key_hubs.hub_record_id) as record_id_b,
        'shared_' || holders.identifier_type as match_rule,
        holders.identifier_type,
        holders.identifier_value,
        'strong' as strength
    from {{ identifiers }} as holders
    inner join key_hubs
        on
            holders.identifier_type = key_hubs.identifier_type
            and holders.identifier_value = key_hubs.identifier_value
    where holders.record_id <> key_hubs.hub_record_id
{%- endmacro %}
