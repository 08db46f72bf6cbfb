"""fct_identity_health keeps one row per build through --full-refresh, and
a build whose customer count moves beyond var
identity_health_max_customer_change fails unless the change is accepted."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from tests.conftest import run_dbt


def _rows(path: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_health_is_kept_per_build_and_a_jump_fails_until_accepted(
    warehouse: Path, small_raw: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "health.duckdb"
    shutil.copyfile(warehouse, copy)
    ((builds, customers, new_ids),) = _rows(
        copy,
        "select count(*), max(customers), max(new_customer_ids)"
        " from main_marts.fct_identity_health",
    )
    assert builds == 1
    assert new_ids == customers  # the first build created every id

    # a later build (planted) had twice the customers
    con = duckdb.connect(str(copy))
    try:
        con.execute(
            "insert into main_marts.fct_identity_health"
            " select * replace ('planted' as build_invocation_id,"
            " built_at + interval 1 second as built_at, customers * 2 as customers)"
            " from main_marts.fct_identity_health"
        )
    finally:
        con.close()
    select = ["--select", "fct_identity_health+"]
    failed = run_dbt(["build", "--full-refresh", *select], small_raw, copy, tmp_path)
    assert failed.returncode != 0
    assert "assert_identity_health_within_limits" in failed.stdout

    accepted = run_dbt(
        [
            "build",
            "--full-refresh",
            *select,
            "--vars",
            "{identity_health_accept_changes: true}",
        ],
        small_raw,
        copy,
        tmp_path,
    )
    assert accepted.returncode == 0, accepted.stdout[-4000:]
    # every build kept through --full-refresh: the first, the planted one
    # and the two above
    history = _rows(
        copy,
        "select customers, previous_customers, customer_change_share"
        " from main_marts.fct_identity_health order by built_at",
    )
    assert len(history) == 4
    assert history[-1][0] == customers
    assert history[-1][2] == 0.0
    assert abs(history[-2][2] - (-0.5)) < 1e-9
