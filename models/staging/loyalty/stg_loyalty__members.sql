{{ staged_rows('base_loyalty__members') }}
