select
    id,
    {{ dbt_utils.generate_surrogate_key(['id', 'city']) }} as key
from {{ ref('people') }}
