"""The connected-components helper behind the identity Python models, and
the SQL rounds that replace it on Spark."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import numpy as np
import pytest

from c360.identity.clustering import cluster_records, label_components
from tests.conftest import run_dbt


def test_a_chain_resolves_completely_in_one_pass() -> None:
    # 0-1, 1-2, ..., 98-99: one component however long the chain
    a = np.arange(99)
    labels = label_components(100, a, a + 1)
    assert set(labels.tolist()) == {0}


def test_components_are_named_by_their_smallest_member() -> None:
    labels = label_components(6, np.array([5, 3]), np.array([1, 4]))
    assert labels.tolist() == [0, 1, 2, 3, 3, 1]


def test_no_records_no_labels() -> None:
    assert label_components(0, np.array([]), np.array([])).tolist() == []


def _labels(records: str, edges: str) -> dict[str, str]:
    """Each record's component label from cluster_records, in DuckDB."""
    table = cluster_records(duckdb.connect(), records, edges, "component_id")
    return dict(
        zip(
            table["record_id"].to_pylist(),
            table["component_id"].to_pylist(),
            strict=True,
        )
    )


def test_cluster_records_labels_by_smallest_record_id() -> None:
    records = "select 'r' || i as record_id from range(6) as t(i)"
    edges = """
        select 'r1' as record_id_a, 'r4' as record_id_b
        union all select 'r4', 'r5'
        union all select 'r0', 'r3'
    """
    got = _labels(records, edges)
    assert got == {
        "r0": "r0",
        "r1": "r1",
        "r2": "r2",
        "r3": "r0",
        "r4": "r1",
        "r5": "r1",
    }


def test_cluster_records_names_by_record_id_whatever_the_input_order() -> None:
    # records arrive largest id first, so the first-numbered record of a
    # component is its largest id, never its name
    records = "select 'r' || (9 - i) as record_id from range(10) as t(i)"
    edges = """
        select 'r2' as record_id_a, 'r8' as record_id_b
        union all select 'r8', 'r5'
    """
    got = _labels(records, edges)
    assert got["r8"] == got["r5"] == got["r2"] == "r2"
    assert got["r9"] == "r9"
    assert len(got) == 10


@pytest.mark.integration
def test_sql_clustering_gives_the_python_clustering(
    warehouse: Path, small_raw: Path, tmp_path: Path
) -> None:
    """The SQL rounds Spark clusters with (macros/records_connected.sql),
    run on DuckDB over the small build's edges, label every record as the
    scipy pass did, and leave no work table behind."""
    copy = tmp_path / "c360.duckdb"
    shutil.copy(warehouse, copy)
    models = ["int_records_strongly_clustered", "int_records_clustered"]
    result = run_dbt(
        ["run", "-s", *models, "--vars", "{identity_clustering_in_sql: true}"],
        small_raw,
        copy,
        tmp_path,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    labels = ["strong_component_id", "component_id"]
    for model, label in zip(models, labels, strict=True):
        query = f"select record_id, {label} from main_identity.{model}"
        with duckdb.connect(str(warehouse), read_only=True) as con:
            python = set(con.execute(query).fetchall())
        with duckdb.connect(str(copy), read_only=True) as con:
            sql = set(con.execute(query).fetchall())
            leftovers = con.execute(
                "select table_name from information_schema.tables"
                " where table_name like '%clustered\\_\\_%' escape '\\'"
            ).fetchall()
        assert sql == python, model
        assert len({row[1] for row in python}) < len(python)  # some records joined
        assert leftovers == []
