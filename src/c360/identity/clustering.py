"""Connected components of the identity graph, for the dbt Python models.

The records and edges stay in DuckDB: records are numbered there (in no
particular order: sorting millions of record ids cost more than the graph
search) and edges arrive as pairs of numbers, so Python holds only integer
arrays (a few bytes per record and edge, also at millions of each). scipy's
graph search labels every component in one pass, so a chain of any length
resolves completely within one build. Back in DuckDB a component is named by
its smallest record id, which makes the labels deterministic.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def number_components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For nodes 0..n-1 and undirected edges a[i]-b[i], a number per
    component (0, 1, ... in the order of each component's first node)."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    graph = coo_matrix(
        (np.ones(len(a), dtype=np.int8), (np.asarray(a), np.asarray(b))),
        shape=(n, n),
    )
    return connected_components(graph, directed=False)[1].astype(np.int64)


def label_components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For nodes 0..n-1 and undirected edges a[i]-b[i], the smallest node of
    each node's component."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    labels = number_components(n, a, b)
    # nodes are visited in order, so the first node of a label is its minimum
    _, first = np.unique(labels, return_index=True)
    smallest = np.empty(labels.max() + 1, dtype=np.int64)
    smallest[labels[first]] = first
    return smallest[labels]


def cluster_records(
    session: Any, records_sql: str, edges_sql: str, label: str
) -> pa.Table:
    """Components of the records in `records_sql` (column record_id) joined
    by the edges in `edges_sql` (columns record_id_a, record_id_b).

    Returns an Arrow table (record_id, <label>), the label being the smallest
    record id of the record's component."""
    numbered_sql = f"""
        select
            record_id,
            row_number() over () - 1 as node
        from ({records_sql}) as records
    """
    session.execute(f"create or replace temp table c360_nodes as {numbered_sql}")
    n = session.execute("select count(*) from c360_nodes").fetchall()[0][0]
    pairs = session.sql(
        f"""
        select node_a.node as a, node_b.node as b
        from ({edges_sql}) as edges
        inner join c360_nodes as node_a
            on edges.record_id_a = node_a.record_id
        inner join c360_nodes as node_b
            on edges.record_id_b = node_b.record_id
        """
    ).fetchnumpy()
    n = int(n)
    labels = pa.table(
        {
            "node": pa.array(np.arange(n, dtype=np.int64)),
            "component": pa.array(number_components(n, pairs["a"], pairs["b"])),
        }
    )
    session.register("c360_labels", labels)
    try:
        return session.sql(
            f"""
            with labelled as (
                select nodes.record_id, labels.component
                from c360_labels as labels
                inner join c360_nodes as nodes
                    on labels.node = nodes.node
            ),

            anchors as (
                select component, min(record_id) as anchor_record_id
                from labelled
                group by component
            )

            select
                labelled.record_id,
                anchors.anchor_record_id as {label}
            from labelled
            inner join anchors
                on labelled.component = anchors.component
            """
        ).to_arrow_table()
    finally:
        session.unregister("c360_labels")
        session.execute("drop table if exists c360_nodes")
