{{ quarantined_rows('pos') }}
