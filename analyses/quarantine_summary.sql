{#- Audit: how many raw rows each source table lost to quarantine, and why.
    Compile with `dbt compile --select quarantine_summary` and run the SQL in
    target/compiled against the warehouse. -#}
with
{% for source_name in source_tables() | map(attribute=0) | unique %}
{{ source_name }}_quarantine as (
    select * from {{ ref('stg_' ~ source_name ~ '__quarantined_rows') }}
),
{% endfor %}
unioned as (
{%- for source_name in source_tables() | map(attribute=0) | unique %}
    select
        source_table,
        quarantine_reason
    from {{ source_name }}_quarantine
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

reasons_counted as (
    select
        source_table,
        quarantine_reason,
        count(*) as quarantined_rows
    from unioned
    group by source_table, quarantine_reason
)

select * from reasons_counted
order by source_table asc, quarantined_rows desc
