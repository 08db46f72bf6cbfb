"""The data generator: determinism, contracts, dirt, ground truth, CLI."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from c360.cli import main
from c360.generator import Params, contracts, generate
from c360.generator.params import DirtRates

AS_OF = datetime(2026, 11, 1)


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    generate(Params(persons=300, seed=5, as_of=AS_OF), tmp_path / "a")
    generate(Params(persons=300, seed=5, as_of=AS_OF), tmp_path / "b")
    first, second = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    tables = len(contracts.all_tables())
    assert len(first) == tables + 2 + 1  # tables, two truth files, manifest
    assert first == second


def test_other_seed_gives_other_data(tmp_path: Path) -> None:
    generate(Params(persons=300, seed=5, as_of=AS_OF), tmp_path / "a")
    generate(Params(persons=300, seed=6, as_of=AS_OF), tmp_path / "b")
    a, b = _digests(tmp_path / "a"), _digests(tmp_path / "b")
    assert a["crm/contacts.parquet"] != b["crm/contacts.parquet"]


def test_every_table_follows_its_contract(generated_raw: Path) -> None:
    for source, table in contracts.all_tables():
        schema = pq.read_schema(generated_raw / source / f"{table}.parquet")
        assert schema.remove_metadata() == contracts.schema(source, table), table


def test_manifest_counts_match_files(generated_raw: Path) -> None:
    manifest = json.loads((generated_raw / "manifest.json").read_text())
    assert manifest["parameters"]["seed"] == 11
    for name, rows in manifest["rows"].items():
        source, table = name.split(".")
        assert (
            pq.read_metadata(generated_raw / source / f"{table}.parquet").num_rows
            == rows
        )
    assert manifest["population"]["share_in_3_or_more_systems"] >= 0.40


def test_dirt_rates_show_up_in_the_data(tmp_path: Path) -> None:
    out = tmp_path / "raw"
    generate(Params(persons=3000, seed=3, as_of=AS_OF), out)
    con = duckdb.connect()
    truth = f"'{out}/_ground_truth/record_person.parquet'"
    anonymous = con.execute(
        f"select avg(case when loyalty_card_number is null and customer_phone "
        f"is null then 1 else 0 end) from '{out}/pos/receipts.parquet'"
    ).fetchone()[0]
    assert 0.65 <= anonymous <= 0.75
    shop_dupes = con.execute(
        f"select avg((n > 1)::int) from (select person_id, count(*) n from {truth} "
        f"where source_table = 'shop.customers' group by 1)"
    ).fetchone()[0]
    assert 0.05 <= shop_dupes <= 0.11
    # people seen in three or more email-bearing records: many use two addresses
    multi_email = con.execute(
        f"""
        with records as (
            select 'crm.contacts' t, contact_id id, email
            from '{out}/crm/contacts.parquet'
            union all
            select 'shop.customers', customer_id::varchar, email
            from '{out}/shop/customers.parquet'
            union all
            select 'loyalty.members', member_id, email
            from '{out}/loyalty/members.parquet'
            union all
            select 'erp.business_partners', partner_id, email
            from '{out}/erp/business_partners.parquet'
        )
        select avg((n_emails >= 2)::int) from (
            select person_id, count(distinct lower(trim(email))) n_emails,
                   count(*) n_records
            from records join {truth} tr
              on tr.source_table = records.t and tr.record_id = records.id
            where email is not null group by 1
        ) where n_records >= 3
        """
    ).fetchone()[0]
    assert multi_email >= 0.25
    mixed_phone = con.execute(
        f"select avg((not regexp_matches(phone, '^\\+[0-9]+$'))::int) "
        f"from '{out}/shop/customers.parquet' where phone is not null"
    ).fetchone()[0]
    assert 0.44 <= mixed_phone <= 0.58  # shop stores E.164; half typed otherwise
    planted = con.execute(
        f"select count(*) from '{out}/_ground_truth/planted_defects.parquet'"
    ).fetchone()[0]
    rows = sum(json.loads((out / "manifest.json").read_text())["rows"].values())
    assert 0.003 * rows <= planted <= 0.007 * rows


def test_ground_truth_covers_identity_records(generated_raw: Path) -> None:
    con = duckdb.connect()
    truth = f"'{generated_raw}/_ground_truth/record_person.parquet'"
    missing = con.execute(
        f"select count(*) from '{generated_raw}/crm/contacts.parquet' c "
        f"anti join {truth} t on t.source_table = 'crm.contacts' "
        f"and t.record_id = c.contact_id"
    ).fetchone()[0]
    assert missing == 0


def test_empty_systems_are_written_with_their_schema(tmp_path: Path) -> None:
    generate(
        Params(persons=200, seed=1, as_of=AS_OF, empty_systems=("pos", "web")), tmp_path
    )
    table = pq.read_table(tmp_path / "pos" / "receipts.parquet")
    assert table.num_rows == 0
    assert table.schema.remove_metadata() == contracts.schema("pos", "receipts")
    assert pq.read_metadata(tmp_path / "crm" / "contacts.parquet").num_rows > 0


def test_dirt_rates_are_validated() -> None:
    with pytest.raises(ValueError, match="name_typo"):
        DirtRates(name_typo=1.5)


def test_cli_reports_bad_input_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "generate",
            "--persons",
            "50",
            "--out",
            str(tmp_path),
            "--empty",
            "mainframe",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [err[0]]
    assert "unknown system(s) mainframe" in err[0]


def test_cli_generates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "generate",
            "--persons",
            "50",
            "--seed",
            "2",
            "--out",
            str(tmp_path),
            "--as-of",
            "2026-01-31",
            "--quiet",
        ]
    )
    assert code == 0
    tables, systems = len(contracts.all_tables()), len(contracts.CONTRACTS)
    assert f"{tables} tables of {systems} systems" in capsys.readouterr().out
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["parameters"]["as_of"] == "2026-01-31T00:00:00"


def test_person_level_dirt_meets_the_defaults() -> None:
    import numpy as np

    from c360.generator.population import NEVER, build_population

    params = Params(persons=5000, seed=9, as_of=AS_OF)
    pop = build_population(params, np.random.default_rng(9))
    dirt = params.dirt
    old_numbers = set(pop.phone1)
    reused = sum(x is not None and x in old_numbers for x in pop.phone2)
    assert reused / pop.n >= dirt.phone_reuse
    assert (pop.moved_at < NEVER).mean() >= dirt.mover
    assert (pop.married_at < NEVER).mean() >= dirt.surname_change
    assert (pop.household_size > 1).mean() >= dirt.shared_address
    assert (pop.email2 != None).mean() >= dirt.second_email  # noqa: E711
    assert (pop.family_email != None).mean() >= dirt.family_email  # noqa: E711
    assert (pop.role_email != None).mean() >= dirt.role_mailbox  # noqa: E711
    # namesakes: same first and last name and city, different person
    keys = list(zip(pop.first, pop.last, pop.city, strict=True))
    shared = len(keys) - len(set(keys))
    assert shared / pop.n >= dirt.namesake


def _year_end_lift(out: Path) -> float:
    """Sales per day in November and December against January and
    February, over every whole year of the history (orders and receipts)."""
    con = duckdb.connect()
    return con.execute(
        f"""
        with sales as (
            select ordered_at as sold_at from '{out}/shop/orders.parquet'
            union all
            select purchased_at from '{out}/pos/receipts.parquet'
        )
        select
            count(*) filter (where month(sold_at) in (11, 12)) / 61.0
            / (count(*) filter (where month(sold_at) in (1, 2)) / 59.0)
        from sales
        where sold_at >= '2024-01-01' and sold_at < '2026-01-01'
        """
    ).fetchone()[0]


def test_buying_follows_the_calendar(tmp_path: Path) -> None:
    """The year-end peak and the January lull show in the sales, as
    strong as season_strength says; 0 buys evenly."""
    generate(Params(persons=4000, seed=2, as_of=AS_OF), tmp_path / "season")
    generate(
        Params(persons=4000, seed=2, as_of=AS_OF, season_strength=0.0),
        tmp_path / "even",
    )
    # 1.30 / 0.85 as written, less the customers who lapse over the year
    assert _year_end_lift(tmp_path / "season") > 1.3
    assert 0.85 < _year_end_lift(tmp_path / "even") < 1.1
    manifest = json.loads((tmp_path / "season" / "manifest.json").read_text())
    assert manifest["parameters"]["season_strength"] == 1.0
    with pytest.raises(ValueError, match="season-strength"):
        Params(persons=10, seed=1, season_strength=4.0)
