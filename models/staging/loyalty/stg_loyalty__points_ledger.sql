{{ staged_rows('base_loyalty__points_ledger') }}
