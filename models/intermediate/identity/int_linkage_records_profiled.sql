{# Every record that says something about a person (a name, a birth date
    or a national id) with the attributes probabilistic linkage compares,
    in the form it compares them (birth date as YYYYMMDD digits, street
    split into house number and street name), and its profile: the hash of
    those attributes. One row per record. #}
with

records as (
    select * from {{ ref('int_identity_records_unioned') }}
),

records_described as (
    select
        record_id,
        first_name,
        middle_name,
        last_name,
        gender,
        {# a date cast to text is YYYY-MM-DD on every engine #}
        {{ dbt.replace(
            'cast(birth_date as ' ~ dbt.type_string() ~ ')', "'-'", "''"
        ) }} as birth_date_digits,
        national_id_hash,
        national_id_head_hash,
        national_id_tail_hash,
        nullif({{ dbt.split_part(
            'trim(' ~ c360_regexp_replace('street', '[^0-9 ]', ' ') ~ ')',
            "' '", 1
        ) }}, '') as house_number,
        nullif(trim({{ c360_regexp_replace(
            c360_regexp_replace('street', '[0-9]', ''), '[ ]+', ' '
        ) }}), '') as street_name,
        postal_code,
        city,
        region,
        email,
        phone
    from records
    where
        first_name is not null
        or last_name is not null
        or birth_date is not null
        or national_id_hash is not null
),

records_profiled as (
    select
        {{ dbt_utils.generate_surrogate_key([
            'first_name', 'middle_name', 'last_name', 'gender',
            'birth_date_digits', 'national_id_hash', 'house_number',
            'street_name', 'postal_code', 'city', 'region', 'email', 'phone',
        ]) }} as profile_id,
        *
    from records_described
)

select * from records_profiled
