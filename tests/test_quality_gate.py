"""Each quality gate fails on a planted defect, naming it.

The project is built once on the small data set (the `warehouse` fixture);
each case copies the warehouse, plants one defect in a mart and checks that
the Great Expectations suites fail on exactly the expectation that guards
it. The conventions gate (dbt-bouncer) gets a manifest with a model whose
description was removed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
import yaml

from c360.cli import main
from c360.quality import Failure, validate_marts
from tests.conftest import ROOT, run_dbt, tool


def _manifest(warehouse: Path) -> Path:
    return warehouse.parent / "target" / "manifest.json"


def _copy_with(warehouse: Path, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / "planted.duckdb"
    shutil.copyfile(warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    return copy


def _planted(warehouse: Path, tmp_path: Path, *statements: str) -> list[Failure]:
    copy = _copy_with(warehouse, tmp_path, *statements)
    report = validate_marts(copy, tmp_path / "docs", ROOT, _manifest(warehouse))
    assert not report.success
    return report.failures


def _has(failures: list[Failure], mart: str, expectation: str, column: str) -> bool:
    return any(
        f.mart == mart and f.expectation == expectation and f.column == column
        for f in failures
    )


def test_clean_build_passes_and_writes_data_docs(warehouse: Path, tmp_path: Path):
    report = validate_marts(warehouse, tmp_path / "docs", ROOT, _manifest(warehouse))
    assert report.success, report.summary()
    assert sum(report.checked.values()) > 50
    assert (tmp_path / "docs" / "index.html").exists()
    pages = list((tmp_path / "docs" / "validations").rglob("*.html"))
    assert len(pages) == len(report.checked)
    # the offline page: every expectation, nothing fetched from the network
    offline = (tmp_path / "docs" / "offline.html").read_text()
    assert offline.count('<tr class="pass">') == sum(report.checked.values())
    assert "http" not in offline
    assert "<script" not in offline
    assert "<link" not in offline


def test_duplicated_customer_fails_uniqueness(warehouse: Path, tmp_path: Path):
    failures = _planted(
        warehouse,
        tmp_path,
        "insert into main_marts.dim_customer_360"
        " select * from main_marts.dim_customer_360 limit 1",
    )
    assert _has(
        failures,
        "dim_customer_360",
        "expect_column_values_to_be_unique",
        "customer_id",
    )
    message = "\n".join(f.line() for f in failures)
    assert "dim_customer_360.customer_id: expect_column_values_to_be_unique" in message
    offline = (tmp_path / "docs" / "offline.html").read_text()
    assert (
        '<tr class="fail"><td>dim_customer_360</td><td>customer_id</td>'
        "<td>expect_column_values_to_be_unique</td>"
    ) in offline


def test_validate_command_exits_1_naming_the_defect(
    warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    copy = _copy_with(
        warehouse,
        tmp_path,
        "update main_marts.dim_sms_marketing_audience set phone = '0301234567'",
    )
    code = main(
        [
            "validate",
            "--warehouse",
            str(copy),
            "--project-dir",
            str(ROOT),
            "--manifest",
            str(_manifest(warehouse)),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "FAIL dim_sms_marketing_audience.phone: expect_column_values_to_match_regex"
        in out
    )
    assert "'0301234567'" in out
    assert "1 failed" in out


def test_null_emails_fail_the_null_band(warehouse: Path, tmp_path: Path):
    failures = _planted(
        warehouse, tmp_path, "update main_marts.dim_customer_360 set email = null"
    )
    assert _has(
        failures, "dim_customer_360", "expect_column_values_to_not_be_null", "email"
    )


def test_negative_lifetime_value_fails_the_range(warehouse: Path, tmp_path: Path):
    failures = _planted(
        warehouse,
        tmp_path,
        "update main_marts.fct_customer_lifetime_values"
        " set predicted_margin_value_reporting = -100 where value_tier = 'top'",
    )
    assert _has(
        failures,
        "fct_customer_lifetime_values",
        "expect_column_values_to_be_between",
        "predicted_margin_value_reporting",
    )


def test_segment_share_out_of_band_fails(warehouse: Path, tmp_path: Path):
    failures = _planted(
        warehouse,
        tmp_path,
        "update main_marts.dim_customer_360 set value_tier = 'top'"
        " where value_tier = 'medium'",
    )
    assert _has(
        failures,
        "dim_customer_360",
        "expect_column_values_to_not_be_in_set",
        "value_tier",
    )
    # only the distribution checks fail: every value is still a known tier
    assert {f.expectation for f in failures} <= {
        "expect_column_values_to_not_be_in_set",
        "expect_column_values_to_be_in_set",
    }


def _bouncer_failures(manifest: dict, tmp_path: Path) -> str:
    """Run the project's dbt-bouncer configuration on a (planted) manifest;
    return its failures as JSON text."""
    artifacts = tmp_path / "target"
    artifacts.mkdir()
    (artifacts / "manifest.json").write_text(json.dumps(manifest))
    config = yaml.safe_load((ROOT / "dbt-bouncer.yml").read_text())
    config["dbt_artifacts_dir"] = str(artifacts)
    (tmp_path / "dbt-bouncer.yml").write_text(yaml.safe_dump(config))
    result = subprocess.run(
        [
            tool("dbt-bouncer"),
            "--config-file",
            str(tmp_path / "dbt-bouncer.yml"),
            "--output-file",
            str(tmp_path / "bouncer.json"),
            "--output-only-failures",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0, result.stdout[-2000:]
    return (tmp_path / "bouncer.json").read_text()


@pytest.mark.parametrize("model", ["dim_customer_360", "int_records_resolved"])
def test_model_without_description_fails_conventions(
    warehouse: Path, tmp_path: Path, model: str
):
    manifest = json.loads(_manifest(warehouse).read_text())
    for node in manifest["nodes"].values():
        if node["resource_type"] == "model" and node["name"] == model:
            node["description"] = ""
    failed = _bouncer_failures(manifest, tmp_path)
    assert "check_model_description_populated" in failed
    assert model in failed


def test_each_structure_check_fails_on_a_planted_violation(
    warehouse: Path, tmp_path: Path
):
    """One manifest with one planted violation per structure check: a mart
    reading a mart, a base model reading a model, a stg_ model reading a
    stg_ model, a model with 8 parents, a
    rejoin of a parent's only parent, a model reading nothing, a base
    model outside base/. Each must fail under its own check and name its
    model; none of them is covered by a waiver."""
    manifest = json.loads(_manifest(warehouse).read_text())
    models = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
    }

    def parents(name: str) -> list[str]:
        return models[name]["depends_on"]["nodes"]

    parents("fct_customer_lifetime_values").append(
        models["dim_customer_360"]["unique_id"]
    )
    parents("base_crm__contacts").append(models["stg_shop__customers"]["unique_id"])
    parents("stg_shop__order_lines").append(models["stg_shop__orders"]["unique_id"])
    parents("int_customer_engagement_summarised").extend(
        models[name]["unique_id"] for name in sorted(models) if name.startswith("stg_")
    )
    # int_customer_purchase_days_listed exists only for the LTV fit; the
    # fit reading its parent too is a rejoin
    listed = models["int_customer_purchase_days_listed"]
    assert [
        name for name, node in models.items() if listed["unique_id"] in parents(name)
    ] == ["int_customer_lifetime_values_predicted"]
    parents("int_customer_lifetime_values_predicted").append(
        models["int_sales_lines_attributed"]["unique_id"]
    )
    models["int_customer_segments_assigned"]["depends_on"]["nodes"] = []
    models["base_erp__products"]["original_file_path"] = (
        "models/staging/erp/base_erp__products.sql"
    )
    failed = {
        (r["check_run_id"].split(":")[0], r["unique_id"].split(".")[-1])
        for r in json.loads(_bouncer_failures(manifest, tmp_path))
        if r.get("outcome") != "success"
    }
    assert (
        "check_lineage_permitted_upstream_models",
        "fct_customer_lifetime_values",
    ) in failed
    assert (
        "check_model_does_not_directly_join_to_source",
        "base_crm__contacts",
    ) in failed
    assert (
        "check_lineage_permitted_upstream_models",
        "stg_shop__order_lines",
    ) in failed
    assert (
        "check_model_max_upstream_dependencies",
        "int_customer_engagement_summarised",
    ) in failed
    assert (
        "check_model_does_not_rejoin_upstream_concepts",
        "int_customer_lifetime_values_predicted",
    ) in failed
    assert (
        "check_model_has_no_upstream_dependencies",
        "int_customer_segments_assigned",
    ) in failed
    assert ("check_model_directories", "base_erp__products") in failed


def test_validation_follows_the_vars_the_build_ran_with(
    warehouse: Path, small_raw: Path, tmp_path: Path
):
    """A build run with other value tiers and lifecycle days passes
    validation (the checks read int_build_settings, not dbt_project.yml);
    the same marts judged by the project's default tiers fail."""
    copy = tmp_path / "other_vars.duckdb"
    shutil.copyfile(warehouse, copy)
    other = {
        "value_tier_shares": [["gold", 0.25], ["rest", 0.75]],
        "lifecycle_days": {"new": 60, "active": 120, "at_risk": 240, "lapsed": 480},
    }
    result = run_dbt(
        [
            "build",
            "--select",
            "int_build_settings",
            "int_customer_segments_assigned+",
            "--vars",
            json.dumps(other),
        ],
        small_raw,
        copy,
        tmp_path,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    report = validate_marts(copy, tmp_path / "docs", ROOT, _manifest(warehouse))
    assert report.success, report.summary()

    defaults = yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"]
    con = duckdb.connect(str(copy))
    try:
        (schema,) = con.execute(
            "select table_schema from information_schema.tables"
            " where table_name = 'int_build_settings'"
        ).fetchone()
        con.execute(
            f'update "{schema}".int_build_settings set setting_json = ?'
            " where setting_name = 'value_tier_shares'",
            [json.dumps(defaults["value_tier_shares"])],
        )
    finally:
        con.close()
    report = validate_marts(copy, tmp_path / "docs2", ROOT, _manifest(warehouse))
    assert not report.success
    assert any(f.column == "value_tier" for f in report.failures), report.summary()
