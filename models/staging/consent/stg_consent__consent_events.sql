{{ staged_rows('base_consent__consent_events', except=[
    'is_known_identifier_type', 'is_known_purpose', 'is_known_decision',
]) }}
