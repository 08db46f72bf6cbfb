"""Accuracy of identity resolution against the generator's ground truth.

Reads the warehouse's record-to-customer assignment and the generator's
record-to-person truth (which no dbt model reads) and measures, in DuckDB:

- pairwise precision, recall and F1: over all pairs of records, is "same
  customer" the same as "same person"?
- B-cubed precision and recall: the same question asked per record and
  averaged, so that large clusters do not dominate;
- cluster-level errors: customers that mix several people (over-merged) and
  people spread over several customers (split);
- each rule's edges: how many were accepted, and how many of them join
  records of different people; quarantined and rejected edges likewise;
- the evidence ceiling: the pairwise recall of an oracle that accepts
  exactly the candidate edges (any status) joining records of one person and
  closes them transitively. Pairs of one person that no chain of candidate
  edges connects have no evidence any rule looks at; the ceiling says how
  much recall the data allows, and `recall_of_evidenced_pairs` how much of
  that the rules recover.

Only *identifiable* records are scored: those carrying something about a
person (a first or last name, an email, a phone, a birth date, a national id)
or a reference to another record's key (a ticket's CRM contact, a receipt's
loyalty card). A record's own key does not count, so the same data scores the
same whichever source contract it is loaded through. A browser that never
logged in says nothing about who uses it; it is counted and reported, not
scored.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from c360.identity.clustering import label_components
from c360.warehouse import connect, schema_of


@dataclass
class Report:
    records_total: int
    records_scored: int
    records_unidentifiable: int
    records_without_truth: int
    customers: int
    persons: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    over_merged_customers: int
    split_persons: int
    evidence_ceiling_recall: float
    recall_of_evidenced_pairs: float
    rules: list[dict[str, object]] = field(default_factory=list)
    quarantined: list[dict[str, object]] = field(default_factory=list)
    rejected: list[dict[str, object]] = field(default_factory=list)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, object]]:
    result = con.execute(sql)
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def evaluate(warehouse: Path, truth_dir: Path) -> Report:
    truth_file = truth_dir / "record_person.parquet"
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    if not truth_file.exists():
        raise FileNotFoundError(f"no ground truth at {truth_file}")
    con = connect(warehouse)
    try:
        schema = schema_of(con, "int_records_resolved")
        con.execute(
            f"""
            create temp table scored as
            with truth as (
                select source_table || ':' || record_id as record_id, person_id
                from read_parquet('{truth_file.as_posix()}')
            ),
            identifiable as (
                select record_id from {schema}.int_identifiers_unioned
                where not is_key_owner
                union
                select record_id from {schema}.int_identity_records_unioned
                where
                    first_name is not null
                    or last_name is not null
                    or email is not null
                    or phone is not null
                    or birth_date is not null
                    or national_id_hash is not null
            )
            select
                resolved.record_id,
                resolved.customer_id,
                truth.person_id,
                identifiable.record_id is not null as is_identifiable
            from {schema}.int_records_resolved as resolved
            left join truth on resolved.record_id = truth.record_id
            left join identifiable
                on resolved.record_id = identifiable.record_id
            """
        )
        total, unidentifiable, no_truth = con.execute(
            """
            select
                count(*),
                count(*) filter (where not is_identifiable),
                count(*) filter (where person_id is null)
            from scored
            """
        ).fetchall()[0]
        con.execute(
            """
            create temp table cells as
            select customer_id, person_id, count(*) as n
            from scored
            where is_identifiable and person_id is not null
            group by customer_id, person_id
            """
        )
        (
            scored_n,
            customers,
            persons,
            correct,
            predicted,
            true_pairs,
            b_precision,
            b_recall,
            over_merged,
            split,
        ) = con.execute(
            """
            with by_customer as (
                select customer_id, sum(n) as n, count(*) as people
                from cells group by customer_id
            ),
            by_person as (
                select person_id, sum(n) as n, count(*) as customers
                from cells group by person_id
            ),
            cells_sized as (
                select cells.n, by_customer.n as customer_n,
                       by_person.n as person_n
                from cells
                inner join by_customer using (customer_id)
                inner join by_person using (person_id)
            )
            select
                (select sum(n) from cells),
                (select count(*) from by_customer),
                (select count(*) from by_person),
                (select sum(n * (n - 1) / 2) from cells),
                (select sum(n * (n - 1) / 2) from by_customer),
                (select sum(n * (n - 1) / 2) from by_person),
                (select sum(n * n / customer_n) / sum(n) from cells_sized),
                (select sum(n * n / person_n) / sum(n) from cells_sized),
                (select count(*) from by_customer where people > 1),
                (select count(*) from by_person where customers > 1)
            """
        ).fetchall()[0]
        precision = float(correct) / float(predicted) if predicted else 1.0
        recall = float(correct) / float(true_pairs) if true_pairs else 1.0
        edge_truth = f"""
            with truth as (
                select source_table || ':' || record_id as record_id, person_id
                from read_parquet('{truth_file.as_posix()}')
            )
            select
                edges.match_rule,
                edges.status,
                coalesce(edges.reason, '') as reason,
                count(*) as edges,
                count(*) filter (
                    where truth_a.person_id <> truth_b.person_id
                ) as edges_joining_different_people
            from {schema}.int_identity_edges_guarded as edges
            left join truth as truth_a on edges.record_id_a = truth_a.record_id
            left join truth as truth_b on edges.record_id_b = truth_b.record_id
            where edges.record_id_a is not null
            group by all
            order by edges.status, edges.match_rule, reason
        """
        edge_rows = _rows(con, edge_truth)
        ceiling_pairs, evidenced_correct = _evidence_ceiling(con, schema)
        ceiling = float(ceiling_pairs) / float(true_pairs) if true_pairs else 1.0
        evidenced = (
            float(evidenced_correct) / float(ceiling_pairs) if ceiling_pairs else 1.0
        )
        return Report(
            records_total=int(total),
            records_scored=int(scored_n or 0),
            records_unidentifiable=int(unidentifiable),
            records_without_truth=int(no_truth),
            customers=int(customers),
            persons=int(persons),
            pairwise_precision=precision,
            pairwise_recall=recall,
            pairwise_f1=_f1(precision, recall),
            true_pairs=int(true_pairs or 0),
            predicted_pairs=int(predicted or 0),
            correct_pairs=int(correct or 0),
            bcubed_precision=float(b_precision or 0),
            bcubed_recall=float(b_recall or 0),
            bcubed_f1=_f1(float(b_precision or 0), float(b_recall or 0)),
            over_merged_customers=int(over_merged),
            split_persons=int(split),
            evidence_ceiling_recall=ceiling,
            recall_of_evidenced_pairs=evidenced,
            rules=[r for r in edge_rows if r["status"] == "accepted"],
            quarantined=[r for r in edge_rows if r["status"] == "quarantined"],
            rejected=[r for r in edge_rows if r["status"] == "rejected"],
        )
    finally:
        con.close()


def _evidence_ceiling(con: duckdb.DuckDBPyConnection, schema: str) -> tuple[int, int]:
    """Pairs of one person that candidate edges of one person connect, and
    how many of them share a customer. Needs the temp table `scored`."""
    con.execute(
        """
        create temp table oracle_nodes as
        select
            record_id,
            customer_id,
            person_id,
            row_number() over (order by record_id) - 1 as node
        from scored
        where is_identifiable and person_id is not null
        """
    )
    n = con.execute("select count(*) from oracle_nodes").fetchall()[0][0]
    pairs = con.execute(
        f"""
        select node_a.node as a, node_b.node as b
        from {schema}.int_identity_edges_guarded as edges
        inner join oracle_nodes as node_a on edges.record_id_a = node_a.record_id
        inner join oracle_nodes as node_b on edges.record_id_b = node_b.record_id
        where node_a.person_id = node_b.person_id
        """
    ).fetchnumpy()
    anchors = label_components(int(n), pairs["a"], pairs["b"])
    labels = pa.table({"node": np.arange(int(n), dtype=np.int64), "component": anchors})
    con.register("oracle_labels", labels)
    ceiling_pairs, evidenced_correct = con.execute(
        """
        with labelled as (
            select oracle_nodes.customer_id, oracle_labels.component
            from oracle_nodes
            inner join oracle_labels on oracle_nodes.node = oracle_labels.node
        ),
        by_component as (
            select component, count(*) as n from labelled group by component
        ),
        by_component_customer as (
            select component, customer_id, count(*) as n
            from labelled group by component, customer_id
        )
        select
            (select sum(n * (n - 1) / 2) from by_component),
            (select sum(n * (n - 1) / 2) from by_component_customer)
        """
    ).fetchall()[0]
    con.unregister("oracle_labels")
    return int(ceiling_pairs or 0), int(evidenced_correct or 0)


def render(report: Report) -> str:
    lines = [
        "identity resolution against ground truth",
        f"  records scored        {report.records_scored:>12,} "
        f"(of {report.records_total:,}; {report.records_unidentifiable:,} "
        "carry no name or identifier)",
        f"  customers / persons   {report.customers:>12,} / {report.persons:,}",
        f"  pairwise precision    {report.pairwise_precision:12.5f}",
        f"  pairwise recall       {report.pairwise_recall:12.5f}",
        f"  pairwise F1           {report.pairwise_f1:12.5f}",
        f"  B-cubed precision     {report.bcubed_precision:12.5f}",
        f"  B-cubed recall        {report.bcubed_recall:12.5f}",
        f"  over-merged customers {report.over_merged_customers:>12,}",
        f"  split persons         {report.split_persons:>12,}",
        f"  evidence ceiling      {report.evidence_ceiling_recall:12.5f}"
        "  (recall if every candidate edge were judged right)",
        f"  recall of evidenced   {report.recall_of_evidenced_pairs:12.5f}"
        "  (pairs some chain of candidate edges connects)",
        "  edges by rule (status, rule, reason: edges / joining different people)",
    ]
    for row in report.rules + report.quarantined + report.rejected:
        reason = f" [{row['reason']}]" if row["reason"] else ""
        lines.append(
            f"    {row['status']:<11} {row['match_rule']:<24}{reason} "
            f"{row['edges']:>10,} / {row['edges_joining_different_people']:,}"
        )
    return "\n".join(lines)


def write_json(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(report), indent=2, default=str) + "\n")
