"""Great Expectations suites for the published marts, as code.

Each mart of `models/marts` has a suite built here: schema (the contracted
columns of the dbt manifest), keys, formats (email, E.164 phone, SHA-256),
ranges, distributions within documented bands, and row counts that must
agree with the identity and sales layers of the same warehouse. The marts
are read from DuckDB into pandas and validated through one GX checkpoint per
mart, whose action writes Data Docs HTML (GX's SQL datasource cannot share
DuckDB's single connection; DECISIONLOG.md, "Quality gate").

    c360 validate --warehouse warehouse/c360.duckdb

exits 1 with one line per failed expectation when any fails.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from c360.warehouse import connect, schema_of

# Bands of the distribution checks (DECISIONLOG.md, "Quality gate"). A
# value tier's share of buying customers may stray this far (relative) from
# its var value_tier_shares target: the cut is by rank, so only ties and the
# no_value carve-out move it.
TIER_SHARE_TOLERANCE = 0.2
# At least these shares of profiles (not erased) carry the attribute.
MIN_NOT_NULL = {"email": 0.80, "postal_code": 0.80, "phone": 0.80}

EMAIL_REGEX = r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"
E164_REGEX = r"^\+[1-9][0-9]{6,14}$"
SHA256_REGEX = r"^[0-9a-f]{64}$"

MARTS = (
    "dim_customer_360",
    "fct_sales_lines",
    "fct_customer_lifetime_values",
    "fct_value_segments",
    "dim_email_marketing_audience",
    "dim_sms_marketing_audience",
    "dim_personalisation_audience",
    "dim_third_party_sharing_audience",
    "fct_identity_health",
    "fct_identity_edges_per_build",
)

log = logging.getLogger(__name__)


@dataclass
class Failure:
    mart: str
    expectation: str
    column: str | None
    detail: str

    def line(self) -> str:
        target = f"{self.mart}.{self.column}" if self.column else self.mart
        return f"FAIL {target}: {self.expectation} ({self.detail})"


@dataclass
class Checked:
    """One expectation's outcome, passed or failed."""

    mart: str
    expectation: str
    column: str | None
    success: bool
    detail: str


@dataclass
class QualityReport:
    docs_index: Path
    checked: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    results: list[Checked] = field(default_factory=list)
    offline_page: Path | None = None

    @property
    def success(self) -> bool:
        return not self.failures

    def summary(self) -> str:
        total = sum(self.checked.values())
        lines = [
            f"{mart:<36} {count:>3} expectations"
            for mart, count in self.checked.items()
        ]
        lines += [failure.line() for failure in self.failures]
        lines += [f"WARN {warning}" for warning in self.warnings]
        verdict = "passed" if self.success else f"{len(self.failures)} failed"
        lines.append(f"great expectations: {total} expectations, {verdict}")
        lines.append(f"data docs: {self.docs_index}")
        if self.offline_page:
            lines.append(f"offline summary (no internet needed): {self.offline_page}")
        return "\n".join(lines)


@dataclass
class _Facts:
    """What the suites compare the marts with, read from the warehouse and
    the dbt project."""

    contract_columns: dict[str, list[str]]
    known_customers: int
    purchasing_customers: int
    tier_shares: list[tuple[str, float]]
    segment_rows_max: int
    sales_lines: int = 0
    max_age_years: int = 130
    max_customer_net_revenue: float = float("inf")


