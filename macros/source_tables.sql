{#- Every raw source table with the staging model that reads it and the
    quarantine model its rejected rows go to. The reconciliation test and the
    quarantine models are generated from this list.
    tests/test_contracts.py keeps it equal to the generator's contracts
    (src/c360/generator/contracts.py, the registry of systems and tables),
    which it also keeps equal to the sources declared in models/staging. -#}
{% macro source_tables() -%}
    {{ return([
        ('crm', 'contacts'),
        ('shop', 'customers'),
        ('shop', 'orders'),
        ('shop', 'order_lines'),
        ('pos', 'receipts'),
        ('pos', 'receipt_lines'),
        ('erp', 'business_partners'),
        ('erp', 'invoices'),
        ('erp', 'credit_memos'),
        ('erp', 'products'),
        ('service', 'tickets'),
        ('marketing', 'campaigns'),
        ('marketing', 'email_events'),
        ('loyalty', 'members'),
        ('loyalty', 'points_ledger'),
        ('consent', 'consent_events'),
        ('consent', 'privacy_requests'),
        ('web', 'events'),
        ('web', 'identifies'),
    ]) }}
{%- endmacro %}
