{{ staged_rows('base_consent__consent_events') }}
