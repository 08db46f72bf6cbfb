"""`c360 backtest` on the 400-person build: it compiles the purchase summary
at two dates, fits on the first and scores on the difference."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from c360 import ltv
from c360.backtest import Histories, backtest, compare, load, render, score


@pytest.fixture(scope="module")
def histories(warehouse: Path) -> Histories:
    # compiling the models at two dates is most of a backtest's cost: once
    return load(warehouse, holdout_weeks=13)


def test_backtest_reports_on_a_built_warehouse(histories: Histories) -> None:
    result = score(histories)
    assert result.customers > 50
    assert result.actual_purchases > 0
    assert result.predicted_purchases > 0
    assert 0 < result.holdout_weeks <= 14
    assert result.purchases_mae >= 0
    assert -1 <= result.purchases_correlation <= 1
    assert math.isfinite(result.top_decile_margin_share)
    text = render(result)
    assert "top decile share" in text
    assert result.calibration_end in text


def test_backtest_refuses_a_calibration_end_after_the_data(warehouse: Path) -> None:
    with pytest.raises(ValueError, match="not before the last sale"):
        backtest(warehouse, calibration_end=date(2099, 1, 1))


def test_horizons_score_the_choice_and_a_forced_model_keeps_its_calendar(
    warehouse: Path, histories: Histories
) -> None:
    rows = compare(warehouse, (13,), alone=False)
    assert [name for name, _ in rows] == ["chosen"]
    assert rows[0][1].predicted_purchases == pytest.approx(
        score(histories).predicted_purchases
    )
    # a model forced onto the even calendar never reports a season
    even = score(histories, ("bg_nbd",), (False,))
    assert even.purchase_model == "bg_nbd"
    assert not even.purchase_model.endswith(ltv.SEASONAL)
