{#- ERP invoices checked against the business partners they are issued
    to: an invoice of a partner that is not staged is quarantined as
    `orphan_partner_id`. -#}
{% macro erp_invoices_checked(rows='staged') -%}
{%- set joins -%}
    left join ({{ passed_rows('base_erp__business_partners') }}) as partners
        on base.partner_id = partners.partner_id
{%- endset -%}
{{ checked_rows('base_erp__invoices', joins, [
    ('partners.partner_id is null', 'orphan_partner_id'),
], rows=rows) }}
{%- endmacro %}
