{{ loyalty_points_ledger_checked() }}
