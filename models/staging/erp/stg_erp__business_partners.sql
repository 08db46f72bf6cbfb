{{ staged_rows('base_erp__business_partners') }}
