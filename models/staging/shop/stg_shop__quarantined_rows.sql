{{ quarantined_rows('shop') }}
