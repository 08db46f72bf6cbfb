{{ pos_receipt_lines_checked() }}
