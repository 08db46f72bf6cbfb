{#- Usable emails: 2 equal, 1 Jaro-Winkler >= 0.92 (a typo in the address),
    0 different, null when either is missing. -#}
{% macro compare_emails(a, b) -%}
    {%- set left = a ~ 'email' -%}
    {%- set right = b ~ 'email' -%}
    case
        when {{ left }} is null or {{ right }} is null then null
        when {{ left }} = {{ right }} then 2
        when {{ c360_strings_similar(left, right, 0.92) }} then 1
        else 0
    end
{%- endmacro %}
