{{ quarantined_rows('web', checked={
    'identifies': web_identifies_checked(rows='quarantined'),
}) }}
