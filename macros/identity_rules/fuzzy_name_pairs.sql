{#- Rule family "fuzzy names in blocks": typos keep a name's initial far
    more often than not, so a block is a birth date (rule
    `fuzzy_name_birth_date`) or a postal code and country
    (`fuzzy_name_address`) plus the record's two initials in sorted order
    (which also pairs a record with its first/last swap). Inside a block,
    records with the same name (and, for addresses, street) are one person's
    repeats: each links to the first of them, and only the firsts are
    paired. Records without a first or a last name are left to the
    probabilistic rules. `records` holds (record_id, first_name, last_name,
    birth_date, postal_code, country_code, street). -#}
{% macro fuzzy_name_pairs(records) -%}
    with named_records_blocked as (
        select
            record_id,
            birth_date,
            country_code,
            postal_code,
            case
                when substr(first_name, 1, 1) <= substr(last_name, 1, 1)
                    then substr(first_name, 1, 1) || substr(last_name, 1, 1)
                else substr(last_name, 1, 1) || substr(first_name, 1, 1)
            end as initials,
            min(record_id) over (
                partition by birth_date, first_name, last_name
            ) as birth_date_twin_record_id,
            min(record_id) over (
                partition by
                    postal_code, country_code, first_name, last_name, street
            ) as address_twin_record_id
        from {{ records }}
        where first_name is not null and last_name is not null
    )

    {{ twin_pairs(
        'named_records_blocked', 'birth_date_twin_record_id',
        ['birth_date', 'initials'],
        "'fuzzy_name_birth_date'", "'birth_date'",
        'cast({side}birth_date as ' ~ dbt.type_string() ~ ')', 'weak',
        where='{side}birth_date is not null',
    ) }}
    union all
    {{ twin_pairs(
        'named_records_blocked', 'address_twin_record_id',
        ['postal_code', 'country_code', 'initials'],
        "'fuzzy_name_address'", "'postal_code'", '{side}postal_code', 'weak',
        where='{side}postal_code is not null'
        ~ ' and {side}country_code is not null',
    ) }}
{%- endmacro %}
