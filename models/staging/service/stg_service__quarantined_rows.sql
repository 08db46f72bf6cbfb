{{ quarantined_rows('service') }}
