"""The Customer 360 app (Streamlit): customer lookup, value segments and
identity health, read-only on a built warehouse.

Started by `c360 app` (`make app`), which passes the warehouse in
C360_WAREHOUSE. Each page run opens its own read-only connection and closes
it at the end, so a `dbt build` can take the file between two clicks (DuckDB
lets one process write a file only when no other holds it).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

import altair as alt
import duckdb
import pandas as pd
import streamlit as st

from c360.app import queries
from c360.warehouse import connect


def _connect() -> duckdb.DuckDBPyConnection:
    return connect(Path(os.environ.get("C360_WAREHOUSE", "warehouse/c360.duckdb")))


def _table(frame: pd.DataFrame, empty: str) -> None:
    """A small table as HTML (readable and searchable in the page), or a
    line saying there is nothing."""
    if frame.empty:
        st.caption(empty)
    else:
        st.table(frame.reset_index(drop=True))


def _grid(frame: pd.DataFrame, empty: str) -> None:
    """A table that may be long, as a scrollable grid."""
    if frame.empty:
        st.caption(empty)
    else:
        st.dataframe(frame, hide_index=True)


# sections that may be long are shown as scrollable grids, the others as
# tables (readable and searchable in the page)
GRID_SECTIONS = {
    "Source records",
    "Purchases and returns",
    "Service tickets",
    "Campaigns",
}
NOTES = {
    "Why these records are one customer": (
        "Each edge joins two records by a rule. Accepted edges make the "
        "customer; rejected and quarantined ones were proposed and refused "
        "(the reason says why). Probabilistic edges carry the match weight "
        "(log2 Bayes factor) of every compared field."
    ),
    "Consent": (
        "A purpose with no decision here, or any doubtful decision, "
        "counts as no consent."
    ),
    "Erasure": (
        "This customer is erased: nothing personal is shown. Their records "
        "stay linked so that new data about them is erased too."
    ),
}
EMPTY = {
    "Why these records are one customer": "One record: nothing was merged.",
    "Consent": "No consent decisions: no consent.",
}


def _section(title: str, rows: pd.DataFrame) -> None:
    st.subheader(title)
    if title in NOTES:
        st.caption(NOTES[title])
    if title == "Why these records are one customer" and not rows.empty:
        _table(
            rows.groupby(["status", "match_rule"], as_index=False)
            .agg(edges=("match_rule", "size"))
            .sort_values(["status", "edges"], ascending=[True, False]),
            "",
        )
        _grid(rows, "")
        return
    empty = EMPTY.get(title, f"No {title.lower()}.")
    (_grid if title in GRID_SECTIONS else _table)(rows, empty)


def _profile(wh: queries.Warehouse, customer_id: str) -> None:
    row = queries.profile_row(wh, customer_id)
    if row is None:
        st.error(f"No customer {customer_id} in this warehouse.")
        return
    if row["is_erased"]:
        st.header(f"Customer {customer_id}")
        st.warning("Erased customer")
    else:
        st.header(row["full_name"] or f"Customer {customer_id}")
        st.caption(
            f"customer id {customer_id} · {row['record_count']} records from "
            f"{row['source_systems']} · value tier {row['value_tier']} · "
            f"{row['lifecycle_stage']}"
        )
    for title, rows in queries.profile_sections(wh, customer_id, row):
        _section(title, rows)


def lookup_page() -> None:
    st.title("Customer lookup")
    # the search box keeps its own state (a changing default would make it a
    # new widget on every search); the link's ?q= only fills it at first
    if "q" not in st.session_state:
        st.session_state["q"] = st.query_params.get("q", "")
    text = st.text_input(
        "Name, email, phone, customer id or source record key", key="q"
    )
    if not text:
        st.caption("Type to search; an email, phone or id finds any record's.")
        return
    st.query_params["q"] = text
    with _connect() as con:
        wh = queries.Warehouse(con)
        found = queries.search_customers(wh, text)
        if found.empty:
            st.info(f"No customer matches “{text}”.")
            return
        labels = {
            row.customer_id: f"{row.full_name or '(erased)'} · {row.email or ''} · "
            f"{row.customer_id}"
            for row in found.itertuples()
        }
        st.caption(
            f"{len(found)} customers match"
            + (
                f" (the first {queries.SEARCH_LIMIT})"
                if len(found) == queries.SEARCH_LIMIT
                else ""
            )
        )
        chosen = st.selectbox("Customer", list(labels), format_func=labels.get)
        _profile(wh, chosen)


def segments_page() -> None:
    st.title("Value segments")
    with _connect() as con:
        segments = queries.value_segments(queries.Warehouse(con))
    if segments.empty:
        st.info("No segments: the warehouse has no customers.")
        return
    st.subheader("Customers per value tier and lifecycle stage")
    st.bar_chart(
        segments, x="value_tier", y="customers", color="lifecycle_stage", sort=False
    )
    st.subheader("Gross margin per value tier and lifecycle stage")
    st.bar_chart(
        segments,
        x="value_tier",
        y="gross_margin_reporting",
        color="lifecycle_stage",
        sort=False,
    )
    st.subheader("Reachable share per value tier")
    per_tier = segments.groupby("value_tier", sort=False, as_index=False)[
        ["customers", "reachable_customers"]
    ].sum()
    per_tier["reachable_share"] = (
        per_tier["reachable_customers"] / per_tier["customers"]
    )
    st.bar_chart(per_tier, x="value_tier", y="reachable_share", sort=False)
    st.subheader("Segments")
    st.table(segments)


def _over_builds(health: pd.DataFrame, measures: list[str], bars: bool = False) -> None:
    """One line (or bar group) per measure over the builds, oldest first;
    points drawn, so a single build shows too."""
    long = health.melt(id_vars="build", value_vars=measures, var_name="measure")
    base = alt.Chart(long).encode(
        x=alt.X("build:O", sort=None, title="build (started at)"),
        y=alt.Y("value:Q", title=None),
        color=alt.Color("measure:N", title=None),
    )
    if bars:
        chart = base.mark_bar().encode(xOffset="measure:N")
    else:
        chart = base.mark_line(point=True)
    st.altair_chart(chart.properties(height=260))


def health_page() -> None:
    st.title("Identity health")
    with _connect() as con:
        health = queries.identity_health(queries.Warehouse(con))
    if health.empty:
        st.info("No builds recorded yet.")
        return
    health["build"] = health["built_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    st.caption(f"{len(health)} builds, the last at {health['build'].iloc[-1]}")
    st.subheader("Customers and records")
    _over_builds(health, ["customers", "records"])
    st.subheader("Merges, splits and new customer ids per build")
    _over_builds(
        health,
        ["new_customer_ids", "merged_customer_ids", "split_customer_ids"],
        bars=True,
    )
    st.subheader("Edges per verdict")
    _over_builds(health, ["accepted_edges", "rejected_edges", "quarantined_edges"])
    st.subheader("Merge rate and single-record share")
    _over_builds(health, ["merge_rate", "single_record_customer_share"])
    st.subheader("Builds")
    st.dataframe(health.drop(columns="build"), hide_index=True)


def _guarded(page: Callable[[], None]) -> Callable[[], None]:
    """The page, or one clear line when the warehouse cannot be read (not
    built yet, or held by a running `dbt build`)."""

    @functools.wraps(page)
    def shown() -> None:
        try:
            page()
        except (FileNotFoundError, RuntimeError) as exc:
            st.error(str(exc))

    return shown


def main() -> None:
    st.set_page_config(page_title="Customer 360", layout="wide")
    page = st.navigation(
        [
            st.Page(_guarded(lookup_page), title="Customer lookup", default=True),
            st.Page(
                _guarded(segments_page), title="Value segments", url_path="segments"
            ),
            st.Page(_guarded(health_page), title="Identity health", url_path="health"),
        ]
    )
    page.run()


main()
