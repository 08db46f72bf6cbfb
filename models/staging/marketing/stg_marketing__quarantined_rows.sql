{{ quarantined_rows('marketing', checked={
    'email_events': marketing_email_events_checked(rows='quarantined'),
}) }}
