{{ shop_orders_checked() }}
