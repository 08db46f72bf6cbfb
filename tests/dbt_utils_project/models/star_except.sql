select
    {{ dbt_utils.star(from=ref('people'), except=['CITY', 'score'],
                      prefix='p_', suffix='_x') }}
from {{ ref('people') }}
