{# Every source that offers a value for a golden-record attribute has a
    priority for it in the survivorship_source_priority seed. An unlisted
    source would rank after every listed one without anyone deciding so
    (a new source added without its survivorship rows). A row is an
    attribute and a source the seed does not rank. #}
with

offered as (
    select distinct
        attribute_name,
        source_table
    from {{ ref('int_customer_attribute_candidates_ranked') }}
),

ranked as (
    select
        attribute_name,
        source_table
    from {{ ref('survivorship_source_priority') }}
)

select
    offered.attribute_name,
    offered.source_table
from offered
left join ranked
    on
        offered.attribute_name = ranked.attribute_name
        and offered.source_table = ranked.source_table
where ranked.source_table is null
