{{ staged_rows('base_erp__credit_memos') }}
