{{ staged_rows('base_consent__privacy_requests') }}
