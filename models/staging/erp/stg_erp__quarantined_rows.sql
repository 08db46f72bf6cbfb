{{ quarantined_rows('erp', checked={
    'invoices': erp_invoices_checked(rows='quarantined'),
    'credit_memos': erp_credit_memos_checked(rows='quarantined'),
}) }}
