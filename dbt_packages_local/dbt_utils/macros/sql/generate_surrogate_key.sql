{#- md5 hash of the given expressions, cast to text, nulls replaced by a
    marker, joined with '-'. Semantics of dbt_utils.generate_surrogate_key
    (1.x), including the surrogate_key_treat_nulls_as_empty_strings var. -#}
{% macro generate_surrogate_key(field_list) -%}
    {{ return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) }}
{%- endmacro %}

{% macro default__generate_surrogate_key(field_list) -%}
    {%- if var('surrogate_key_treat_nulls_as_empty_strings', False) -%}
        {%- set null_marker = '' -%}
    {%- else -%}
        {%- set null_marker = '_dbt_utils_surrogate_key_null_' -%}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for field in field_list -%}
        {%- do parts.append(
            "coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '" ~ null_marker ~ "')"
        ) -%}
        {%- if not loop.last -%}
            {%- do parts.append("'-'") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ dbt.hash(dbt.concat(parts)) }}
{%- endmacro %}
