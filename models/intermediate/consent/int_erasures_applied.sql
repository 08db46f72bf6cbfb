{{ config(post_hook="{{ apply_erasure_scrub() }}") }}
{# Erasure in every layer. After its targets are built (every relation
    upstream of the marts with personal data, macro erasure_scrub_targets),
    this model's post-hook nulls the personal columns (var
    personal_column_pattern) of every row of an erased person: a record of
    int_records_erased, a customer of int_customers_erased, or a row
    carrying an email or phone the erasure ledger holds a hash of. Views
    read these tables, the marts mask their own columns, so after a build
    only the ledger's salted hashes remain. The model itself is the audit:
    one row per target with how many of its rows were masked by this
    build. #}
with

{% for target in erasure_scrub_targets() %}
{{ target['model'] }}_erased as (
    select
        '{{ target["model"] }}' as relation_name,
        count(*) as rows_masked
    from {{ ref(target['model']) }}
    where {{ erasure_scrub_condition(target) }}
),
{% endfor %}

unioned as (
{%- for target in erasure_scrub_targets() %}
    select * from {{ target['model'] }}_erased
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
)

select * from unioned
