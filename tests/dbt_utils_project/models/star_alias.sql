select {{ dbt_utils.star(from=ref('people'), relation_alias='people_alias',
                         except=['score']) }}
from {{ ref('people') }} as people_alias
