{{ config(materialized='table') }}
with

source as (
    select * from {{ source('erp', 'products') }}
),

renamed as (
    select
        upper({{ clean_text('source.sku') }}) as sku,
        {{ clean_text('source.product_name') }} as product_name,
        {{ clean_text('source.category') }} as category,
        upper({{ clean_text('source.currency_code') }}) as currency_code,
        source.unit_cost,
        source.list_price,
        source.changed_at,
        source._loaded_at,
        {{ key_occurrence('upper(' ~ clean_text('source.sku') ~ ')',
                          'source.changed_at') }} as key_occurrence
    from source
),

{# costs are valued at the rate of the extract date: the product master
   holds today's standard cost #}
converted as (
    select
        renamed.*,
        {{ to_reporting_currency('renamed.unit_cost', 'products') }}
        as unit_cost_reporting,
        {{ to_reporting_currency('renamed.list_price', 'products') }}
        as list_price_reporting,
        coalesce(
            renamed.unit_cost >= 0
            and products_fx_from.currency_code is not null,
            false
        ) as is_unit_cost_valid,
        renamed.sku as record_key,
        {{ quarantine_reason('renamed.sku', [], 'renamed.key_occurrence') }}
        as quarantine_reason
    from renamed
    {{ fx_rate_joins(
        'products', 'renamed.currency_code', 'renamed._loaded_at'
    ) }}
)

select * from converted
