{#- Till receipt lines checked against the staged receipts they belong to.
    A line takes currency and time from its receipt; a line of a receipt
    that is not staged is quarantined as `orphan_receipt_id`. Amounts
    convert with the rate of the receipt's currency on the purchase date;
    an implausible line is quarantined (line_plausibility_checks). -#}
{% macro pos_receipt_lines_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_pos__receipts') }}) as receipts
        on base.receipt_id = receipts.receipt_id
    {{ fx_rate_joins(
        'lines', 'receipts.currency_code', 'receipts.purchased_at'
    ) }}
{%- endset -%}
{{ checked_rows('base_pos__receipt_lines', joins,
    [('receipts.receipt_id is null', 'orphan_receipt_id')]
    + line_plausibility_checks('base', 'lines'),
    columns=[('receipts.currency_code', 'currency_code'),
             ('receipts.purchased_at', 'purchased_at')]
    + line_amounts_reporting('base', 'lines'),
    rows=rows) }}
{%- endmacro %}
