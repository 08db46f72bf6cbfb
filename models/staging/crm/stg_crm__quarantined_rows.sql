{{ quarantined_rows('crm') }}
