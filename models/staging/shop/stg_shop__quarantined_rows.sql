{{ quarantined_rows('shop', checked={
    'orders': shop_orders_checked(rows='quarantined'),
    'order_lines': shop_order_lines_checked(rows='quarantined'),
}) }}
