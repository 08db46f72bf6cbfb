{#- The first failed check of a row, as a reason code, or null when the row
    passes. `checks` is a list of (condition that means "bad", reason). The
    record key checks come first: a missing or repeated key (the later
    occurrences, by `key_occurrence`) is quarantined before anything else. -#}
{% macro quarantine_reason(record_key, checks=[], occurrence='key_occurrence') -%}
    case
        when {{ record_key }} is null then 'missing_record_key'
        when {{ occurrence }} > 1 then 'duplicate_record_key'
        {%- for condition, reason in checks %}
        when {{ condition }} then '{{ reason }}'
        {%- endfor %}
    end
{%- endmacro %}
