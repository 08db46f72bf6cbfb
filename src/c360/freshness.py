"""Source freshness that tells an empty extract from a stale one.

`dbt source freshness` reports a table with no rows as an error (its
latest `_loaded_at` is unknown, and dbt ages it from year 1). A retailer
without a system exports it empty (README "Bring your own data"), so an
empty table is a warning here; a stale or failing table with rows is still
an error. The verdicts are read from dbt's own `sources.json`.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# dbt's max_loaded_at for a table without rows
NO_ROWS_BEFORE_YEAR = 1900


@dataclass
class Verdict:
    source: str
    status: str  # pass, warn, error (dbt's), or empty (ours)
    detail: str


def read_verdicts(sources_json: Path) -> list[Verdict]:
    results = json.loads(sources_json.read_text())["results"]
    verdicts = []
    for result in results:
        name = result["unique_id"].removeprefix("source.").split(".", 1)[-1]
        status = result["status"]
        loaded = result.get("max_loaded_at")
        if (
            status in ("warn", "error")
            and loaded
            and datetime.fromisoformat(loaded).year < NO_ROWS_BEFORE_YEAR
        ):
            status = "empty"
        detail = result.get("error") or (
            f"latest extract {loaded}" if loaded else "no result"
        )
        verdicts.append(Verdict(name, status, detail))
    return sorted(verdicts, key=lambda v: v.source)


def run_freshness(dbt: str, project_dir: Path, target_path: Path) -> int:
    """Run dbt source freshness; 0 unless a table with rows is stale or
    failed, or dbt itself failed to report."""
    sources_json = target_path / "sources.json"
    sources_json.unlink(missing_ok=True)
    subprocess.call(
        [
            dbt,
            "source",
            "freshness",
            "--project-dir",
            str(project_dir),
            "--target-path",
            str(target_path),
        ],
        cwd=project_dir,
    )
    if not sources_json.exists():
        print("c360 freshness: dbt wrote no sources.json (see its output above)")
        return 1
    verdicts = read_verdicts(sources_json)
    failed = [v for v in verdicts if v.status not in ("pass", "warn", "empty")]
    for verdict in verdicts:
        if verdict.status == "empty":
            print(f"WARN  {verdict.source}: no rows, so no extract time to judge")
        elif verdict.status != "pass":
            print(f"{verdict.status.upper():<5} {verdict.source}: {verdict.detail}")
    print(
        f"c360 freshness: {len(verdicts)} tables, "
        f"{sum(v.status == 'pass' for v in verdicts)} fresh, "
        f"{sum(v.status in ('warn', 'empty') for v in verdicts)} warnings, "
        f"{len(failed)} errors"
    )
    return 1 if failed or not verdicts else 0
