"""The Customer 360 app: its queries on the small warehouse (no browser),
then the app itself served by `c360 app` and driven in headless Chromium.

The browser test saves screenshots to artifacts/browser/ (kept by CI as
test artefacts). It is skipped, saying why, only where no Chromium is
installed (`make browser` installs Debian's).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from c360.app import queries, start
from c360.quality import validate_marts
from c360.warehouse import connect
from tests.conftest import ROOT

ARTIFACTS = ROOT / "artifacts" / "browser"
# columns an erased customer's profile may show: none of them personal
ERASED_COLUMNS = {
    "erasure_requests",
    "first_requested_at",
    "first_logged_at",
    "source_system",
    "source_table",
    "records",
}


@pytest.fixture(scope="module")
def wh(warehouse: Path):
    con = connect(warehouse)
    yield queries.Warehouse(con)
    con.close()


def _one(wh: queries.Warehouse, sql: str) -> dict:
    rows = wh.frame(sql)
    assert not rows.empty, sql
    return rows.iloc[0].to_dict()


@pytest.fixture(scope="module")
def merged(wh: queries.Warehouse) -> dict:
    """A customer of several records from several systems, with consent
    decisions, purchases and an email that is not the golden one."""
    return _one(
        wh,
        """
        select customers.customer_id, customers.full_name, customers.email,
               customers.phone, customers.record_count,
               min(identifiers.identifier_value) as other_email
        from {customers} as customers
        inner join {resolved} as resolved
            on customers.customer_id = resolved.customer_id
        inner join {identifiers} as identifiers
            on resolved.record_id = identifiers.record_id
            and identifiers.identifier_type = 'email'
            and identifiers.identifier_value <> customers.email
        where not customers.is_erased and customers.source_system_count >= 3
          and customers.orders > 0 and customers.phone is not null
          and customers.customer_id in (select customer_id from {consents})
        group by all
        order by customers.record_count desc, customers.customer_id
        limit 1
        """,
    )


@pytest.fixture(scope="module")
def erased(wh: queries.Warehouse) -> dict:
    return _one(
        wh,
        """
        select customers.customer_id, count(*) as records
        from {customers} as customers
        inner join {resolved} as resolved
            on customers.customer_id = resolved.customer_id
        where customers.is_erased
        group by all order by records desc, customers.customer_id limit 1
        """,
    )


def test_search_finds_a_customer_by_any_records_identifiers(wh, merged):
    cid = merged["customer_id"]
    by = {
        "golden email": merged["email"].upper(),
        "another record's email": merged["other_email"],
        "id": cid,
        "phone as typed nationally": "0" + merged["phone"][-9:],
        "name words, any case": " ".join(merged["full_name"].lower().split()[::-1]),
    }
    for how, text in by.items():
        found = queries.search_customers(wh, text)
        assert cid in set(found["customer_id"]), f"not found by {how}: {text}"
    keys = wh.frame("select record_key from {resolved} where customer_id = ?", [cid])[
        "record_key"
    ]
    for key in keys:
        assert cid in set(queries.search_customers(wh, key)["customer_id"]), key
    assert queries.search_customers(wh, "  ").empty
    assert queries.search_customers(wh, "no such person xq").empty


def test_profile_explains_the_customer(wh, merged):
    cid = merged["customer_id"]
    found = queries.profile(wh, cid)
    assert found is not None
    assert not found.is_erased
    assert list(found.sections) == [title for title, _ in queries.PROFILE_SECTIONS]
    golden = found.sections["Golden record"].set_index("attribute")
    assert golden.loc["email", "value"] == merged["email"]
    assert golden.loc["email", "source_table"]
    records = found.sections["Source records"]
    assert len(records) == merged["record_count"]
    # every record of a merged customer is on an accepted edge to another
    edges = found.sections["Why these records are one customer"]
    accepted = edges[edges["status"] == "accepted"]
    linked = set(accepted["record_id_a"]) | set(accepted["record_id_b"])
    assert set(records["record_id"]) <= linked
    assert accepted["match_rule"].notna().all()
    probabilistic = edges[edges["match_rule"] == "probabilistic"]
    assert probabilistic["match_weight"].notna().all()
    # consent as the published mart states it
    consents = found.sections["Consent"].set_index("purpose")
    for purpose, state in consents["consent_state"].items():
        assert found.row[f"{purpose}_consent_state"] == state
        source = found.row[f"{purpose}_consent_source"]
        decided_in = consents.loc[purpose, "decided_in"]
        # no decision yet: no source in the mart, none shown
        assert source == decided_in or (pd.isna(source) and pd.isna(decided_in))
    # purchases and returns add up to the published figures, to the cent
    purchases = found.sections["Purchases and returns"]
    returned = (
        purchases["store_returns_reporting"] + purchases["credited_returns_reporting"]
    )
    for shown, published in (
        (purchases["gross_sales_reporting"].sum(), "gross_sales_reporting"),
        (purchases["discounts_reporting"].sum(), "discounts_reporting"),
        (returned.sum(), "returns_reporting"),
    ):
        assert round(float(shown), 2) == round(float(found.row[published]), 2), (
            published
        )
    assert found.sections["Lifetime value"]["purchase_model_status"].notna().all()


def test_erased_customer_shows_nothing_personal(wh, erased):
    cid = erased["customer_id"]
    found = queries.profile(wh, cid)
    assert found.is_erased
    assert found.row == {"customer_id": cid, "is_erased": True}
    assert list(found.sections) == [title for title, _ in queries.ERASED_SECTIONS]
    for title, rows in found.sections.items():
        assert set(rows.columns) <= ERASED_COLUMNS, title
    assert found.sections["Records per system"]["records"].sum() == erased["records"]
    # found by its id only
    assert set(queries.search_customers(wh, cid)["customer_id"]) == {cid}


def test_segments_and_health_match_the_marts(wh):
    segments = queries.value_segments(wh)
    customers = wh.frame("select count(*) as n from {customers}")["n"][0]
    assert segments["customers"].sum() == customers
    health = queries.identity_health(wh)
    assert len(health) >= 1
    assert health["built_at"].is_monotonic_increasing


def test_exposure_lists_what_the_app_reads():
    exposures = yaml.safe_load(
        (ROOT / "models/marts/customers/_customers__exposures.yml").read_text()
    )["exposures"]
    app = next(e for e in exposures if e["name"] == "customer_360_app")
    listed = {ref.split("'")[1] for ref in app["depends_on"]}
    assert listed == set(queries.MODELS.values())


def _chromium() -> str | None:
    return os.environ.get("C360_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="module")
def app_url(warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    """`c360 app`'s Streamlit server on a copy of the small warehouse."""
    work = tmp_path_factory.mktemp("app")
    copy = work / "c360.duckdb"
    shutil.copyfile(warehouse, copy)
    log = (work / "app.log").open("w")
    try:
        server, url = start(copy, log)
    except RuntimeError as exc:
        log.close()
        pytest.fail(f"{exc}\n{(work / 'app.log').read_text()}")
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.mark.skipif(
    _chromium() is None,
    reason="no Chromium on this machine (`make browser` installs Debian's "
    "chromium; it needs root and apt-get)",
)
def test_app_in_a_real_browser(
    app_url: str, warehouse: Path, merged: dict, erased: dict, wh, tmp_path: Path
):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = validate_marts(
        warehouse,
        tmp_path / "docs",
        ROOT,
        warehouse.parent / "target" / "manifest.json",
    )
    consents = queries.consents(wh, merged["customer_id"])
    rules = queries.merge_edges(wh, merged["customer_id"])
    records_of_erased = queries.records_per_system(wh, erased["customer_id"])[
        "source_table"
    ].iloc[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium(), headless=True, args=["--no-sandbox"]
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            # lookup: type an email of one of the customer's records
            page.goto(app_url)
            box = page.get_by_label(
                "Name, email, phone, customer id or source record key"
            )
            box.fill(merged["other_email"])
            box.press("Enter")
            expect(
                page.get_by_role("heading", name=merged["full_name"])
            ).to_be_visible()
            for title in (
                "Golden record",
                "Why these records are one customer",
                "Consent",
            ):
                expect(page.get_by_role("heading", name=title)).to_be_visible()
            main = page.locator("section.stMain, [data-testid='stMain']").first
            expect(main).to_contain_text(merged["email"])
            for purpose in consents["purpose"]:
                expect(main).to_contain_text(purpose)
            accepted = rules[rules["status"] == "accepted"]["match_rule"]
            for rule in set(accepted):
                expect(main).to_contain_text(rule)
            page.screenshot(path=ARTIFACTS / "lookup.png", full_page=True)

            # an erased customer, by id: the erasure, nothing personal
            page.goto(f"{app_url}/?q={erased['customer_id']}")
            expect(page.get_by_text("Erased customer")).to_be_visible()
            expect(
                page.get_by_role("heading", name="Records per system")
            ).to_be_visible()
            expect(page.get_by_role("heading", name="Golden record")).to_have_count(0)
            expect(page.locator("[data-testid='stTable']").last).to_contain_text(
                records_of_erased
            )
            page.screenshot(path=ARTIFACTS / "erased.png", full_page=True)

            page.goto(f"{app_url}/segments")
            expect(page.get_by_role("heading", name="Value segments")).to_be_visible()
            charts = page.locator("[data-testid='stVegaLiteChart']")
            expect(charts).to_have_count(3)
            for tier in queries.value_segments(wh)["value_tier"].unique():
                expect(page.locator("[data-testid='stTable']")).to_contain_text(tier)
            page.screenshot(path=ARTIFACTS / "segments.png", full_page=True)

            page.goto(f"{app_url}/health")
            expect(
                page.get_by_role("heading", name="Edges per verdict")
            ).to_be_visible()
            expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(4)
            page.screenshot(path=ARTIFACTS / "health.png", full_page=True)

            # the offline data quality page, with every request off the disk
            # refused: it must still show every expectation
            offline = browser.new_page()
            offline.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith("file:")
                    else route.abort()
                ),
            )
            offline.goto((tmp_path / "docs" / "offline.html").as_uri())
            expect(offline.locator("tr.pass")).to_have_count(
                sum(report.checked.values())
            )
            expect(offline.locator("#verdict")).to_contain_text("passed")
            offline.screenshot(
                path=ARTIFACTS / "offline_data_quality.png", full_page=True
            )
        finally:
            browser.close()
    assert sorted(p.name for p in ARTIFACTS.glob("*.png")) == [
        "erased.png",
        "health.png",
        "lookup.png",
        "offline_data_quality.png",
        "segments.png",
    ]


def test_app_command_needs_a_warehouse(tmp_path: Path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "c360.cli",
            "app",
            "--warehouse",
            str(tmp_path / "x.duckdb"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "run `make run` first" in result.stderr
