"""Identity resolution on records our generator never writes.

Hand-made raw files, laid out per the source contracts, with names, scripts,
phone formats and countries the generator does not use (Spanish double
surnames, Polish diacritics, Portuguese and Czech numbers, an ERP partner
written "given family" without a comma, a Japanese phone outside the country
seed). The real project builds on them; the test states who is who and
checks the customers the build forms, and that the golden record keeps the
accents people wrote.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from c360.generator import contracts

from .conftest import run_dbt

LOADED_AT = datetime(2026, 11, 1)
T = datetime(2026, 5, 1, 12, 0)

# table -> rows; the comment before each group names the person
ROWS: dict[tuple[str, str], list[dict[str, object]]] = {
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

# who is who: record id -> person
PERSONS = {
    "crm.contacts:ES-1": "maria",
    "shop.customers:9001": "maria",
    "erp.business_partners:BP-ES-1": "maria",
    "crm.contacts:PL-1": "jan_a",
    "loyalty.members:M-PL-2": "jan_b",
    "crm.contacts:PT-1": "joao",
    "loyalty.members:M-PT-1": "joao",
    "shop.customers:9002": "yuki",
    "shop.orders:7001": "yuki",
    "shop.orders:7002": "hiroshi",
    "loyalty.members:M-PL-1": "krzysztof",
    "service.tickets:T-1": "krzysztof",
    "pos.receipts:R-1": "krzysztof",
}


def write_raw(out: Path) -> None:
    """Every contract table, empty unless ROWS fills it."""
    for source, table in contracts.all_tables():
        schema = contracts.schema(source, table)
        rows = ROWS.get((source, table), [])
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


@pytest.fixture(scope="module")
def foreign_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("foreign")
    raw = work / "raw"
    write_raw(raw)
    path = work / "c360.duckdb"
    result = run_dbt(
        ["build"],
        raw,
        path,
        work,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return path


def test_foreign_records_resolve_to_the_right_people(
    foreign_warehouse: Path,
) -> None:
    with duckdb.connect(str(foreign_warehouse), read_only=True) as con:
        resolved = dict(
            con.execute(
                "select record_id, customer_id from main_identity.int_records_resolved"
            ).fetchall()
        )
    assert set(PERSONS) <= set(resolved), set(PERSONS) - set(resolved)
    customers_of: dict[str, set[str]] = {}
    for record_id, person in PERSONS.items():
        customers_of.setdefault(person, set()).add(resolved[record_id])
    split = {p: c for p, c in customers_of.items() if len(c) > 1}
    assert not split, f"persons split over customers: {split}"
    persons_of: dict[str, set[str]] = {}
    for record_id, person in PERSONS.items():
        persons_of.setdefault(resolved[record_id], set()).add(person)
    merged = {c: p for c, p in persons_of.items() if len(p) > 1}
    assert not merged, f"customers merging persons: {merged}"


def test_golden_record_keeps_what_people_wrote(foreign_warehouse: Path) -> None:
    with duckdb.connect(str(foreign_warehouse), read_only=True) as con:
        rows = con.execute(
            """
            select
                golden.first_name, golden.last_name, golden.email,
                golden.phone, golden.city, golden.name__source
            from main_identity.int_golden_records_assembled as golden
            inner join main_identity.int_records_resolved as resolved
                on golden.customer_id = resolved.customer_id
            where resolved.record_id = 'crm.contacts:ES-1'
            """
        ).fetchall()
    assert rows == [
        (
            "María José",
            "García López",
            "mj.garcia@correo.es",
            "+34612345678",
            "Madrid",
            "crm.contacts",
        )
    ]
