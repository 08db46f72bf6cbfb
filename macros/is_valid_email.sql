{#- A syntactically plausible address: one @, no spaces, a dotted domain
    with an alphabetic top-level part. Expects a normalised email. -#}
{% macro is_valid_email(normalized_email) -%}
    coalesce(
        {{ c360_regexp_matches(normalized_email, '^[a-z0-9!#$%&*+/=?^_`{|}~.-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$') }},
        false
    )
{%- endmacro %}
