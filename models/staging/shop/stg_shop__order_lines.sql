{{ staged_rows('base_shop__order_lines') }}