def _build_settings(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The vars the warehouse was built with (int_build_settings), not
    those in dbt_project.yml now: a build run with --vars is judged by the
    settings that made it."""
    relation = f"{schema_of(con, 'int_build_settings')}.int_build_settings"
    rows = con.execute(f"select setting_name, setting_json from {relation}")
    return {name: json.loads(value) for name, value in rows.fetchall()}


def _contract_columns(manifest_path: Path) -> dict[str, list[str]]:
    if not manifest_path.exists():
        raise FileNotFoundError(
            f"no dbt manifest at {manifest_path}; run `dbt build` or `dbt parse`"
        )
    nodes = json.loads(manifest_path.read_text())["nodes"]
    columns = {}
    for node in nodes.values():
        if node["resource_type"] == "model" and node["name"] in MARTS:
            columns[node["name"]] = list(node["columns"])
    missing = [mart for mart in MARTS if mart not in columns]
    if missing:
        raise FileNotFoundError(f"the manifest has no {', '.join(missing)}")
    return columns


def _facts(con: duckdb.DuckDBPyConnection, manifest_path: Path) -> _Facts:
    project_vars = _build_settings(con)
    anonymous = list(project_vars.get("anonymous_source_tables", []))
    resolved = f"{schema_of(con, 'int_records_resolved')}.int_records_resolved"
    placeholders = ", ".join("?" for _ in anonymous) or "null"
    known = con.execute(
        f"""
        select count(distinct customer_id) from {resolved}
        where source_table not in ({placeholders})
        """,
        anonymous,
    ).fetchone()
    purchases = schema_of(con, "int_customer_purchases_summarised")
    purchasing = con.execute(
        f"select count(*) from {purchases}.int_customer_purchases_summarised"
    ).fetchone()
    sales = schema_of(con, "int_sales_lines_attributed")
    sales_lines = con.execute(
        f"select count(*) from {sales}.int_sales_lines_attributed"
    ).fetchone()
    tiers = [(str(t), float(s)) for t, s in project_vars["value_tier_shares"]]
    stages = len(project_vars["lifecycle_days"]) + 2  # + churned, prospect
    return _Facts(
        contract_columns=_contract_columns(manifest_path),
        known_customers=int(known[0]),
        purchasing_customers=int(purchasing[0]),
        tier_shares=tiers,
        segment_rows_max=(len(tiers) + 2) * stages,
        sales_lines=int(sales_lines[0]),
        max_age_years=int(project_vars["max_age_years"]),
        max_customer_net_revenue=float(
            project_vars["max_customer_net_revenue_reporting"]
        ),
    )


def _suites(facts: _Facts) -> dict[str, list[Any]]:
    """Every mart's expectations."""
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    buyers = Column("is_buyer") == True  # noqa: E712 (a GX condition)
    not_erased = Column("is_erased") == False  # noqa: E712
    worth_something = Column("value_tier") != "no_value"

    def keyed(mart: str) -> list[Any]:
        return [
            gxe.ExpectTableColumnsToMatchSet(
                column_set=facts.contract_columns[mart], exact_match=True
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="customer_id"),
            gxe.ExpectColumnValuesToBeUnique(column="customer_id"),
        ]

    def at_least(column: str, minimum: float, **kwargs: Any) -> Any:
        return gxe.ExpectColumnValuesToBeBetween(
            column=column, min_value=minimum, **kwargs
        )

    def audience(mart: str) -> list[Any]:
        return [
            *keyed(mart),
            gxe.ExpectTableRowCountToBeBetween(
                min_value=0, max_value=facts.known_customers
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="consented_at"),
        ]

    profiles = [
        *keyed("dim_customer_360"),
        gxe.ExpectTableRowCountToEqual(value=facts.known_customers),
        gxe.ExpectColumnValuesToMatchRegex(column="email", regex=EMAIL_REGEX),
        gxe.ExpectColumnValuesToMatchRegex(column="phone", regex=E164_REGEX),
        gxe.ExpectColumnValuesToBeBetween(
            column="probability_alive", min_value=0, max_value=1
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="profile_completeness", min_value=0, max_value=1
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="age_years", min_value=0, max_value=facts.max_age_years
        ),
        # what slips past the plausibility bounds of staging shows here
        gxe.ExpectColumnValuesToBeBetween(
            column="net_revenue_reporting",
            min_value=-facts.max_customer_net_revenue,
            max_value=facts.max_customer_net_revenue,
        ),
        *(
            at_least(column, 0)
            for column in (
                "gross_sales_reporting",
                "discounts_reporting",
                "returns_reporting",
                "orders",
                "tickets",
                "emails_sent",
                "predicted_purchases",
            )
        ),
        # a customer who is worth something is predicted to be worth it
        at_least(
            "predicted_margin_value_reporting",
            0,
            row_condition=worth_something,
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="value_tier",
            value_set=[t for t, _ in facts.tier_shares] + ["no_value", "prospect"],
        ),
        *(
            gxe.ExpectColumnValuesToNotBeNull(
                column=column,
                mostly=share,
                row_condition=not_erased,
            )
            for column, share in MIN_NOT_NULL.items()
        ),
    ]
    # each value tier's share of buying customers within its band; the last
    # tier also holds the buyers whose predicted value is not positive
    for index, (tier, share) in enumerate(facts.tier_shares):
        tiers = [tier] if index < len(facts.tier_shares) - 1 else [tier, "no_value"]
        low = share * (1 - TIER_SHARE_TOLERANCE)
        high = min(share * (1 + TIER_SHARE_TOLERANCE), 1.0)
        profiles += [
            gxe.ExpectColumnValuesToBeInSet(
                column="value_tier", value_set=tiers, mostly=low, row_condition=buyers
            ),
            gxe.ExpectColumnValuesToNotBeInSet(
                column="value_tier",
                value_set=tiers,
                mostly=1 - high,
                row_condition=buyers,
            ),
        ]

    values = [
        *keyed("fct_customer_lifetime_values"),
        gxe.ExpectTableRowCountToEqual(value=facts.purchasing_customers),
        gxe.ExpectColumnValuesToBeBetween(
            column="probability_alive", min_value=0, max_value=1
        ),
        at_least("predicted_purchases", 0),
        at_least("gross_sales_reporting", 0),
        at_least("returns_reporting", 0),
        at_least(
            "predicted_margin_value_reporting",
            0,
            row_condition=worth_something,
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="purchase_model_status", regex=r"^(?:fitted|fallback: )"
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="purchase_model",
            value_set=["bg_nbd", "mbg_nbd", "pareto_nbd", "fallback"],
        ),
        gxe.ExpectColumnValuesToMatchRegex(
            column="spend_model_status", regex=r"^(?:fitted|fallback: )"
        ),
    ]

    segments = [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=facts.contract_columns["fct_value_segments"], exact_match=True
        ),
        gxe.ExpectTableRowCountToBeBetween(
            min_value=1, max_value=facts.segment_rows_max
        ),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["value_tier", "lifecycle_stage"]
        ),
        gxe.ExpectColumnSumToBeBetween(
            column="customers",
            min_value=facts.known_customers,
            max_value=facts.known_customers,
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="reachable_share", min_value=0, max_value=1
        ),
        # the segments split all of the margin: shares add up to 1
        gxe.ExpectColumnSumToBeBetween(
            column="share_of_gross_margin", min_value=1 - 1e-9, max_value=1 + 1e-9
        ),
    ]

    health = [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=facts.contract_columns["fct_identity_health"],
            exact_match=True,
        ),
        gxe.ExpectTableRowCountToBeBetween(min_value=1),
        gxe.ExpectColumnValuesToNotBeNull(column="build_invocation_id"),
        gxe.ExpectColumnValuesToBeUnique(column="build_invocation_id"),
        *(
            gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0, max_value=1)
            for column in ("single_record_customer_share", "merge_rate")
        ),
        *(
            at_least(column, 0)
            for column in (
                "records",
                "customers",
                "known_customers",
                "largest_customer_records",
                "accepted_edges",
                "rejected_edges",
                "quarantined_edges",
            )
        ),
    ]
    edges_per_build = [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=facts.contract_columns["fct_identity_edges_per_build"],
            exact_match=True,
        ),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["build_invocation_id", "match_rule", "status", "reason"]
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="status", value_set=["accepted", "rejected", "quarantined"]
        ),
        at_least("edges", 1),
    ]

    returns = Column("is_return") == True  # noqa: E712 (a GX condition)
    sold = Column("is_return") == False  # noqa: E712
    sales_lines = [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=facts.contract_columns["fct_sales_lines"], exact_match=True
        ),
        gxe.ExpectTableRowCountToEqual(value=facts.sales_lines),
        gxe.ExpectColumnValuesToNotBeNull(column="sale_line_id"),
        gxe.ExpectColumnValuesToBeUnique(column="sale_line_id"),
        gxe.ExpectColumnValuesToBeInSet(column="channel", value_set=["web", "store"]),
        gxe.ExpectColumnValuesToNotBeNull(column="sold_at"),
        at_least("quantity", 1, row_condition=sold),
        gxe.ExpectColumnValuesToBeBetween(
            column="quantity", max_value=-1, row_condition=returns
        ),
        at_least("gross_amount_reporting", 0, row_condition=sold),
        at_least("discount_amount_reporting", 0),
    ]

    return {
        "fct_sales_lines": sales_lines,
        "fct_identity_health": health,
        "fct_identity_edges_per_build": edges_per_build,
        "dim_customer_360": profiles,
        "fct_customer_lifetime_values": values,
        "fct_value_segments": segments,
        "dim_email_marketing_audience": [
            *audience("dim_email_marketing_audience"),
            gxe.ExpectColumnValuesToNotBeNull(column="email"),
            gxe.ExpectColumnValuesToMatchRegex(column="email", regex=EMAIL_REGEX),
        ],
        "dim_sms_marketing_audience": [
            *audience("dim_sms_marketing_audience"),
            gxe.ExpectColumnValuesToNotBeNull(column="phone"),
            gxe.ExpectColumnValuesToMatchRegex(column="phone", regex=E164_REGEX),
        ],
        "dim_personalisation_audience": audience("dim_personalisation_audience"),
        "dim_third_party_sharing_audience": [
            *audience("dim_third_party_sharing_audience"),
            gxe.ExpectColumnValuesToMatchRegex(
                column="email_sha256", regex=SHA256_REGEX
            ),
            gxe.ExpectColumnValuesToMatchRegex(
                column="phone_sha256", regex=SHA256_REGEX
            ),
        ],
    }


