{#- The staged columns of one raw phone column: the E.164 number and a
    validity flag (false for placeholders). `countries` is the alias of the
    country_codes seed joined on the record's country. -#}
{% macro phone_attributes(raw_column, countries='countries', name='phone') -%}
    {%- set e164 = normalize_phone(
        raw_column,
        countries ~ '.calling_code',
        countries ~ '.trunk_prefix',
        countries ~ '.min_national_digits',
        countries ~ '.max_national_digits',
    ) -%}
    {{ clean_text(raw_column) }} as {{ name }}_raw,
        {{ e164 }} as {{ name }}_e164,
        coalesce(
            {#- null (no number) stays null here, so false below: the
                number is written out once more, not twice -#}
            not {{ c360_regexp_matches(e164, placeholder_phone_pattern()) }}
            and {{ phone_digits(raw_column) }} not in (
                select blocked.identifier_value
                from {{ ref('blocked_identifiers') }} as blocked
                where blocked.identifier_type = 'phone'
            ),
            false
        ) as is_{{ name }}_valid
{%- endmacro %}
