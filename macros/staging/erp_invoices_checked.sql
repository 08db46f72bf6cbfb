{#- ERP invoices checked against the business partners they are issued
    to: an invoice of a partner that is not staged is quarantined as
    `orphan_partner_id`. -#}
{% macro erp_invoices_checked(rows='staged') -%}
{{ checked_against_parent(
    'base_erp__invoices', 'base_erp__business_partners', 'partner_id',
    'partner_id', 'orphan_partner_id', rows=rows
) }}
{%- endmacro %}
