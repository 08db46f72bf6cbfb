{{ config(post_hook="{{ apply_erasure_scrub() }}") }}
{# Erasure in every layer. After its targets are built (every relation
    upstream of the marts with personal data, macro erasure_scrub_targets),
    this model's post-hook (apply_erasure_scrub) nulls the personal columns
    (var personal_column_pattern) of every row of an erased person, and the
    contact columns of other rows that carry an erased person's email or
    phone (a shared mailbox). Views read these tables, the marts mask their
    own columns, so after a build only the ledger's salted hashes remain.
    The model itself is the audit: one row per target with how many of its
    rows this build masks. #}
-- depends_on: {{ ref('int_erasures_logged') }}
-- depends_on: {{ ref('int_records_erased') }}
-- depends_on: {{ ref('int_customers_erased') }}
-- depends_on: {{ ref('int_linkage_records_profiled') }}
-- depends_on: {{ ref('int_consent_events_attributed') }}
with

{% for target in erasure_scrub_targets() %}
{%- set row_condition = erasure_scrub_condition(target) %}
{%- set contact_condition = erased_identifier_in(
    target.get('identifier_columns', [])
) %}
{{ target['model'] }}_masked as (
    select
        '{{ target["model"] }}' as relation_name,
        count(case when is_erased_row then 1 end) as rows_masked,
        count(
            case when not is_erased_row and has_erased_contact then 1 end
        ) as contact_rows_masked
    from (
        select
            coalesce({{ row_condition }}, false) as is_erased_row,
            coalesce({{ contact_condition }}, false) as has_erased_contact
        from {{ ref(target['model']) }}
    ) as {{ target['model'] }}_rows
),
{% endfor %}

unioned as (
{%- for target in erasure_scrub_targets() %}
    select * from {{ target['model'] }}_masked
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
)

select * from unioned
