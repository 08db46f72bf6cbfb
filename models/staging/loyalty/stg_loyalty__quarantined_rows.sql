{{ quarantined_rows('loyalty') }}
