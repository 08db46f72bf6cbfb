{{ marketing_email_events_checked() }}
