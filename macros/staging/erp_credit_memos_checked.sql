{#- ERP credit memos checked against what they credit: a memo that names
    an invoice needs that invoice staged (`orphan_invoice_id`); a memo
    without an invoice needs its business partner staged
    (`orphan_partner_id`). -#}
{% macro erp_credit_memos_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ erp_invoices_checked(rows='passed') }}) as invoices
        on base.invoice_id = invoices.invoice_id
    left join ({{ passed_rows('base_erp__business_partners') }}) as partners
        on base.partner_id = partners.partner_id
{%- endset -%}
{{ checked_rows('base_erp__credit_memos', joins, [
    ('base.invoice_id is not null and invoices.invoice_id is null',
     'orphan_invoice_id'),
    ('base.invoice_id is null and partners.partner_id is null',
     'orphan_partner_id'),
], rows=rows) }}
{%- endmacro %}
