"""Integration: the real dbt project builds on generated and foreign data."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from c360.cli import main
from c360.freshness import read_verdicts, run_freshness
from c360.generator import Params, contracts, generate
from c360.quality import validate_marts
from c360.raw import missing_tables
from tests.conftest import ROOT, run_dbt, tool

pytestmark = pytest.mark.integration

# Master records with a planted defect stay staged and carry a flag.
FLAGGED_DEFECTS = {
    ("crm.contacts", "bad_birth_date"): (
        "stg_crm__contacts",
        "contact_id",
        "has_invalid_birth_date",
    ),
    ("crm.contacts", "bad_timestamp"): (
        "stg_crm__contacts",
        "contact_id",
        "has_invalid_created_at",
    ),
    ("shop.customers", "bad_timestamp"): (
        "stg_shop__customers",
        "customer_id",
        "has_invalid_created_at",
    ),
    ("erp.business_partners", "bad_timestamp"): (
        "stg_erp__business_partners",
        "partner_id",
        "has_invalid_created_at",
    ),
    ("erp.products", "negative_amount"): (
        "stg_erp__products",
        "sku",
        "not is_unit_cost_valid",
    ),
    ("loyalty.members", "bad_timestamp"): (
        "stg_loyalty__members",
        "member_id",
        "has_invalid_enrolled_at",
    ),
    ("marketing.campaigns", "bad_timestamp"): (
        "stg_marketing__campaigns",
        "campaign_id",
        "has_invalid_scheduled_at",
    ),
}


def _quarantine_union(con: duckdb.DuckDBPyConnection) -> str:
    names = [
        r[0]
        for r in con.execute(
            "select table_name from information_schema.tables "
            "where table_name like 'stg\\_%\\_\\_quarantined_rows' escape '\\'"
        ).fetchall()
    ]
    assert len(names) == len(contracts.CONTRACTS)  # one per system
    return " union all ".join(
        f"select source_table, record_key, quarantine_reason from main_staging.{n}"
        for n in names
    )


def test_every_planted_defect_is_quarantined_or_flagged(
    warehouse: Path, small_raw: Path
) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    planted = con.execute(
        f"select source_table, record_key, defect from "
        f"'{small_raw}/_ground_truth/planted_defects.parquet'"
    ).fetchall()
    assert len(planted) > 50
    quarantined = {(t, k) for t, k, _ in con.execute(_quarantine_union(con)).fetchall()}
    missed = []
    for table, key, defect in planted:
        if (table, defect) in FLAGGED_DEFECTS:
            model, key_column, flag = FLAGGED_DEFECTS[(table, defect)]
            hit = con.execute(
                f"select count(*) from main_staging.{model} "
                f"where cast({key_column} as varchar) = ? and {flag}",
                [key],
            ).fetchone()[0]
            if hit != 1:
                missed.append((table, key, defect))
        elif (table, key) not in quarantined:
            missed.append((table, key, defect))
    assert missed == []


def test_raw_rows_reconcile_with_staged_and_quarantined(
    warehouse: Path, small_raw: Path
) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    union = _quarantine_union(con)
    for source, table in contracts.all_tables():
        raw = pq.read_metadata(small_raw / source / f"{table}.parquet").num_rows
        staged = con.execute(
            f"select count(*) from main_staging.stg_{source}__{table}"
        ).fetchone()[0]
        held = con.execute(
            f"select count(*) from ({union}) where source_table = ?",
            [f"{source}.{table}"],
        ).fetchone()[0]
        assert raw == staged + held, f"{source}.{table}"


def test_amounts_are_converted_to_the_reporting_currency(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute(
        "select currency_code, count(*), "
        "sum(case when order_total = order_total_reporting then 1 else 0 end) "
        "from main_staging.stg_shop__orders group by 1 order by 1"
    ).fetchall()
    by_currency = {c: (n, same) for c, n, same in rows}
    assert set(by_currency) >= {"EUR", "GBP", "USD"}
    assert by_currency["EUR"][0] == by_currency["EUR"][1]  # EUR is unchanged
    assert by_currency["GBP"][1] < by_currency["GBP"][0]


def test_empty_and_absent_systems_pass_the_whole_gate(
    tmp_path: Path,
) -> None:
    """A retailer without POS, service and marketing exports them empty; one
    without web sends no files at all (`c360 fill-missing` writes them
    empty). Build, tests, freshness (empty tables warn) and the Great
    Expectations suites all pass."""
    raw = tmp_path / "raw"
    generate(
        Params(
            persons=200,
            seed=3,
            as_of=datetime(2026, 11, 1),
            loaded_at=datetime.now(UTC).replace(tzinfo=None),
            empty_systems=("pos", "service", "marketing"),
        ),
        raw,
    )
    shutil.rmtree(raw / "web")
    assert main(["fill-missing", "--raw", str(raw)]) == 0
    assert not missing_tables(raw)
    warehouse = tmp_path / "w.duckdb"
    result = run_dbt(["build", "--full-refresh"], raw, warehouse, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = con.execute(
            "select (select count(*) from main_staging.stg_pos__receipts),"
            " (select count(*) from main_staging.stg_web__events),"
            " (select count(*) from main_staging.stg_crm__contacts)"
        ).fetchone()
    finally:
        con.close()
    assert counts[0] == 0
    assert counts[1] == 0
    assert counts[2] > 0

    env = {"C360_RAW_DIR": str(raw), "C360_WAREHOUSE": str(warehouse)}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setenv("DBT_PROFILES_DIR", str(ROOT))
        freshness = run_freshness(tool("dbt"), ROOT, tmp_path / "fresh")
    assert freshness == 0
    verdicts = read_verdicts(tmp_path / "fresh" / "sources.json")
    empty = {v.source for v in verdicts if v.status == "empty"}
    assert "web.events" in empty
    assert "pos.receipts" in empty
    assert {v.status for v in verdicts} <= {"pass", "empty"}

    report = validate_marts(
        warehouse, tmp_path / "docs", ROOT, tmp_path / "target" / "manifest.json"
    )
    assert report.success, report.summary()


def test_a_stale_table_with_rows_still_fails_freshness(tmp_path: Path) -> None:
    sources = tmp_path / "sources.json"
    sources.write_text(
        json.dumps(
            {
                "results": [
                    {
                        "unique_id": "source.c360.crm.contacts",
                        "status": "error",
                        "max_loaded_at": "2020-01-01T00:00:00+00:00",
                    },
                    {
                        "unique_id": "source.c360.pos.receipts",
                        "status": "error",
                        "max_loaded_at": "0001-01-01T00:00:00+00:00",
                    },
                ]
            }
        )
    )
    verdicts = {v.source: v.status for v in read_verdicts(sources)}
    assert verdicts == {"crm.contacts": "error", "pos.receipts": "empty"}


def test_foreign_data_builds_without_code_changes(foreign_warehouse: Path) -> None:
    """A different retailer's exports (Austria, Sweden; RETAILER_ROWS in
    tests/foreign_raw.py) build, every test passing (the fixture), and
    staging reads their formats."""
    con = duckdb.connect(str(foreign_warehouse), read_only=True)
    contacts = {
        r[0]: r[1:]
        for r in con.execute(
            "select contact_id, first_name, last_name_normalized, email, phone_e164, "
            "birth_date, street_normalized, city, is_email_role_mailbox, country_code "
            "from main_staging.stg_crm__contacts"
        ).fetchall()
    }
    johann = contacts["SF-003X1"]
    assert johann[:4] == ("Johann", "strauss", "j.strauss@example.at", "+436641234567")
    assert str(johann[4]) == "1975-10-25"
    assert johann[5:7] == ("ringstr 12", "Wien")
    assert johann[8] == "AT"
    asa = contacts["SF-003X2"]
    assert asa[1] == "lindqvist berg"
    assert asa[3] == "+46701234567"
    assert asa[7] is True
    total = con.execute(
        "select order_total_reporting from main_staging.stg_shop__orders"
        " where order_id = 1"
    ).fetchone()[0]
    assert Decimal("80") < total < Decimal("110")  # SEK converted to EUR
