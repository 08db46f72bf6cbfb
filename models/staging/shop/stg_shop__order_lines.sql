{# a table: read by several sales models, and the join to its parent and
   the currency conversion would otherwise run for each of them; it holds
   no personal columns, so erasure has nothing to scrub in it #}
{{ config(materialized='table') }}
{{ shop_order_lines_checked() }}
