"""`c360 backtest` on the 400-person build: it compiles the purchase summary
at two dates, fits on the first and scores on the difference."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from c360.backtest import backtest, render


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
