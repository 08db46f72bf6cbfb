"""`c360 backtest` on the 400-person build: it compiles the purchase summary
at two dates, fits on the first and scores on the difference."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from c360 import ltv
from c360.backtest import backtest, compare, render


def test_backtest_reports_on_a_built_warehouse(warehouse: Path) -> None:
    result = backtest(warehouse, holdout_weeks=26)
    assert result.customers > 50
    assert result.actual_purchases > 0
    assert result.predicted_purchases > 0
    assert 0 < result.holdout_weeks <= 27
    assert result.purchases_mae >= 0
    assert -1 <= result.purchases_correlation <= 1
    assert math.isfinite(result.top_decile_margin_share)
    text = render(result)
    assert "top decile share" in text
    assert result.calibration_end in text


def test_backtest_refuses_a_calibration_end_after_the_data(warehouse: Path) -> None:
    with pytest.raises(ValueError, match="not before the last sale"):
        backtest(warehouse, calibration_end=date(2099, 1, 1))


def test_several_horizons_score_the_choice_and_compare_adds_each_model(
    warehouse: Path,
) -> None:
    chosen = compare(warehouse, (13, 26), alone=False)
    assert [name for name, _ in chosen] == ["chosen", "chosen"]
    assert [round(r.holdout_weeks) for _, r in chosen] == [13, 26]
    every = compare(warehouse, (13,), alone=True)
    names = [name for name, _ in every]
    assert names[0] == "chosen"
    assert set(ltv.MODELS) <= set(names)
    # a model forced onto the even calendar never reports a season
    for name, result in every[1:]:
        assert result.purchase_model.endswith(ltv.SEASONAL) == name.endswith(
            ltv.SEASONAL
        )
