{#- on-run-end: the activation exports fail closed. When an export model
    errored or was skipped in this run (something upstream failed), or a
    test on an export failed, the rows left from an earlier build may carry
    people who have since denied consent or asked to be erased: every
    export is emptied, and the run's log says so. The next green build
    fills them again. -#}
{% macro empty_stale_exports(results) -%}
    {%- if execute -%}
        {%- set exports = [] -%}
        {%- for node in graph.nodes.values()
            if node.resource_type == 'model' and 'activation' in node.fqn -%}
            {%- do exports.append(node) -%}
        {%- endfor -%}
        {%- set export_ids = exports | map(attribute='unique_id') | list -%}
        {%- set reasons = [] -%}
        {%- for result in results -%}
            {%- if result.node.unique_id in export_ids
                and result.status in ('error', 'skipped') -%}
                {%- do reasons.append(result.node.name ~ ' ' ~ result.status) -%}
            {%- elif result.node.resource_type == 'test'
                and result.status in ('fail', 'error')
                and (result.node.depends_on.nodes | select('in', export_ids) | list) -%}
                {%- do reasons.append(result.node.name ~ ' ' ~ result.status) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if reasons -%}
            {%- for node in exports -%}
                {%- set relation = adapter.get_relation(
                    database=node.database, schema=node.schema,
                    identifier=node.alias or node.name
                ) -%}
                {%- if relation -%}
                    {%- do run_query('truncate table ' ~ relation) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- do log(
                'c360: activation exports emptied (fail closed): '
                ~ reasons | join(', '), info=true
            ) -%}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}
