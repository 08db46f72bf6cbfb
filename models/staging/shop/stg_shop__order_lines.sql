{{ shop_order_lines_checked() }}
