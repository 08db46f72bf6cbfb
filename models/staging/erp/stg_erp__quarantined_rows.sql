{{ quarantined_rows('erp') }}
