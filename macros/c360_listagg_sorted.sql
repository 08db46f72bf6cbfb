{#- The values of a column (per group) joined in their sort order by a
    delimiter (a SQL string expression). dbt's listagg on Spark drops its
    order by (collect_list keeps no order), so Spark sorts the array. -#}
{% macro c360_listagg_sorted(measure, delimiter_text) -%}
    {{ return(adapter.dispatch('c360_listagg_sorted', 'c360')(measure, delimiter_text)) }}
{%- endmacro %}

{% macro default__c360_listagg_sorted(measure, delimiter_text) -%}
    {{ dbt.listagg(measure, delimiter_text, 'order by ' ~ measure) }}
{%- endmacro %}

{% macro spark__c360_listagg_sorted(measure, delimiter_text) -%}
    array_join(array_sort(collect_list({{ measure }})), {{ delimiter_text }})
{%- endmacro %}
