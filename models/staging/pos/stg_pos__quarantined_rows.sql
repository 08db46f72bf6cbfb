{{ quarantined_rows('pos', checked={
    'receipt_lines': pos_receipt_lines_checked(rows='quarantined'),
}) }}
