{{ staged_rows('base_erp__products') }}
