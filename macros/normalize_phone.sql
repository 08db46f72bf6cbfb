{#- E.164 form of a phone number as people write it ("+49 (0)151 …",
    "0049…", "0151-…", "(415) 555-…"). National numbers take the calling
    code and trunk prefix of the record's country (country_codes seed).
    Returns null when no plausible number remains. -#}
{% macro normalize_phone(expression, calling_code, trunk_prefix, min_digits, max_digits) -%}
    {%- set without_trunk_marker = c360_regexp_replace(expression, '\\(0\\)', '') -%}
    {%- set kept = c360_regexp_replace(without_trunk_marker, '[^0-9+]', '') -%}
    {#- the same digits as taking the non-digits out of `kept`, in one
        replace less: the candidate below names them many times -#}
    {%- set digits = c360_regexp_replace(without_trunk_marker, '[^0-9]', '') -%}
    {%- set candidate -%}
        case
            when {{ kept }} like '+%' then '+' || {{ digits }}
            when {{ digits }} like '00%' then '+' || substr({{ digits }}, 3)
            when {{ calling_code }} is null then null
            when {{ trunk_prefix }} = '1'
                and length({{ digits }}) = {{ max_digits }} + 1
                and {{ digits }} like '1%'
                then '+' || {{ calling_code }} || substr({{ digits }}, 2)
            when {{ trunk_prefix }} = '1'
                then '+' || {{ calling_code }} || {{ digits }}
            when {{ trunk_prefix }} is not null
                and {{ digits }} like {{ trunk_prefix }} || '%'
                and length({{ digits }}) - length({{ trunk_prefix }})
                between {{ min_digits }} and {{ max_digits }}
                then '+' || {{ calling_code }}
                    || substr({{ digits }}, length({{ trunk_prefix }}) + 1)
            when length({{ digits }}) between {{ min_digits }} and {{ max_digits }}
                then '+' || {{ calling_code }} || {{ digits }}
        end
    {%- endset -%}
    {#- the candidate when the whole of it is a plausible number (written
        once: it is long) -#}
    {{ c360_regexp_extract(candidate, '^\\+[1-9][0-9]{6,14}$') }}
{%- endmacro %}
