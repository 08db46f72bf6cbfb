{{ staged_rows('base_pos__receipt_lines') }}
