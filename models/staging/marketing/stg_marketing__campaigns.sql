{{ staged_rows('base_marketing__campaigns') }}
