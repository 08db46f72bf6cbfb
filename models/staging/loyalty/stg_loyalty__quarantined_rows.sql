{{ quarantined_rows('loyalty', checked={
    'points_ledger': loyalty_points_ledger_checked(rows='quarantined'),
}) }}
