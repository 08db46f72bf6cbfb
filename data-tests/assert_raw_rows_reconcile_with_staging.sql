{#- For every source table: raw rows = staged rows + quarantined rows.
    Returns the tables where the counts disagree (a row was lost or
    duplicated between the raw files and the staging layer). -#}
with
{% for source_name, table in source_tables() %}
{{ source_name }}__{{ table }} as (
    select
        '{{ source_name }}.{{ table }}' as source_table,
        (select count(*) from {{ source(source_name, table) }}) as raw_rows,
        (select count(*) from {{ ref('stg_' ~ source_name ~ '__' ~ table) }})
        as staged_rows,
        (
            select count(*)
            from {{ ref('stg_' ~ source_name ~ '__quarantined_rows') }} as q
            where q.source_table = '{{ source_name }}.{{ table }}'
        ) as quarantined_rows
),
{% endfor %}
counts as (
{%- for source_name, table in source_tables() %}
    select * from {{ source_name }}__{{ table }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
),

mismatches as (
    select
        source_table,
        raw_rows,
        staged_rows,
        quarantined_rows
    from counts
    where raw_rows != staged_rows + quarantined_rows
)

select * from mismatches
