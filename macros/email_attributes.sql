{#- The staged columns of one raw email column: the normalised address and
    flags for validity, placeholder values (blocked_identifiers seed) and
    role mailboxes (role_mailbox_prefixes seed). -#}
{% macro email_attributes(raw_column, name='email') -%}
    {%- set normalized = normalize_email(raw_column) -%}
    {{ normalized }} as {{ name }},
        {{ is_valid_email(normalized) }} as is_{{ name }}_valid,
        coalesce({{ normalized }} in (
            select blocked.identifier_value
            from {{ ref('blocked_identifiers') }} as blocked
            where blocked.identifier_type = 'email'
        ), false) as is_{{ name }}_placeholder,
        coalesce({{ dbt.split_part(normalized, "'@'", 1) }} in (
            select role_mailbox_prefixes.prefix
            from {{ ref('role_mailbox_prefixes') }} as role_mailbox_prefixes
        ), false) as is_{{ name }}_role_mailbox
{%- endmacro %}
