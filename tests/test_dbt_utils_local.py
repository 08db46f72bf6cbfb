"""The local dbt_utils package behaves like dbt-labs/dbt_utils 1.x.

A tiny dbt project uses every macro the package holds; tests tagged
`expect_fail` must fail, everything else must pass, and the model outputs
must equal what dbt_utils would produce.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_dbt, tool

PROJECT = Path(__file__).resolve().parent / "dbt_utils_project"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("dbt_utils")
    warehouse = work / "utils.duckdb"
    subprocess.run(
        [tool("dbt"), "deps", "--project-dir", str(PROJECT)],
        cwd=PROJECT,
        check=True,
        capture_output=True,
        env={**__import__("os").environ, "DBT_PROFILES_DIR": str(PROJECT)},
    )
    result = run_dbt(
        ["build", "--exclude", "tag:expect_fail"],
        work,
        warehouse,
        work,
        project_dir=PROJECT,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return work


def _columns(warehouse: Path, table: str) -> list[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return [r[0] for r in con.execute(f"describe main.{table}").fetchall()]
    finally:
        con.close()


def test_star_lists_columns(built: Path) -> None:
    warehouse = built / "utils.duckdb"
    assert _columns(warehouse, "star_all") == ["id", "name", "city", "score"]
    assert _columns(warehouse, "star_except") == ["p_id_x", "p_name_x"]
    assert _columns(warehouse, "star_alias") == ["id", "name", "city"]


def test_surrogate_key_matches_dbt_utils_definition(built: Path) -> None:
    con = duckdb.connect(str(built / "utils.duckdb"), read_only=True)
    keys = dict(con.execute("select id, key from main.surrogate").fetchall())
    con.close()
    assert keys[1] == hashlib.md5(b"1-Berlin").hexdigest()
    assert keys[2] == hashlib.md5(b"2-_dbt_utils_surrogate_key_null_").hexdigest()


def test_generic_tests_fail_on_violations(built: Path) -> None:
    result = run_dbt(
        ["test", "--select", "tag:expect_fail"],
        built,
        built / "utils.duckdb",
        built,
        project_dir=PROJECT,
    )
    assert result.returncode != 0
    results = json.loads((built / "target" / "run_results.json").read_text())
    status = {
        r["unique_id"].split(".")[2]: (r["status"], r["failures"])
        for r in results["results"]
    }
    assert status == {
        "score_strictly_inside_0_10": ("fail", 2),
        "score_at_least_1": ("fail", 1),
        "score_below_5": ("fail", 2),
        "pairs_unique": ("fail", 1),
    }


def test_get_column_values_lists_grouped_values(built: Path) -> None:
    con = duckdb.connect(str(built / "utils.duckdb"), read_only=True)
    rows = con.execute(
        "select case_name, position, value from main.column_values"
        " order by case_name, position"
    ).fetchall()
    con.close()
    assert rows == [
        ("filtered", 1, "Cleo"),
        ("missing", 1, "fallback"),
        ("sorted", 1, "Berlin"),
        ("sorted", 2, "Paris"),
        ("sorted", 3, None),
    ]
