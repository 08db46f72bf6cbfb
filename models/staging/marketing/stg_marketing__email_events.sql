{{ staged_rows('base_marketing__email_events') }}
