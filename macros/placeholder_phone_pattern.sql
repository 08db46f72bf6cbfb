{#- The pattern of a number that is a placeholder rather than a line: six
    or more equal digits in a row. Typed sequences ("1234567890") are exact
    values in the blocked_identifiers seed: a 1234567 run inside a number is
    often a real line (+48 22 123 45 67, +34 612 345 678), and where the
    national part starts cannot be told from the E.164 string alone. -#}
{% macro placeholder_phone_pattern() -%}
    {{ return('(000000|111111|222222|333333|444444|555555|666666|777777|888888|999999)') }}
{%- endmacro %}
