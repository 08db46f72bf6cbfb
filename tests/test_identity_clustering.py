"""The connected-components helper behind the identity Python models."""

from __future__ import annotations

import duckdb
import numpy as np

from c360.identity.clustering import cluster_records, label_components


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
