{{ quarantined_rows('consent') }}
