"""Accuracy baselines: identity figures committed beside the rules.

`c360 evaluate` and `c360 febrl` compare their report with a committed
baseline (`baselines/identity_accuracy.json`, one entry per data set). The
gate fails when

- a score (pairwise and B-cubed precision, recall, F1) drops by more than the
  tolerance: a regression;
- a score rises by more than the tolerance, or the edges of any rule change
  (accepted, quarantined or rejected; joining the same or different people):
  the baseline is out of date.

Both are fixed the same way, in the change that causes them: rerun with
`--write-baseline` (or `make baseline`) and commit the file, so review sees
what a rule, a threshold or a parser change did to accuracy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from c360.identity.evaluate import Report

BASELINE_FILE = Path("baselines") / "identity_accuracy.json"
SCORES = (
    "pairwise_precision",
    "pairwise_recall",
    "pairwise_f1",
    "bcubed_precision",
    "bcubed_recall",
    "bcubed_f1",
)
# Scores are deterministic for fixed data and pinned libraries; the
# tolerance only absorbs float summation order (a change that loses 23 true
# links of ~20,000 pairs moves recall by about 0.001).
DEFAULT_TOLERANCE = 0.0001


@dataclass
class Comparison:
    key: str
    regressions: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.regressions and not self.stale

    def render(self) -> str:
        if self.ok:
            return f"accuracy baseline '{self.key}': unchanged"
        lines = [f"accuracy baseline '{self.key}':"]
        lines += [f"  REGRESSION  {line}" for line in self.regressions]
        lines += [f"  CHANGED     {line}" for line in self.stale]
        lines.append(
            "  If the change is intended, update the baseline in the same change"
            " (`make baseline`, or rerun with --write-baseline) and commit"
            f" {BASELINE_FILE}."
        )
        return "\n".join(lines)


def _edge_key(row: dict[str, Any]) -> str:
    reason = f" [{row['reason']}]" if row.get("reason") else ""
    return f"{row['status']} {row['match_rule']}{reason}"


def snapshot(report: Report) -> dict[str, Any]:
    """The figures a baseline keeps: scores, sizes and edges per rule."""
    edges = {
        _edge_key(row): {
            "edges": int(row["edges"]),
            "joining_different_people": int(row["edges_joining_different_people"]),
        }
        for row in report.rules + report.quarantined + report.rejected
    }
    return {
        "records_scored": report.records_scored,
        "customers": report.customers,
        "persons": report.persons,
        "scores": {name: round(float(getattr(report, name)), 6) for name in SCORES},
        "edges": dict(sorted(edges.items())),
    }


def compare(
    key: str,
    baseline: dict[str, Any],
    current: dict[str, Any],
    tolerance: float = DEFAULT_TOLERANCE,
) -> Comparison:
    result = Comparison(key)
    for name in SCORES:
        was, now = float(baseline["scores"][name]), float(current["scores"][name])
        if now < was - tolerance:
            result.regressions.append(f"{name} {was:.6f} -> {now:.6f}")
        elif now > was + tolerance:
            result.stale.append(f"{name} {was:.6f} -> {now:.6f} (better)")
    for name in ("records_scored", "customers", "persons"):
        if baseline[name] != current[name]:
            result.stale.append(f"{name} {baseline[name]:,} -> {current[name]:,}")
    empty = {"edges": 0, "joining_different_people": 0}
    for edge in sorted(set(baseline["edges"]) | set(current["edges"])):
        was = baseline["edges"].get(edge, empty)
        now = current["edges"].get(edge, empty)
        if was != now:
            result.stale.append(
                f"edges {edge}: {was['edges']:,} -> {now['edges']:,}"
                f" (joining different people {was['joining_different_people']:,}"
                f" -> {now['joining_different_people']:,})"
            )
    return result


def load(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    return json.loads(path.read_text())


def check(
    path: Path, key: str, report: Report, tolerance: float = DEFAULT_TOLERANCE
) -> Comparison:
    """Compare a report with the baseline stored under `key`; a missing
    baseline is a failure (the gate must not silently stop comparing)."""
    baselines = load(path)
    if key not in baselines:
        result = Comparison(key)
        result.stale.append(f"no baseline '{key}' in {path}")
        return result
    return compare(key, baselines[key], snapshot(report), tolerance)


def write(path: Path, key: str, report: Report) -> None:
    """Store (or replace) the baseline under `key`, keeping the others."""
    baselines = load(path)
    baselines[key] = snapshot(report)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dict(sorted(baselines.items())), indent=2) + "\n")
