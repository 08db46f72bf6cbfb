{#- A condition true when one of `columns` holds an email or phone the
    erasure ledger holds a salted hash of. -#}
{% macro erased_identifier_in(columns) -%}
    {%- set hashes -%}
        select identifier_hash from {{ ref('int_erasures_logged') }}
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
        select record_id from {{ ref('int_records_erased') }}
    {%- endset -%}
    {%- set conditions = [] -%}
    {%- for expression in target.get('record_ids', []) -%}
        {%- do conditions.append(expression ~ ' in (' ~ records ~ ')') -%}
    {%- endfor -%}
    {%- if target.get('customer_id') -%}
        {%- do conditions.append(
            target['customer_id'] ~ ' in (select customer_id from '
            ~ ref('int_customers_erased') ~ ')'
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

{#- Post-hook of int_erasures_applied: in every erasure_scrub_target, an
    erased person's rows lose their personal columns (or are deleted), and
    rows carrying an erased person's email or phone as their own (a shared
    mailbox) lose their contact columns. Runs after the targets are built
    (the model depends on all of them), so no table upstream of the marts
    keeps an erased person's data after the build. Figures (amounts, dates
    of sales, counts) stay, de-identified. -#}
{% macro apply_erasure_scrub() -%}
    {%- if execute -%}
        {%- for target in erasure_scrub_targets() -%}
            {%- set relation = ref(target['model']) -%}
            {%- set columns = personal_columns(relation) -%}
            {%- if target.get('delete') or columns -%}
                {%- call statement('erasure_scrub_rows_' ~ loop.index) -%}
                    {{ c360_mask_rows(
                        relation, columns, erasure_scrub_condition(target),
                        delete=target.get('delete', false)
                    ) }}
                {%- endcall -%}
            {%- endif -%}
            {%- set contact_columns = personal_columns(relation, contact_only=true) -%}
            {%- if target.get('identifier_columns') and contact_columns -%}
                {%- call statement('erasure_scrub_contacts_' ~ loop.index) -%}
                    {{ c360_mask_rows(
                        relation, contact_columns,
                        erased_identifier_in(target['identifier_columns'])
                    ) }}
                {%- endcall -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{#- Set `columns` of the rows of `relation` meeting `condition` to null, or
    with `delete`, remove those rows (for tables whose rows are only the
    personal value, e.g. one identifier per row). Dispatched: UPDATE and
    DELETE where the engine has them (DuckDB, Postgres, Delta); Spark's
    session catalog tables have neither (issue 16). -#}
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
