{#- Every relation upstream of the marts that holds personal data, and how
    to tell its rows of erased persons (int_erasures_applied masks them
    after each build; the marts mask their own). One entry per model:
    - record_ids: SQL expressions giving a row's identity record id; the
      row is an erased person's when one is in int_records_erased;
    - customer_id: the row's customer column; the row is an erased
      person's when the customer is in int_customers_erased;
    - row_identifier_columns: columns holding the email or phone the row is
      about (a consent event, an email event, an identifier); the row is an
      erased person's when one carries an identifier the erasure ledger
      holds a hash of;
    - where: any other condition (`{records}` stands for the erased record
      ids query);
    - identifier_columns: columns holding an email or phone of the row's
      own person; when one carries an identifier the ledger holds a hash of
      (a mailbox the person shared with an erased one), only the row's
      contact columns (var identifier_column_pattern) are masked, its
      person keeps the rest;
    - delete: remove an erased person's rows instead of masking them
      (tables whose rows are nothing but the personal value).
    An erased person's row loses every column whose name matches var
    `personal_column_pattern`. A new model with personal data must be
    listed here; data-tests/assert_no_relation_holds_erased_identifiers
    and tests/test_privacy_attacks.py search every relation and fail on one
    this list misses. -#}
{% macro erasure_scrub_targets() -%}
    {%- set profiles_erased -%}
        profile_id in (
            select profile_id from {{ privacy_relation('int_linkage_records_profiled') }}
            where record_id in ({records})
        )
    {%- endset -%}
    {%- set edge_records = ['record_id_a', 'record_id_b'] -%}
    {#- a consent event that reached an erased customer in any reading (a
        national number is not the E.164 form the ledger hashed) -#}
    {%- set consent_events_of_erased -%}
        consent_event_id in (
            select consent_event_id
            from {{ privacy_relation('int_consent_events_attributed') }}
            where customer_id in (
                select customer_id from {{ privacy_relation('int_customers_erased') }}
            )
        )
    {%- endset -%}
    {%- set consent_identifiers = [
        'identifier_value_normalized', 'email_reading', 'phone_reading',
    ] -%}
    {%- set contact = ['email', 'phone_e164'] -%}
    {#- a source row without a key belongs to no record, so nothing tells
        whether it is the erased person's or someone's who shares their
        mailbox: when it carries an erased email or phone, all of its
        personal columns go (fail closed), not only the contact ones -#}
    {%- set keyless = 'record_key is null and ' -%}
    {{ return([
        {'model': 'base_crm__contacts',
         'record_ids': ["'crm.contacts:' || record_key"],
         'where': keyless ~ erased_identifier_in(contact),
         'identifier_columns': contact},
        {'model': 'base_shop__customers',
         'record_ids': ["'shop.customers:' || record_key"],
         'where': keyless ~ erased_identifier_in(contact),
         'identifier_columns': contact},
        {'model': 'base_shop__orders',
         'record_ids': [
             "'shop.orders:' || record_key",
             "'shop.customers:' || cast(customer_id as " ~ dbt.type_string() ~ ")",
         ],
         'where': keyless ~ erased_identifier_in(['guest_email', 'guest_phone_e164']),
         'identifier_columns': ['guest_email', 'guest_phone_e164']},
        {'model': 'base_erp__business_partners',
         'record_ids': ["'erp.business_partners:' || record_key"],
         'where': keyless ~ erased_identifier_in(contact),
         'identifier_columns': contact},
        {'model': 'base_loyalty__members',
         'record_ids': ["'loyalty.members:' || record_key"],
         'where': keyless ~ erased_identifier_in(contact),
         'identifier_columns': contact},
        {'model': 'base_service__tickets',
         'record_ids': ["'service.tickets:' || record_key"],
         'where': keyless
             ~ erased_identifier_in(['requester_email', 'requester_phone_e164']),
         'identifier_columns': ['requester_email', 'requester_phone_e164']},
        {'model': 'base_pos__receipts',
         'record_ids': ["'pos.receipts:' || record_key"],
         'where': keyless ~ erased_identifier_in(['customer_phone_e164']),
         'identifier_columns': ['customer_phone_e164']},
        {'model': 'base_marketing__email_events',
         'row_identifier_columns': ['recipient_email']},
        {'model': 'base_consent__consent_events',
         'row_identifier_columns': consent_identifiers,
         'where': consent_events_of_erased},
        {'model': 'base_consent__privacy_requests',
         'row_identifier_columns': consent_identifiers,
         'where': "request_id in (select erasure_request_key from "
             ~ privacy_relation('int_erasures_logged') ~ ")"},
        {'model': 'int_consent_events_attributed',
         'customer_id': 'customer_id',
         'row_identifier_columns': ['identifier_value']},
        {'model': 'int_email_addresses_suppressed',
         'row_identifier_columns': ['email'], 'delete': true},
        {'model': 'int_identity_records_unioned', 'record_ids': ['record_id'],
         'identifier_columns': ['email', 'phone']},
        {'model': 'int_identifiers_unioned', 'record_ids': ['record_id'],
         'row_identifier_columns': ['identifier_value'], 'delete': true},
        {'model': 'int_linkage_records_profiled', 'record_ids': ['record_id'],
         'identifier_columns': ['email', 'phone']},
        {'model': 'int_linkage_profiles_prepared', 'where': profiles_erased,
         'identifier_columns': ['email', 'phone']},
        {'model': 'int_linkage_pairs_compared',
         'where': profiles_erased | replace('profile_id in', 'profile_id_a in')},
        {'model': 'int_identity_edges_proposed', 'record_ids': edge_records,
         'identifier_columns': ['identifier_value']},
        {'model': 'int_identity_edges_probabilistic', 'record_ids': edge_records,
         'identifier_columns': ['identifier_value']},
        {'model': 'int_identity_edges_guarded', 'record_ids': edge_records,
         'identifier_columns': ['identifier_value']},
        {'model': 'int_identity_edges_quarantined', 'record_ids': edge_records,
         'identifier_columns': ['identifier_value']},
        {'model': 'int_customer_attribute_candidates_ranked',
         'record_ids': ['record_id'], 'identifier_columns': ['value_key']},
        {'model': 'int_golden_records_assembled', 'customer_id': 'customer_id',
         'identifier_columns': ['email', 'phone']},
    ]) }}
{%- endmacro %}