def _describe(result: Any) -> str:
    """The evidence of one failed expectation, in a few words."""
    found = result.result or {}
    if "unexpected_percent" in found and found.get("unexpected_count"):
        sample = found.get("partial_unexpected_list") or []
        shown = ", ".join(repr(value) for value in sample[:3])
        return (
            f"{found['unexpected_count']} unexpected values "
            f"({found['unexpected_percent']:.2f} %)"
            + (f", e.g. {shown}" if shown else "")
        )
    if "observed_value" in found:
        return f"observed {found['observed_value']!r}"
    if result.exception_info and result.exception_info.get("raised_exception"):
        return f"error: {result.exception_info.get('exception_message')}"
    return "failed"


def model_warnings(lifetime_values: Any) -> list[str]:
    """What a reader of the lifetime values must know: a purchase or spend
    model that needed a penalizer or fell back, a model not chosen by
    backtest. Warnings, not failures: the figures are still usable."""
    if lifetime_values.empty:
        return []
    first = lifetime_values.iloc[0]
    found = []
    for column, what in (
        ("purchase_model_status", f"purchase model {first['purchase_model']}"),
        ("spend_model_status", "spend model (Gamma-Gamma)"),
    ):
        if first[column] != "fitted":
            found.append(f"lifetime value: {what}: {first[column]}")
    if first["selection_holdout_weeks"] != first["selection_holdout_weeks"]:  # NaN
        found.append(
            "lifetime value: the purchase model was not chosen by backtest "
            f"({first['selection_scores']})"
        )
    return found


