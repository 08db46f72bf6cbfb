{{ quarantined_rows('marketing') }}
