select {{ dbt_utils.star(from=ref('people')) }} from {{ ref('people') }}