def validate_marts(
    warehouse: Path,
    docs_dir: Path,
    project_dir: Path | None = None,
    manifest_path: Path | None = None,
) -> QualityReport:
    """Run every mart's suite; write Data Docs into docs_dir. The warehouse's
    int_build_settings gives the vars the build ran with; the dbt project's
    manifest (default target/manifest.json) the contracted columns."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    project_dir = project_dir or Path.cwd()
    con = connect(warehouse)
    try:
        facts = _facts(con, manifest_path or project_dir / "target" / "manifest.json")
        frames = {
            mart: con.execute(f"select * from {schema_of(con, mart)}.{mart}").df()
            for mart in MARTS
        }
    finally:
        con.close()

    docs_dir.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    context.add_data_docs_site(
        site_name="c360",
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs_dir.resolve()),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    source = context.data_sources.add_pandas("c360_marts")
    report = QualityReport(docs_index=docs_dir.resolve() / "index.html")
    report.warnings += model_warnings(frames["fct_customer_lifetime_values"])
    for mart, expectations in _suites(facts).items():
        batch = source.add_dataframe_asset(mart).add_batch_definition_whole_dataframe(
            "whole_table"
        )
        suite = context.suites.add(gx.ExpectationSuite(name=mart))
        for expectation in expectations:
            suite.add_expectation(expectation)
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=mart, data=batch, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"{mart}_checkpoint",
                validation_definitions=[definition],
                actions=[UpdateDataDocsAction(name="data_docs", site_names=["c360"])],
                result_format="SUMMARY",
            )
        )
        outcome = checkpoint.run(batch_parameters={"dataframe": frames[mart]})
        report.checked[mart] = len(expectations)
        for run in outcome.run_results.values():
            for result in run.results:
                config = result.expectation_config
                detail = "" if result.success else _describe(result)
                report.results.append(
                    Checked(
                        mart=mart,
                        expectation=config.type,
                        column=config.kwargs.get("column"),
                        success=bool(result.success),
                        detail=detail,
                    )
                )
                if result.success:
                    continue
                report.failures.append(
                    Failure(
                        mart=mart,
                        expectation=config.type,
                        column=config.kwargs.get("column"),
                        detail=detail,
                    )
                )
    report.offline_page = write_offline_page(report, docs_dir / OFFLINE_PAGE)
    return report


OFFLINE_PAGE = "offline.html"


def write_offline_page(report: QualityReport, path: Path) -> Path:
    """Every validation on one self-contained page: inline styles, no
    scripts, no links out. GX's Data Docs load their styles and scripts
    from CDNs and render blank without internet; this page does not."""
    from html import escape

    verdict = "passed" if report.success else f"{len(report.failures)} failed"
    rows = []
    for checked in report.results:
        status = "pass" if checked.success else "fail"
        rows.append(
            f'<tr class="{status}"><td>{escape(checked.mart)}</td>'
            f"<td>{escape(checked.column or '')}</td>"
            f"<td>{escape(checked.expectation)}</td>"
            f"<td>{status.upper()}</td><td>{escape(checked.detail)}</td></tr>"
        )
    warnings = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Customer 360 data quality: {escape(verdict)}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: 4px 8px; text-align: left; }}
tr.fail td {{ background: #fde2e2; }}
tr.pass td:nth-child(4) {{ color: #1a7f37; }}
</style></head><body>
<h1>Customer 360 data quality</h1>
<p id="verdict">{len(report.results)} expectations on {len(report.checked)} marts:
{escape(verdict)}.</p>
{f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else ""}
<table><thead><tr><th>mart</th><th>column</th><th>expectation</th>
<th>result</th><th>evidence</th></tr></thead><tbody>
{"".join(rows)}
</tbody></table></body></html>
"""
    path.write_text(page)
    return path.resolve()
