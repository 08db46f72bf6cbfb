{#- A code column limited to the codes downstream models understand: a
    listed code stays, null stays null, anything else becomes `unknown`
    (the row is kept: a ticket or membership is also identity evidence, and
    one unexpected code must not fail the build). Pair it with
    unknown_code_flag so that the rows are counted and warned about. -#}
{% macro known_code(expression, accepted) -%}
    case
        when {{ expression }} in ('{{ accepted | join("', '") }}')
            then {{ expression }}
        when {{ expression }} is not null then 'unknown'
    end
{%- endmacro %}

{#- True when known_code turned the value into `unknown`. -#}
{% macro unknown_code_flag(expression, accepted) -%}
    coalesce({{ expression }} not in ('{{ accepted | join("', '") }}'), false)
{%- endmacro %}
