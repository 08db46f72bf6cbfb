{{ staged_rows('base_consent__privacy_requests', except=[
    'is_known_identifier_type', 'is_known_request_type',
]) }}
