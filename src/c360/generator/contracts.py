"""Raw contracts: the columns and types of every source table.

This is what the generator writes and what `_<source>__sources.yml` declares;
a test keeps the two identical. Every table also carries `_loaded_at`, the
time the extract was taken (UTC), which dbt source freshness reads.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us")
MONEY = pa.decimal128(18, 2)
# unit prices and costs of real catalogues go below a cent (0.001 a screw)
PRICE = pa.decimal128(18, 4)
STR = pa.string()
INT = pa.int64()

CONTRACTS: dict[str, dict[str, list[tuple[str, pa.DataType]]]] = {
    "crm": {
        "contacts": [
            ("contact_id", STR),
            ("salutation", STR),
            ("first_name", STR),
            ("middle_name", STR),
            ("last_name", STR),
            ("email", STR),
            ("phone", STR),
            ("birth_date", STR),
            ("national_id", STR),
            ("street", STR),
            ("address_line_2", STR),
            ("postal_code", STR),
            ("city", STR),
            ("region", STR),
            ("country_code", STR),
            ("created_at", TS),
            ("updated_at", TS),
        ],
    },
    "shop": {
        "customers": [
            ("customer_id", INT),
            ("email", STR),
            ("first_name", STR),
            ("last_name", STR),
            ("phone", STR),
            ("street", STR),
            ("postal_code", STR),
            ("city", STR),
            ("country_code", STR),
            ("created_at", TS),
            ("updated_at", TS),
        ],
        "orders": [
            ("order_id", INT),
            ("customer_id", INT),
            ("guest_email", STR),
            ("guest_first_name", STR),
            ("guest_last_name", STR),
            ("guest_phone", STR),
            ("shipping_postal_code", STR),
            ("shipping_country_code", STR),
            ("status", STR),
            ("currency_code", STR),
            ("discount_amount", MONEY),
            ("shipping_amount", MONEY),
            ("order_total", MONEY),
            ("ordered_at", TS),
        ],
        "order_lines": [
            ("order_line_id", INT),
            ("order_id", INT),
            ("sku", STR),
            ("quantity", INT),
            ("unit_price", PRICE),
            ("discount_amount", MONEY),
        ],
    },
    "pos": {
        "receipts": [
            ("receipt_id", STR),
            ("store_id", STR),
            ("store_country_code", STR),
            ("loyalty_card_number", STR),
            ("customer_phone", STR),
            ("currency_code", STR),
            ("total_amount", MONEY),
            ("purchased_at", TS),
        ],
        "receipt_lines": [
            ("receipt_id", STR),
            ("line_number", INT),
            ("sku", STR),
            ("quantity", INT),
            ("unit_price", PRICE),
            ("discount_amount", MONEY),
            ("is_return", pa.bool_()),
        ],
    },
    "erp": {
        "business_partners": [
            ("partner_id", STR),
            ("partner_name", STR),
            ("email", STR),
            ("phone", STR),
            ("street", STR),
            ("postal_code", STR),
            ("city", STR),
            ("country_code", STR),
            ("created_at", TS),
            ("changed_at", TS),
        ],
        "invoices": [
            ("invoice_id", STR),
            ("partner_id", STR),
            ("shop_order_id", INT),
            ("pos_receipt_id", STR),
            ("currency_code", STR),
            ("net_amount", MONEY),
            ("tax_amount", MONEY),
            ("invoiced_at", TS),
        ],
        "credit_memos": [
            ("credit_memo_id", STR),
            ("invoice_id", STR),
            ("partner_id", STR),
            ("reason_code", STR),
            ("currency_code", STR),
            ("net_amount", MONEY),
            ("credited_at", TS),
        ],
        "products": [
            ("sku", STR),
            ("product_name", STR),
            ("category", STR),
            ("currency_code", STR),
            ("unit_cost", PRICE),
            ("list_price", PRICE),
            ("changed_at", TS),
        ],
    },
    "service": {
        "tickets": [
            ("ticket_id", STR),
            ("channel", STR),
            ("requester_name", STR),
            ("requester_email", STR),
            ("requester_phone", STR),
            ("crm_contact_id", STR),
            ("category", STR),
            ("resolution", STR),
            ("csat_score", INT),
            ("opened_at", TS),
            ("resolved_at", TS),
        ],
    },
    "marketing": {
        "campaigns": [
            ("campaign_id", STR),
            ("campaign_name", STR),
            ("purpose", STR),
            ("scheduled_at", TS),
        ],
        "email_events": [
            ("event_id", INT),
            ("campaign_id", STR),
            ("recipient_email", STR),
            ("event_type", STR),
            ("occurred_at", TS),
        ],
    },
    "loyalty": {
        "members": [
            ("member_id", STR),
            ("card_number", STR),
            ("first_name", STR),
            ("last_name", STR),
            ("email", STR),
            ("phone", STR),
            ("birth_date", STR),
            ("national_id", STR),
            ("street", STR),
            ("address_line_2", STR),
            ("postal_code", STR),
            ("city", STR),
            ("region", STR),
            ("country_code", STR),
            ("tier", STR),
            ("enrolled_at", TS),
            ("updated_at", TS),
        ],
        "points_ledger": [
            ("entry_id", INT),
            ("member_id", STR),
            ("entry_type", STR),
            ("points", INT),
            ("pos_receipt_id", STR),
            ("occurred_at", TS),
        ],
    },
    "consent": {
        "consent_events": [
            ("consent_event_id", STR),
            ("identifier_type", STR),
            ("identifier_value", STR),
            ("purpose", STR),
            ("decision", STR),
            ("source_system", STR),
            ("occurred_at", TS),
        ],
        "privacy_requests": [
            ("request_id", STR),
            ("identifier_type", STR),
            ("identifier_value", STR),
            ("request_type", STR),
            ("requested_at", TS),
            ("completed_at", TS),
        ],
    },
    "web": {
        "events": [
            ("event_id", INT),
            ("anonymous_id", STR),
            ("user_id", INT),
            ("event_type", STR),
            ("page_path", STR),
            ("occurred_at", TS),
        ],
        "identifies": [
            ("identify_id", INT),
            ("anonymous_id", STR),
            ("user_id", INT),
            ("identified_at", TS),
        ],
    },
}

LOADED_AT = ("_loaded_at", TS)


def schema(source: str, table: str) -> pa.Schema:
    """The Arrow schema of one raw table, `_loaded_at` included."""
    return pa.schema([*CONTRACTS[source][table], LOADED_AT])


def all_tables() -> list[tuple[str, str]]:
    return [(s, t) for s, tables in CONTRACTS.items() for t in tables]
