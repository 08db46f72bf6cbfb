"""Raw data our generator never writes, laid out per the source contracts.

Two sets in one warehouse (one build serves the tests of both): people
written in names, scripts, phone formats and countries the generator does
not use (tests/test_identity_foreign.py says who is who), and a different
retailer's exports from Austria and Sweden (tests/test_staging_build.py
checks how staging reads them). Their keys do not overlap.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from c360.generator import contracts

LOADED_AT = datetime(2026, 11, 1)
T = datetime(2026, 5, 1, 12, 0)

# table -> rows; the comment before each group names the person
PEOPLE_ROWS: dict[tuple[str, str], list[dict[str, object]]] = {
    ("crm", "contacts"): [
        # maria: accents and a double surname; phone without country code
        {
            "contact_id": "ES-1",
            "first_name": "María José",
            "last_name": "García López",
            "email": "MJ.Garcia@Correo.es",
            "phone": "612 34 56 78",
            "birth_date": "07/03/1979",
            "street": "Calle Mayor 12",
            "postal_code": "28013",
            "city": "Madrid",
            "country_code": "es",
        },
        # jan_a and jan_b: namesakes in one town, different birth dates
        {
            "contact_id": "PL-1",
            "first_name": "Jan",
            "last_name": "Kowalski",
            "email": "jan.k@poczta.pl",
            "phone": "+48 22 123 45 67",
            "birth_date": "1970-01-15",
            "street": "ul. Długa 5",
            "postal_code": "00-238",
            "city": "Warszawa",
            "country_code": "PL",
        },
        # joao: Portuguese, phone with 00 prefix
        {
            "contact_id": "PT-1",
            "first_name": "João",
            "last_name": "Gonçalves",
            "email": "joao.goncalves@sapo.pt",
            "phone": "00351 912 345 678",
            "birth_date": "1985-12-24",
            "street": "Rua Augusta 100",
            "postal_code": "1100-053",
            "city": "Lisboa",
            "country_code": "PT",
        },
    ],
    ("shop", "customers"): [
        # maria again: no accents, email in another case
        {
            "customer_id": 9001,
            "email": "mj.garcia@correo.es",
            "first_name": "Maria Jose",
            "last_name": "Garcia Lopez",
            "phone": "+34612345678",
            "street": "C/ Mayor 12",
            "postal_code": "28013",
            "city": "MADRID",
            "country_code": "ES",
        },
        # yuki: a Japanese number the country seed cannot parse
        {
            "customer_id": 9002,
            "email": "yuki.tanaka@example.jp",
            "first_name": "Yuki",
            "last_name": "Tanaka",
            "phone": "+81 3-1234-5678",
            "street": None,
            "postal_code": None,
            "city": None,
            "country_code": "JP",
        },
    ],
    ("shop", "orders"): [
        # yuki again, as a guest, same email
        {
            "order_id": 7001,
            "customer_id": None,
            "guest_email": "Yuki.Tanaka@example.jp",
            "guest_first_name": "yuki",
            "guest_last_name": "TANAKA",
            "guest_phone": None,
            "shipping_postal_code": None,
            "shipping_country_code": "JP",
            "status": "completed",
            "currency_code": "EUR",
            "discount_amount": 0,
            "shipping_amount": 0,
            "order_total": 10,
        },
        # hiroshi: Yuki's husband, the family mailbox (different first name)
        {
            "order_id": 7002,
            "customer_id": None,
            "guest_email": "yuki.tanaka@example.jp",
            "guest_first_name": "Hiroshi",
            "guest_last_name": "Tanaka",
            "guest_phone": None,
            "shipping_postal_code": None,
            "shipping_country_code": "JP",
            "status": "completed",
            "currency_code": "EUR",
            "discount_amount": 0,
            "shipping_amount": 0,
            "order_total": 20,
        },
    ],
    ("loyalty", "members"): [
        # krzysztof: diacritics; phone written with spaces and dashes
        {
            "member_id": "M-PL-1",
            "card_number": "PL-000111",
            "first_name": "Krzysztof",
            "last_name": "Wiśniewski",
            "email": None,
            "phone": "+48 601-234-567",
            "birth_date": "1990-06-30",
            "postal_code": "30-001",
            "country_code": "PL",
            "tier": "gold",
        },
        # jan_b: same name and town as jan_a, born twenty years later
        {
            "member_id": "M-PL-2",
            "card_number": "PL-000222",
            "first_name": "Jan",
            "last_name": "Kowalski",
            "email": None,
            "phone": "+48 501 000 111",
            "birth_date": "1990-03-03",
            "postal_code": "00-238",
            "country_code": "PL",
            "tier": "basic",
        },
        # joao again: name without accents, first and last swapped
        {
            "member_id": "M-PT-1",
            "card_number": "PT-000333",
            "first_name": "Goncalves",
            "last_name": "Joao",
            "email": None,
            "phone": None,
            "birth_date": "24.12.1985",
            "postal_code": "1100-053",
            "country_code": "PT",
            "tier": "silver",
        },
    ],
    ("service", "tickets"): [
        # krzysztof again: name without diacritics, phone with 0048
        {
            "ticket_id": "T-1",
            "channel": "phone",
            "requester_name": "Krzysztof Wisniewski",
            "requester_email": None,
            "requester_phone": "0048 601 234 567",
            "crm_contact_id": None,
            "category": "delivery",
            "resolution": "resolved",
            "csat_score": 4,
        },
    ],
    ("pos", "receipts"): [
        # krzysztof again: his card at the till
        {
            "receipt_id": "R-1",
            "store_id": "S-PL",
            "store_country_code": "PL",
            "loyalty_card_number": "PL-000111",
            "customer_phone": None,
            "currency_code": "PLN",
            "total_amount": 99,
        },
    ],
    ("erp", "business_partners"): [
        # maria again: "given family" without a comma, email as in CRM
        {
            "partner_id": "BP-ES-1",
            "partner_name": "María José García López",
            "email": "mj.garcia@correo.es",
            "phone": None,
            "street": "Calle Mayor 12",
            "postal_code": "28013",
            "city": "Madrid",
            "country_code": "ES",
        },
    ],
}


# a different retailer (Austria, Sweden): its own formats, SEK amounts
RETAILER_AT = datetime(2026, 10, 30, 8, 0)
RETAILER_ROWS: dict[tuple[str, str], list[dict[str, object]]] = {
    ("crm", "contacts"): [
        {
            "contact_id": "SF-003X1",
            "first_name": "  JOHANN ",
            "last_name": "STRAUß",
            "email": " J.Strauss@Example.AT ",
            "phone": "0664 123 4567",
            "birth_date": "25.10.1975",
            "street": "Ringstr. 12",
            "postal_code": "1010",
            "city": "WIEN",
            "country_code": "at",
            "created_at": RETAILER_AT,
            "updated_at": RETAILER_AT,
        },
        {
            "contact_id": "SF-003X2",
            "first_name": "Åsa",
            "last_name": "Lindqvist-Berg",
            "email": "info@lindqvist.se",
            "phone": "+46 (0)70 123 45 67",
            "birth_date": None,
            "street": "Storgatan 3",
            "postal_code": "111 22",
            "city": "Stockholm",
            "country_code": "SE",
            "created_at": RETAILER_AT,
            "updated_at": RETAILER_AT,
        },
    ],
    ("shop", "customers"): [
        {
            "customer_id": 42,
            "email": "asa.lb@mail.se",
            "first_name": "Asa",
            "last_name": "Lindqvist Berg",
            "phone": None,
            "street": None,
            "postal_code": None,
            "city": None,
            "country_code": "SE",
            "created_at": RETAILER_AT,
            "updated_at": RETAILER_AT,
        },
    ],
    ("shop", "orders"): [
        {
            "order_id": 1,
            "customer_id": 42,
            "guest_email": None,
            "guest_first_name": None,
            "guest_last_name": None,
            "guest_phone": None,
            "shipping_postal_code": "11122",
            "shipping_country_code": "SE",
            "status": "completed",
            "currency_code": "sek",
            "discount_amount": Decimal("0.00"),
            "shipping_amount": Decimal("49.00"),
            "order_total": Decimal("1049.00"),
            "ordered_at": RETAILER_AT,
        },
    ],
    ("shop", "order_lines"): [
        {
            "order_line_id": 10,
            "order_id": 1,
            "sku": "x-1",
            "quantity": 2,
            "unit_price": Decimal("500.00"),
            "discount_amount": Decimal("0.00"),
        },
    ],
}


def write_raw(out: Path) -> None:
    """Every contract table, empty unless one of the row sets fills it; a
    timestamp a row leaves out is T."""
    for source, table in contracts.all_tables():
        schema = contracts.schema(source, table)
        rows = PEOPLE_ROWS.get((source, table), []) + RETAILER_ROWS.get(
            (source, table), []
        )
        columns = {}
        for field in schema:
            if field.name == "_loaded_at":
                values = [LOADED_AT] * len(rows)
            elif pa.types.is_timestamp(field.type):
                values = [row.get(field.name, T) for row in rows]
            else:
                values = [row.get(field.name) for row in rows]
            columns[field.name] = pa.array(values, type=field.type)
        path = out / source / f"{table}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.table(columns, schema=schema), path)
