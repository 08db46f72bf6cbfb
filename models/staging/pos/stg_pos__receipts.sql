{{ staged_rows('base_pos__receipts') }}
