"""The buying calendar: learned from purchase days despite a trend, only
from enough whole months, and the seasonal clock it defines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from c360.season import SEASON_MIN_MONTHS, Season, learn_season, whole_month_counts

# a shop that sells most before Easter and in autumn (not the generator's
# year-end shape: the learner must find whatever calendar the data has)
SHAPE = np.array([0.7, 0.9, 1.3, 1.4, 1.0, 0.8, 0.7, 0.8, 1.1, 1.3, 1.1, 0.9])


def _purchase_days(months: int, trend: float, seed: int = 1) -> pd.Series:
    """Purchase days of a growing customer base: about 400 a day at the
    start, `trend` times as many at the end, times the month's factor."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2022-01-01", periods=months * 31, freq="D")
    days = days[days < pd.Timestamp("2022-01-01") + pd.DateOffset(months=months)]
    growth = np.linspace(1.0, trend, len(days))
    counts = rng.poisson(400 * growth * SHAPE[days.month.to_numpy() - 1])
    return pd.Series(np.repeat(days.to_numpy(), counts))


def test_the_calendar_is_learned_apart_from_the_trend() -> None:
    dates = _purchase_days(36, trend=2.5)
    season = learn_season(dates, dates.max())
    assert season is not None
    expected = SHAPE / (
        SHAPE @ np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]) / 365
    )
    np.testing.assert_allclose(season.by_month, expected, rtol=0.03)


def test_a_calendar_needs_enough_whole_months() -> None:
    short = _purchase_days(SEASON_MIN_MONTHS - 1, trend=1.2)
    assert learn_season(short, short.max()) is None
    enough = _purchase_days(SEASON_MIN_MONTHS, trend=1.2)
    assert learn_season(enough, enough.max()) is not None
    assert (
        learn_season(pd.Series([], dtype="datetime64[ns]"), pd.Timestamp("2026-01-01"))
        is None
    )


def test_only_whole_months_are_counted() -> None:
    dates = pd.Series(
        pd.to_datetime(["2025-01-15", "2025-02-01", "2025-02-28", "2025-03-02"])
    )
    months, counts = whole_month_counts(dates, pd.Timestamp("2025-03-30"))
    # January starts before the first purchase is known, March is not over
    assert [str(m) for m in months] == ["2025-02"]
    assert counts.tolist() == [2]
    months, counts = whole_month_counts(dates, pd.Timestamp("2025-03-31"))
    assert [str(m) for m in months] == ["2025-02", "2025-03"]
    assert counts.tolist() == [2, 1]


def test_the_seasonal_clock_weights_each_day_by_its_month() -> None:
    even = Season((1.0,) * 12)
    start = np.array(["2025-01-01", "2025-12-30"], dtype="datetime64[D]")
    end = np.array(["2026-01-01", "2026-01-02"], dtype="datetime64[D]")
    assert even.elapsed(start, end).tolist() == [365.0, 3.0]
    december_doubles = Season((1.0,) * 11 + (2.0,))
    # two December days count twice, the January day once
    assert december_doubles.elapsed(start[1:], end[1:]).tolist() == [5.0]
    assert december_doubles.elapsed(start[:1], end[:1])[0] == pytest.approx(396.0)
    assert even.elapsed(start[:0], end[:0]).size == 0
