{#- Comma-separated column list of a relation, optionally without some
    columns and with a prefix/suffix on the output names. Semantics of
    dbt_utils.star (1.x). While dbt parses (execute is false) it returns `*`. -#}
{% macro star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {{ return(adapter.dispatch('star', 'dbt_utils')(from, relation_alias, except, prefix, suffix, quote_identifiers)) }}
{%- endmacro %}

{% macro default__star(from, relation_alias=False, except=[], prefix='', suffix='', quote_identifiers=True) -%}
    {%- if not execute -%}
        {{ return('*') }}
    {%- endif -%}
    {%- set excluded = except | map('lower') | list -%}
    {%- set names = [] -%}
    {%- for column in adapter.get_columns_in_relation(from) -%}
        {%- if column.name | lower not in excluded -%}
            {%- do names.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if names | length == 0 -%}
        {{ return('/* no columns returned from star() macro */') }}
    {%- endif -%}
    {%- for name in names -%}
        {%- set quoted = adapter.quote(name) if quote_identifiers else name -%}
        {%- if relation_alias %}{{ relation_alias }}.{% endif -%}
        {{ quoted }}
        {%- if prefix or suffix %} as {{ adapter.quote(prefix ~ name ~ suffix) if quote_identifiers else prefix ~ name ~ suffix }}{% endif -%}
        {%- if not loop.last %},
{% endif -%}
    {%- endfor -%}
{%- endmacro %}
