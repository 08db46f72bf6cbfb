{{ erp_invoices_checked() }}
