{#- Every way a privacy row's identifier can be read, as four columns, so
    that a consent denial or an erasure request reaches each record the
    identifier could mean (a doubtful identifier reaches more records, never
    fewer). `known_type` is the identifier type from the
    identifier_type_codes seed, null when the row's type is not known: the
    value is then read as every kind.
    - email_reading: the address (also from "Name <address>", "mailto:").
    - phone_reading: E.164, a national number read in the country joined
      as `countries`.
    - phone_national_reading: for a number written without a calling code,
      its digits without leading zeros (the trunk prefix), which
      records_named_by_identifier matches against every E.164 number after
      any calling code: "0603360298" reaches +33603360298 whatever the
      default country.
    - key_reading: the value as a key (CRM, shop, loyalty, card, order,
      receipt, partner or browser id), trimmed. -#}
{% macro identifier_readings(known_type, identifier_value, countries='countries') -%}
    {%- set digits = c360_regexp_replace(identifier_value, '[^0-9]', '') -%}
    {%- set national = c360_regexp_replace(digits, '^0+', '') -%}
    case
        when
            coalesce({{ known_type }}, 'email') = 'email'
            and {{ identifier_value }} like '%@%'
            then {{ email_from_written(identifier_value) }}
    end as email_reading,
    case
        when coalesce({{ known_type }}, 'phone') = 'phone'
            then {{ normalize_identifier("'phone'", identifier_value, countries) }}
    end as phone_reading,
    case
        when
            coalesce({{ known_type }}, 'phone') = 'phone'
            and not {{ clean_text(identifier_value) }} like '+%'
            and not {{ digits }} like '00%'
            and length({{ national }}) >= {{ var('min_national_phone_digits_matched') }}
            then {{ national }}
    end as phone_national_reading,
    case
        when coalesce({{ known_type }}, 'key') not in ('email', 'phone')
            then {{ clean_text(identifier_value) }}
    end as key_reading
{%- endmacro %}
