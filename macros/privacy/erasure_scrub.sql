{#- A condition true when one of `columns` holds an email or phone the
    erasure ledger holds a salted hash of. -#}
{% macro erased_identifier_in(columns) -%}
    {%- set hashes -%}
        select identifier_hash from {{ privacy_relation('int_erasures_logged') }}
        where identifier_hash is not null
    {%- endset -%}
    {%- set conditions = [] -%}
    {%- for column in columns -%}
        {%- do conditions.append(
            '(' ~ column ~ " like '%@%' and "
            ~ erasure_hash("'email'", column) ~ ' in (' ~ hashes ~ '))'
        ) -%}
        {%- do conditions.append(
            '(' ~ column ~ " like '+%' and "
            ~ erasure_hash("'phone'", column) ~ ' in (' ~ hashes ~ '))'
        ) -%}
    {%- endfor -%}
    ({{ conditions | join('\n        or ') if conditions else 'false' }})
{%- endmacro %}

{#- The condition that marks a row of an erasure_scrub_target as an erased
    person's (record_ids, customer_id, row_identifier_columns, where; see
    erasure_scrub_targets). -#}
{% macro erasure_scrub_condition(target) -%}
    {%- set records -%}
        select record_id from {{ privacy_relation('int_records_erased') }}
    {%- endset -%}
    {%- set conditions = [] -%}
    {%- for expression in target.get('record_ids', []) -%}
        {%- do conditions.append(expression ~ ' in (' ~ records ~ ')') -%}
    {%- endfor -%}
    {%- if target.get('customer_id') -%}
        {%- do conditions.append(
            target['customer_id'] ~ ' in (select customer_id from '
            ~ privacy_relation('int_customers_erased') ~ ')'
        ) -%}
    {%- endif -%}
    {%- if target.get('row_identifier_columns') -%}
        {%- do conditions.append(erased_identifier_in(target['row_identifier_columns'])) -%}
    {%- endif -%}
    {%- if target.get('where') -%}
        {%- do conditions.append('(' ~ target['where'] | replace('{records}', records) ~ ')') -%}
    {%- endif -%}
    ({{ conditions | join('\n        or ') if conditions else 'false' }})
{%- endmacro %}

{#- The columns of `relation` that hold personal data: names matching var
    personal_column_pattern and not var non_personal_column_pattern; with
    `contact_only`, only those also matching var identifier_column_pattern. -#}
{% macro personal_columns(relation, contact_only=false) -%}
    {%- set found = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- set name = column.name | lower -%}
        {%- if modules.re.search(var('personal_column_pattern'), name)
            and not modules.re.search(var('non_personal_column_pattern'), name)
            and (not contact_only
                 or modules.re.search(var('identifier_column_pattern'), name)) -%}
            {%- do found.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{#- A model's relation for the erasure scrub: ref() inside
    int_erasures_applied (which declares the dependencies); elsewhere (the
    on-run-end pass) looked up in the graph, none when it was never built. -#}
{% macro privacy_relation(name) -%}
    {%- if model is defined and model and model.get('name') == 'int_erasures_applied' -%}
        {{ return(ref(name)) }}
    {%- endif -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.name == name -%}
        {{ return(adapter.get_relation(
            database=node.database, schema=node.schema,
            identifier=node.alias or node.name
        )) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

{#- Mask the erased persons' rows of every erasure_scrub_target: their
    personal columns become null (or the rows are deleted), and other rows
    carrying an erased person's email or phone (a shared mailbox) lose
    their contact columns. Figures (amounts, dates of sales, counts) stay,
    de-identified. Runs twice:
    - as the post-hook of int_erasures_applied, which depends on every
      target, so the build's own tests see the masked tables;
    - on-run-end (`results` given), for runs that rebuilt a target without
      int_erasures_applied (`dbt build -s base_crm__contacts`): the
      ledger of the last build masks what the partial run brought back.
      Skipped when the run rebuilt no target, when int_erasures_applied ran
      in it, or when no ledger exists yet. -#}
{% macro apply_erasure_scrub(results=none) -%}
    {%- if execute -%}
        {%- set ns = namespace(run=true) -%}
        {%- if results is not none -%}
            {#- only when the run rebuilt a target, and not the scrub -#}
            {%- set targets = erasure_scrub_targets() | map(attribute='model') | list -%}
            {%- set rebuilt = results
                | selectattr('node.resource_type', 'equalto', 'model')
                | selectattr('node.name', 'in', targets)
                | list -%}
            {%- set ns.run = rebuilt | length > 0 -%}
            {%- for result in results
                if result.node.name == 'int_erasures_applied'
                and result.status == 'success' -%}
                {%- set ns.run = false -%}
            {%- endfor -%}
            {%- for name in [
                'int_erasures_logged', 'int_records_erased',
                'int_customers_erased', 'int_linkage_records_profiled',
                'int_consent_events_attributed',
            ] if privacy_relation(name) is none -%}
                {%- set ns.run = false -%}
            {%- endfor -%}
        {%- endif -%}
        {%- if ns.run -%}
            {%- set counts = erasure_scrub_counts(results) -%}
            {%- for target in erasure_scrub_targets() -%}
                {%- set relation = privacy_relation(target['model']) -%}
                {%- if relation is not none -%}
                    {%- do scrub_target(
                        target, relation, loop.index,
                        counts.get(target['model'])
                    ) -%}
                {%- endif -%}
            {%- endfor -%}
            {#- a hook's statements are not committed for it -#}
            {%- if results is not none -%}
                {%- do adapter.commit() -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{#- As the post-hook (no `results`): the rows this build masks per target,
    {model: (rows_masked, contact_rows_masked)}, from the audit
    int_erasures_applied has just written with the very conditions the
    scrub applies, so a statement that would change no row is skipped.
    On-run-end: empty (every statement runs). -#}
{% macro erasure_scrub_counts(results=none) -%}
    {%- set counts = {} -%}
    {%- if results is none and this is defined and this
        and this.identifier == 'int_erasures_applied' -%}
        {%- set audit = run_query(
            'select relation_name, rows_masked, contact_rows_masked from '
            ~ this
        ) -%}
        {%- for row in audit.rows -%}
            {%- do counts.update({row[0]: (row[1], row[2])}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(counts) }}
{%- endmacro %}

{#- The two masking statements of one erasure_scrub_target; with `counts`
    (erasure_scrub_counts), only those that change a row. -#}
{% macro scrub_target(target, relation, number, counts=none) -%}
    {%- set columns = personal_columns(relation) -%}
    {%- set rows_masked = counts[0] if counts is not none else none -%}
    {%- set contacts_masked = counts[1] if counts is not none else none -%}
    {%- if (target.get('delete') or columns)
        and (rows_masked is none or rows_masked > 0) -%}
        {%- call statement('erasure_scrub_rows_' ~ number) -%}
            {{ c360_mask_rows(
                relation, columns, erasure_scrub_condition(target),
                delete=target.get('delete', false)
            ) }}
        {%- endcall -%}
    {%- endif -%}
    {%- set contact_columns = personal_columns(relation, contact_only=true) -%}
    {%- if target.get('identifier_columns') and contact_columns
        and (contacts_masked is none or contacts_masked > 0) -%}
        {%- call statement('erasure_scrub_contacts_' ~ number) -%}
            {{ c360_mask_rows(
                relation, contact_columns,
                erased_identifier_in(target['identifier_columns'])
            ) }}
        {%- endcall -%}
    {%- endif -%}
{%- endmacro %}

{#- Set `columns` of the rows of `relation` meeting `condition` to null, or
    with `delete`, remove those rows (for tables whose rows are only the
    personal value, e.g. one identifier per row). Dispatched: UPDATE and
    DELETE where the engine has them (DuckDB, Postgres); Spark's Parquet
    tables have neither, so there the table is rewritten. -#}
{% macro c360_mask_rows(relation, columns, condition, delete=false) -%}
    {{ return(adapter.dispatch('c360_mask_rows', 'c360')(
        relation, columns, condition, delete
    )) }}
{%- endmacro %}

{% macro default__c360_mask_rows(relation, columns, condition, delete=false) -%}
    {%- if delete %}
    delete from {{ relation }}
    where {{ condition }}
    {%- else %}
    update {{ relation }}
    set
        {%- for column in columns %}
        {{ adapter.quote(column) }} = null{% if not loop.last %},{% endif %}
        {%- endfor %}
    where {{ condition }}
    {%- endif %}
{%- endmacro %}

{#- Spark: the kept and masked rows are written to a work table, which then
    replaces the table's rows (Spark cannot overwrite a table it reads in
    the same statement); the last statement drops the work table. The
    condition is computed once per row (column c360_scrub_hit), not once
    per masked column. -#}
{% macro spark__c360_mask_rows(relation, columns, condition, delete=false) -%}
    {%- set masked = columns | map('lower') | list -%}
    {%- set work = relation.schema ~ '.' ~ relation.identifier ~ '__scrub' -%}
    {%- set selected = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- if not delete and column.name | lower in masked -%}
            {%- do selected.append(
                'case when c360_scrub_hit then null else '
                ~ adapter.quote(column.name) ~ ' end as '
                ~ adapter.quote(column.name)) -%}
        {%- else -%}
            {%- do selected.append(adapter.quote(column.name)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- do run_query('drop table if exists ' ~ work) -%}
    {%- do run_query(
        'create table ' ~ work ~ ' as select ' ~ selected | join(', ')
        ~ ' from (select *, coalesce(' ~ condition ~ ', false) as c360_scrub_hit'
        ~ ' from ' ~ relation ~ ') as scrubbed'
        ~ (' where not c360_scrub_hit' if delete else '')
    ) -%}
    {%- do run_query('insert overwrite table ' ~ relation ~ ' select * from ' ~ work) -%}
    drop table if exists {{ work }}
{%- endmacro %}
