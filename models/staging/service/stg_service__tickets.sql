{{ staged_rows('base_service__tickets') }}
