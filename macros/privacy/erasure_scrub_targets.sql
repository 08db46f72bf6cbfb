{#- Every relation upstream of the marts that holds personal data, and how
    to tell its rows of erased persons (int_erasures_applied masks them
    after each build; the marts mask their own). One entry per model:
    - record_ids: SQL expressions giving a row's identity record id; the
      row is erased when one is in int_records_erased;
    - customer_id: the row's customer column; erased when the customer is
      in int_customers_erased;
    - identifier_columns: columns holding an email or phone in clear; the
      row is erased when one carries an identifier the erasure ledger holds
      a hash of (a shared mailbox is erased from every row, not only from
      the erased person's);
    - where: any other condition (`{records}` stands for the erased record
      ids query);
    - delete: remove the rows instead of nulling their personal columns
      (tables whose rows are nothing but the personal value).
    The columns masked are the relation's columns whose name matches var
    `personal_column_pattern`. A new model with personal data must be
    listed here; tests/test_privacy_attacks.py searches every relation for
    erased identifiers and fails on one this list misses. -#}
{% macro erasure_scrub_targets() -%}
    {%- set profiles_erased -%}
        profile_id in (
            select profile_id from {{ ref('int_linkage_records_profiled') }}
            where record_id in ({records})
        )
    {%- endset -%}
    {%- set edge_records = ['record_id_a', 'record_id_b'] -%}
    {#- a consent event that reached an erased customer in any reading (a
        national number is not the E.164 form the ledger hashed) -#}
    {%- set consent_events_of_erased -%}
        consent_event_id in (
            select consent_event_id
            from {{ ref('int_consent_events_attributed') }}
            where customer_id in (
                select customer_id from {{ ref('int_customers_erased') }}
            )
        )
    {%- endset -%}
    {%- set consent_identifiers = [
        'identifier_value_normalized', 'email_reading', 'phone_reading',
    ] -%}
    {{ return([
        {'model': 'base_crm__contacts',
         'record_ids': ["'crm.contacts:' || record_key"]},
        {'model': 'base_shop__customers',
         'record_ids': ["'shop.customers:' || record_key"]},
        {'model': 'base_shop__orders',
         'record_ids': [
             "'shop.orders:' || record_key",
             "'shop.customers:' || cast(customer_id as " ~ dbt.type_string() ~ ")",
         ]},
        {'model': 'base_erp__business_partners',
         'record_ids': ["'erp.business_partners:' || record_key"]},
        {'model': 'base_loyalty__members',
         'record_ids': ["'loyalty.members:' || record_key"]},
        {'model': 'base_service__tickets',
         'record_ids': ["'service.tickets:' || record_key"]},
        {'model': 'base_pos__receipts',
         'record_ids': ["'pos.receipts:' || record_key"]},
        {'model': 'base_marketing__email_events',
         'identifier_columns': ['recipient_email']},
        {'model': 'base_consent__consent_events',
         'identifier_columns': consent_identifiers,
         'where': consent_events_of_erased},
        {'model': 'base_consent__privacy_requests',
         'identifier_columns': consent_identifiers,
         'where': "request_id in (select erasure_request_key from "
             ~ ref('int_erasures_logged') ~ ")"},
        {'model': 'int_consent_events_attributed',
         'customer_id': 'customer_id',
         'identifier_columns': ['identifier_value']},
        {'model': 'int_email_addresses_suppressed',
         'identifier_columns': ['email'], 'delete': true},
        {'model': 'int_identity_records_unioned', 'record_ids': ['record_id']},
        {'model': 'int_identifiers_unioned', 'record_ids': ['record_id'],
         'identifier_columns': ['identifier_value'], 'delete': true},
        {'model': 'int_linkage_records_profiled', 'record_ids': ['record_id']},
        {'model': 'int_linkage_profiles_prepared', 'where': profiles_erased},
        {'model': 'int_linkage_pairs_compared',
         'where': profiles_erased | replace('profile_id in', 'profile_id_a in')},
        {'model': 'int_identity_edges_proposed', 'record_ids': edge_records},
        {'model': 'int_identity_edges_probabilistic', 'record_ids': edge_records},
        {'model': 'int_identity_edges_guarded', 'record_ids': edge_records},
        {'model': 'int_identity_edges_quarantined', 'record_ids': edge_records},
        {'model': 'int_customer_attribute_candidates_ranked',
         'record_ids': ['record_id']},
        {'model': 'int_golden_records_assembled', 'customer_id': 'customer_id'},
    ]) }}
{%- endmacro %}
