"""The committed accuracy baseline: a change that moves identity figures
fails the gate until the baseline is updated in the same change."""

from __future__ import annotations

import json
from pathlib import Path

from c360.gate import BASELINE_KEY, BASELINE_PERSONS, BASELINE_SEED, gate_steps
from c360.identity import baseline
from c360.identity.evaluate import Report

ROOT = Path(__file__).resolve().parents[1]


def _report(recall: float = 0.98, shared_phone_edges: int = 100) -> Report:
    return Report(
        records_total=120,
        records_scored=100,
        records_unidentifiable=20,
        records_without_truth=0,
        customers=40,
        persons=38,
        pairwise_precision=0.999,
        pairwise_recall=recall,
        pairwise_f1=2 * 0.999 * recall / (0.999 + recall),
        true_pairs=500,
        predicted_pairs=490,
        correct_pairs=489,
        bcubed_precision=0.998,
        bcubed_recall=recall - 0.01,
        bcubed_f1=0.98,
        over_merged_customers=1,
        split_persons=3,
        evidence_ceiling_recall=0.99,
        recall_of_evidenced_pairs=0.99,
        rules=[
            {
                "status": "accepted",
                "match_rule": "shared_phone",
                "reason": "",
                "edges": shared_phone_edges,
                "edges_joining_different_people": 2,
            }
        ],
        rejected=[
            {
                "status": "rejected",
                "match_rule": "shared_email",
                "reason": "role_mailbox",
                "edges": 7,
                "edges_joining_different_people": 7,
            }
        ],
    )


def test_same_figures_pass(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    baseline.write(path, "demo", _report())
    assert baseline.check(path, "demo", _report()).ok


def test_a_rule_change_that_loses_true_links_is_a_regression(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    baseline.write(path, "demo", _report())
    result = baseline.check(path, "demo", _report(recall=0.9791, shared_phone_edges=77))
    assert not result.ok
    assert any(line.startswith("pairwise_recall") for line in result.regressions)
    assert any("accepted shared_phone: 100 -> 77" in line for line in result.stale)
    assert "make baseline" in result.render()


def test_an_improvement_or_moved_edges_mean_the_baseline_is_stale(
    tmp_path: Path,
) -> None:
    path = tmp_path / "baseline.json"
    baseline.write(path, "demo", _report())
    better = baseline.check(path, "demo", _report(recall=0.99))
    assert not better.regressions
    assert not better.ok
    moved = baseline.check(path, "demo", _report(shared_phone_edges=101))
    assert not moved.regressions
    assert not moved.ok


def test_a_change_within_the_tolerance_passes(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    baseline.write(path, "demo", _report())
    assert baseline.check(path, "demo", _report(recall=0.98 - 0.00005)).ok


def test_a_missing_baseline_fails_and_writing_keeps_other_entries(
    tmp_path: Path,
) -> None:
    path = tmp_path / "baseline.json"
    assert not baseline.check(path, "demo", _report()).ok
    baseline.write(path, "other", _report(recall=0.5))
    baseline.write(path, "demo", _report())
    assert set(json.loads(path.read_text())) == {"demo", "other"}
    assert baseline.check(path, "other", _report(recall=0.5)).ok


def test_the_gate_compares_its_default_data_with_the_committed_baseline() -> None:
    committed = json.loads((ROOT / baseline.BASELINE_FILE).read_text())
    assert BASELINE_KEY in committed
    assert "febrl4" in committed
    assert "rldata10000" in committed
    steps = {s.name: s.argv for s in gate_steps(ROOT, BASELINE_PERSONS, BASELINE_SEED)}
    assert BASELINE_KEY in steps["identity evaluation"]
    assert "--baseline" in steps["febrl4 identity"]
    assert "--baseline" in steps["rldata10000 identity"]
    other = {s.name: s.argv for s in gate_steps(ROOT, 500, 1)}
    assert "--baseline-key" not in other["identity evaluation"]
