{#- The rows of a base model checked against the rows they name in other
    tables: the reference checks of staging, which a base model (one source
    each) cannot make. `joins` joins the passed rows of the named tables to
    `base` (the base model), `checks` is a list of (condition that means
    "bad", reason) as in quarantine_reason, and `columns` a list of
    (expression, name) the row takes from the tables it names. A row keeps
    the reason its base model gave it (its own checks come first); a row
    that passed them gets the first failed reference check.
    rows='staged': the passed rows without the bookkeeping columns (the
    body of a stg_ model). rows='passed': the passed rows with every column
    (for a table that names this one: no column introspection, so it also
    runs in unit tests). rows='quarantined': the failed rows as
    quarantined_rows lists them. The same macro gives all three, so raw
    rows = staged + quarantined. -#}
{% macro checked_rows(base_model, joins, checks, columns=[], rows='staged') -%}
with

base as (
    select * from {{ ref(base_model) }}
),

checked as (
    select
        base.*,
        {%- for expression, name in columns %}
        {{ expression }} as {{ name }},
        {%- endfor %}
        coalesce(base.quarantine_reason, case
            {%- for condition, reason in checks %}
            when {{ condition }} then '{{ reason }}'
            {%- endfor %}
        end) as checked_reason
    from base
    {{ joins }}
)

{% if rows == 'staged' -%}
select
    {{ dbt_utils.star(
        from=ref(base_model),
        relation_alias='checked',
        except=['quarantine_reason', 'key_occurrence'],
    ) | indent(4) }}
    {%- for expression, name in columns %},
    checked.{{ name }}
    {%- endfor %}
from checked
where checked_reason is null
{%- elif rows == 'passed' -%}
select * from checked where checked_reason is null
{%- elif rows == 'quarantined' -%}
select
    checked.record_key,
    checked.checked_reason as quarantine_reason,
    checked.key_occurrence,
    checked._loaded_at
from checked
where checked_reason is not null
{%- else -%}
    {{ exceptions.raise_compiler_error(
        "checked_rows: rows must be 'staged', 'passed' or 'quarantined', not '"
        ~ rows ~ "'"
    ) }}
{%- endif %}
{%- endmacro %}

{#- The rows of a base model that passed its own checks: the rows other
    tables may name, for a table without reference checks of its own. -#}
{% macro passed_rows(base_model) -%}
select * from {{ ref(base_model) }} where quarantine_reason is null
{%- endmacro %}

{#- checked_rows for a table whose rows name one row of a parent table
    that has no reference checks of its own: a row whose `key` (when
    `optional`, only a row that names one) finds no passed row of
    `parent_model` on `parent_key` is quarantined as `reason`. -#}
{% macro checked_against_parent(
    base_model, parent_model, key, parent_key, reason, optional=false,
    rows='staged'
) -%}
{%- set joins -%}
    left join ({{ passed_rows(parent_model) }}) as parent
        on base.{{ key }} = parent.{{ parent_key }}
{%- endset -%}
{%- set missing = 'parent.' ~ parent_key ~ ' is null' -%}
{%- if optional -%}
    {%- set missing = 'base.' ~ key ~ ' is not null and ' ~ missing -%}
{%- endif -%}
{{ checked_rows(base_model, joins, [(missing, reason)], rows=rows) }}
{%- endmacro %}
