"""Integration: identity resolution on a generated data set."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from c360.identity.evaluate import evaluate
from tests.conftest import run_dbt

pytestmark = pytest.mark.integration


def _customer_ids(path: Path) -> dict[str, str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "select record_id, customer_id from main_identity.int_records_resolved"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def test_resolution_scores_against_ground_truth(
    warehouse: Path, small_raw: Path
) -> None:
    report = evaluate(warehouse, small_raw / "_ground_truth")
    assert report.records_scored > 1000
    assert report.pairwise_precision >= 0.99
    assert report.pairwise_recall >= 0.9
    # the oracle over the candidate edges can only do better than the rules,
    # and cannot reach pairs no candidate edge connects
    assert report.pairwise_recall <= report.evidence_ceiling_recall <= 1.0
    assert report.pairwise_recall <= report.recall_of_evidenced_pairs <= 1.0
    assert {r["match_rule"] for r in report.rules} >= {
        "shared_email",
        "shared_phone",
        "shared_loyalty_card",
        "fuzzy_name_address",
    }


def test_every_record_has_one_current_customer(warehouse: Path) -> None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        records, resolved, customers = con.execute(
            """
            select
                (select count(*) from main_identity.int_identity_records_unioned),
                (select count(*) from main_identity.int_records_resolved),
                (select count(distinct customer_id)
                 from main_identity.int_records_resolved)
            """
        ).fetchall()[0]
    finally:
        con.close()
    assert records == resolved
    assert 0 < customers < records


def test_customer_ids_survive_a_rebuild(
    warehouse: Path, small_raw: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "c360.duckdb"
    shutil.copy(warehouse, copy)
    before = _customer_ids(copy)
    # --full-refresh rebuilds every table but keeps the id history; the
    # data tests already ran on the first build of the same data
    result = run_dbt(
        [
            "build",
            "--full-refresh",
            "--select",
            "int_records_resolved+",
            "--exclude-resource-type",
            "test",
        ],
        small_raw,
        copy,
        tmp_path,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    assert _customer_ids(copy) == before
    con = duckdb.connect(str(copy), read_only=True)
    try:
        runs = con.execute(
            """
            select count(distinct invocation_id)
            from main_identity.int_customer_id_changes_logged
            """
        ).fetchall()[0][0]
    finally:
        con.close()
    assert runs == 1  # the rebuild changed nothing, so it logged nothing
