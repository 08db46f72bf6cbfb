{#- The day purchase histories are read as of: var ltv_as_of_date, or the
    last sale day in `sales_lines` (so rebuilding old data gives the same
    answer). A select of one row, one column `as_of_date`. -#}
{% macro ltv_as_of_date(sales_lines) -%}
    {%- if var('ltv_as_of_date', none) %}
    select cast('{{ var("ltv_as_of_date") }}' as date) as as_of_date
    {%- else %}
    select cast(max(sold_at) as date) as as_of_date
    from {{ sales_lines }}
    {%- endif %}
{%- endmacro %}
