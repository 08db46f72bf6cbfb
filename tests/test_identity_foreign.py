"""Identity resolution on records our generator never writes.

Hand-made raw files (PEOPLE_ROWS in tests/foreign_raw.py, built by the
session fixture foreign_warehouse), laid out per the source contracts, with
names, scripts, phone formats and countries the generator does not use
(Spanish double surnames, Polish diacritics, Portuguese and Czech numbers,
an ERP partner written "given family" without a comma, a Japanese phone
outside the country seed). The real project builds on them; the test
states who is who and checks the customers the build forms, and that the
golden record keeps the accents people wrote.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

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
