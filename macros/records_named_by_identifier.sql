{#- The identity records a privacy row's identifier can mean, for rows of
    `relation` keyed by `key_column` that carry identifier_type (a type of
    the identifier_type_codes seed, or `unknown`) and the readings of
    identifier_readings. Every reading is tried, so a doubtful identifier
    reaches more records, never fewer:
    - an email or phone reaches every record that carries it
      (`identifiers`, int_identifiers_unioned); a number written without a
      calling code reaches every number that ends in it after a calling
      code of one to three digits;
    - a key reaches the records that own or reference it in `identifiers`
      (CRM contact, shop customer, order, receipt, loyalty card), and the
      record it is the key of in `records` (int_identity_records_unioned),
      compared without case. An `unknown` type tries every kind.
    Returns a query of (key_column, record_id, identifier_type,
    identifier_value): the record and the identifier of it that matched,
    with repeats. -#}
{% macro records_named_by_identifier(relation, key_column, identifiers, records) -%}
    {%- set key_sources = {
        'crm_contact_id': 'crm.contacts',
        'shop_customer_id': 'shop.customers',
        'shop_order_id': 'shop.orders',
        'pos_receipt_id': 'pos.receipts',
        'loyalty_member_id': 'loyalty.members',
        'erp_partner_id': 'erp.business_partners',
        'web_anonymous_id': 'web.anonymous_ids',
    } -%}
    {%- set key_identifier_types = [
        'crm_contact_id', 'shop_customer_id', 'shop_order_id',
        'pos_receipt_id', 'loyalty_card',
    ] -%}
    select
        {{ relation }}.{{ key_column }},
        {{ identifiers }}.record_id,
        {{ identifiers }}.identifier_type,
        {{ identifiers }}.identifier_value
    from {{ relation }}
    inner join {{ identifiers }}
        on
            {{ identifiers }}.identifier_type = 'email'
            and {{ relation }}.email_reading = {{ identifiers }}.identifier_value
    union all
    select
        {{ relation }}.{{ key_column }},
        {{ identifiers }}.record_id,
        {{ identifiers }}.identifier_type,
        {{ identifiers }}.identifier_value
    from {{ relation }}
    inner join {{ identifiers }}
        on
            {{ identifiers }}.identifier_type = 'phone'
            and {{ relation }}.phone_reading = {{ identifiers }}.identifier_value
    {%- for calling_code_digits in [0, 1, 2, 3] %}
    union all
    select
        {{ relation }}.{{ key_column }},
        {{ identifiers }}.record_id,
        {{ identifiers }}.identifier_type,
        {{ identifiers }}.identifier_value
    from {{ relation }}
    inner join {{ identifiers }}
        on
            {{ identifiers }}.identifier_type = 'phone'
            and {{ relation }}.phone_national_reading
            = substr({{ identifiers }}.identifier_value, {{ calling_code_digits + 2 }})
    {%- endfor %}
    union all
    select
        {{ relation }}.{{ key_column }},
        {{ identifiers }}.record_id,
        {{ identifiers }}.identifier_type,
        {{ identifiers }}.identifier_value
    from {{ relation }}
    inner join {{ identifiers }}
        on
            lower({{ relation }}.key_reading)
            = lower({{ identifiers }}.identifier_value)
            and {{ identifiers }}.identifier_type in (
                '{{ key_identifier_types | join("', '") }}'
            )
            and (
                {{ relation }}.identifier_type = 'unknown'
                or {{ relation }}.identifier_type
                = {{ identifiers }}.identifier_type
            )
    union all
    select
        {{ relation }}.{{ key_column }},
        {{ records }}.record_id,
        {{ relation }}.identifier_type,
        {{ records }}.record_key as identifier_value
    from {{ relation }}
    inner join {{ records }}
        on
            lower({{ relation }}.key_reading) = lower({{ records }}.record_key)
            and (
                {{ relation }}.identifier_type = 'unknown'
                or {{ records }}.source_table = case {{ relation }}.identifier_type
                    {%- for identifier_type, source_table in key_sources.items() %}
                    when '{{ identifier_type }}' then '{{ source_table }}'
                    {%- endfor %}
                end
            )
{%- endmacro %}
