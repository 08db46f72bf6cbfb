{#- A number that is a placeholder rather than a line: six or more equal
    digits in a row, or a 1234567 run. Exact blocked values live in the
    blocked_identifiers seed. -#}
{% macro is_placeholder_phone(e164) -%}
    coalesce(
        {{ c360_regexp_matches(e164, '(000000|111111|222222|333333|444444|555555|666666|777777|888888|999999|1234567)') }},
        false
    )
{%- endmacro %}
