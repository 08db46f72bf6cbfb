{#- The identity records an identifier points at, for rows of `relation`
    keyed by `key_column` that carry identifier_type and
    identifier_value_normalized (consent events, privacy requests): a CRM
    contact or loyalty member id names its own record; an email or phone
    names every record that carries it (int_identifiers_unioned, passed as
    `identifiers`). Returns a query of (key_column, record_id). -#}
{% macro records_named_by_identifier(relation, key_column, identifiers) -%}
    select
        {{ relation }}.{{ key_column }},
        'crm.contacts:' || {{ relation }}.identifier_value_normalized
        as record_id
    from {{ relation }}
    where {{ relation }}.identifier_type = 'crm_contact_id'
    union all
    select
        {{ relation }}.{{ key_column }},
        'loyalty.members:' || {{ relation }}.identifier_value_normalized
        as record_id
    from {{ relation }}
    where {{ relation }}.identifier_type = 'loyalty_member_id'
    union all
    select
        {{ relation }}.{{ key_column }},
        {{ identifiers }}.record_id
    from {{ relation }}
    inner join {{ identifiers }}
        on
            {{ relation }}.identifier_type = {{ identifiers }}.identifier_type
            and {{ relation }}.identifier_value_normalized
            = {{ identifiers }}.identifier_value
    where {{ relation }}.identifier_type in ('email', 'phone')
{%- endmacro %}
