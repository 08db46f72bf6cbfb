{{ staged_rows('base_shop__customers') }}
