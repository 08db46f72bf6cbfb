"""Benchmark the Customer 360 app on a built warehouse: each query, and each
page in headless Chromium until its content is on screen.

    python bench/build.py --raw /tmp/app100k/raw --warehouse /tmp/app100k/c360.duckdb
    python bench/app_pages.py --warehouse /tmp/app100k/c360.duckdb

Queries: every profile query for a sample of customers (the ones with the
most records first, then a seeded random sample), and the search by name,
email, phone and id. Pages: `c360 app` is started on a free port and a
browser that has loaded the app once (its scripts cached, as a user's
would be) opens each page `--repeat` times: the lookup of a customer by
email (opened by link, and typed into the search box) until the whole
profile shows, the segments page until its three
charts show, the health page until its four charts show. Prints a Markdown
block for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from c360.app import queries, start
from c360.warehouse import connect


def _timed(function: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def _customers(wh: queries.Warehouse, sample: int, seed: int) -> list[dict]:
    rows = wh.frame(
        """
        select customer_id, full_name, email, phone, record_count
        from {customers}
        where not is_erased and full_name is not null and email is not null
          and phone is not null
          -- an email only this customer's records carry: the search finds
          -- one customer and shows their profile at once
          and email not in (
              select identifiers.identifier_value
              from {identifiers} as identifiers
              inner join {resolved} as resolved
                  on identifiers.record_id = resolved.record_id
              where identifiers.identifier_type = 'email'
              group by identifiers.identifier_value
              having count(distinct resolved.customer_id) > 1
          )
        order by record_count desc, customer_id
        """
    )
    largest = rows.head(sample // 2)
    rest = rows.iloc[sample // 2 :]
    picked = rest.sample(n=min(len(rest), sample - len(largest)), random_state=seed)
    return [*largest.to_dict("records"), *picked.to_dict("records")]


def bench_queries(
    wh: queries.Warehouse, customers: list[dict]
) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for customer in customers:
        for name, text in (
            ("search by name", customer["full_name"]),
            ("search by email", customer["email"]),
            ("search by phone", customer["phone"]),
            ("search by id", customer["customer_id"]),
        ):
            times.setdefault(name, []).append(
                _timed(queries.search_customers, wh, text)
            )
        times.setdefault("whole profile", []).append(
            _timed(queries.profile, wh, customer["customer_id"])
        )
        for title, query in queries.PROFILE_SECTIONS:
            times.setdefault(title, []).append(
                _timed(query, wh, customer["customer_id"])
            )
    times["value segments"] = [_timed(queries.value_segments, wh)]
    times["identity health"] = [_timed(queries.identity_health, wh)]
    return times


def _profile_shown(page, customer: dict) -> None:  # noqa: ANN001
    """Wait until the customer's profile is on screen, down to its last
    section (loyalty), with nothing left greyed out from the last run.
    Waits watch the page on every animation frame (not a retry timer), so
    the time is when the content appeared."""
    page.get_by_role("heading", name=customer["full_name"]).wait_for()
    page.get_by_role("heading", name="Loyalty").wait_for()
    page.wait_for_function("!document.querySelector(\"[data-stale='true']\")")


def _charts_drawn(page, charts: int) -> None:  # noqa: ANN001
    page.wait_for_function(
        "n => [...document.querySelectorAll(\"[data-testid='stVegaLiteChart']\")]"
        ".filter(chart => chart.querySelector('.marks')).length >= n",
        arg=charts,
    )


def bench_pages(
    warehouse: Path, customers: list[dict], repeat: int, chromium: str
) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server, url = start(warehouse)
    times: dict[str, list[float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox"]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(url)  # the first load fetches and caches the scripts
            page.get_by_role("heading", name="Customer lookup").wait_for()
            box = page.get_by_label(
                "Name, email, phone, customer id or source record key"
            )
            for index in range(repeat):
                customer = customers[index % len(customers)]
                started = time.perf_counter()
                page.goto(f"{url}/?q={urllib.parse.quote(customer['email'])}")
                _profile_shown(page, customer)
                times.setdefault("lookup opened by link (page load)", []).append(
                    time.perf_counter() - started
                )
                other = customers[(index + 1) % len(customers)]
                started = time.perf_counter()
                box.fill(other["email"])
                box.press("Enter")
                _profile_shown(page, other)
                times.setdefault("lookup typed in the app", []).append(
                    time.perf_counter() - started
                )
                for path, charts, name in (
                    ("segments", 3, "segments (3 charts on screen)"),
                    ("health", 4, "identity health (4 charts on screen)"),
                ):
                    started = time.perf_counter()
                    page.goto(f"{url}/{path}")
                    _charts_drawn(page, charts)
                    times.setdefault(name, []).append(time.perf_counter() - started)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return times


def _row(name: str, values: list[float]) -> str:
    if len(values) == 1:
        return f"| {name} | {values[0]:.3f} | | |"
    return (
        f"| {name} | {statistics.median(values):.3f} | "
        f"{sorted(values)[int(0.95 * (len(values) - 1))]:.3f} | {max(values):.3f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=40, help="customers queried")
    parser.add_argument("--repeat", type=int, default=10, help="page loads each")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chromium", default=shutil.which("chromium"))
    args = parser.parse_args()

    con = connect(args.warehouse)
    wh = queries.Warehouse(con)
    customers = _customers(wh, args.sample, args.seed)
    counted = wh.frame("select count(*) as n from {customers}")["n"][0]
    query_times = bench_queries(wh, customers)
    con.close()
    print(f"### Customer 360 app, {counted:,} customers\n")
    print(f"Queries ({len(customers)} customers, seconds):\n")
    print("| query | median | p95 | max |\n|---|---|---|---|")
    for name, values in query_times.items():
        print(_row(name, values))
    random.Random(args.seed).shuffle(customers)
    page_times = bench_pages(args.warehouse, customers, args.repeat, args.chromium)
    print(f"\nPages in headless Chromium ({args.repeat} loads each, seconds):\n")
    print("| page | median | p95 | max |\n|---|---|---|---|")
    for name, values in page_times.items():
        print(_row(name, values))


if __name__ == "__main__":
    main()
