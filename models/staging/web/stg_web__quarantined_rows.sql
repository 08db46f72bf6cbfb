{{ quarantined_rows('web') }}
