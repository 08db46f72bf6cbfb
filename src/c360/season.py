"""The buying calendar: how much more or less customers buy in each month
of the year, learned from the purchase days themselves, and the seasonal
clock that lets a buy-till-you-die model (which assumes an even buying
rate) run on seasonal data.

A season multiplies every customer's buying rate by the same factor per
calendar month (January first; the twelve average 1 over a year). A
Poisson process whose rate follows the season is an even process on a
clock that runs at the season's speed, so the models are fitted and
predict on that clock: a purchase gap in December counts for more calendar
days than one in January, and a holdout that covers the year-end peak
gets more expected purchases than one of the same length in spring.

The season is learned the classical way (ratio to moving average, as in
the X-11 family of seasonal adjustments): purchase days per day in each
whole calendar month, divided by the centred 12-month moving average around
that month (which follows any trend that is smooth over a year: customers
arriving and lapsing), averaged per month of the year. It needs at least
SEASON_MIN_MONTHS whole months, so that every month of the year has a full
year around it at least once. Whether a season is used at all is decided by
the same time-split backtest that chooses the purchase model (c360.ltv).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

SEASON_MIN_MONTHS = 24
# days in each month of a common year (the clock's weights over a year)
_MONTH_DAYS = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], float)


@dataclass(frozen=True)
class Season:
    """Buying intensity per calendar month, January first, averaging 1
    over a (common) year."""

    by_month: tuple[float, ...]

    def elapsed(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Days on the seasonal clock from each `start` to its `end` (dates,
        end excluded): the calendar days weighted by their month's factor."""
        start = np.asarray(start, dtype="datetime64[D]")
        end = np.asarray(end, dtype="datetime64[D]")
        if start.size == 0:
            return np.zeros(0)
        first = min(start.min(), end.min())
        days = np.arange(first, max(start.max(), end.max()) + 1)
        month = days.astype("datetime64[M]").astype(np.int64) % 12
        clock = np.concatenate([[0.0], np.cumsum(np.asarray(self.by_month)[month])])
        return (
            clock[(end - first).astype(np.int64)]
            - clock[(start - first).astype(np.int64)]
        )

    def as_list(self) -> list[float]:
        return [round(f, 6) for f in self.by_month]


def whole_month_counts(
    purchase_dates: pd.Series, as_of: pd.Timestamp
) -> tuple[np.ndarray, np.ndarray]:
    """Purchase days per calendar month that the data covers whole (from
    the first month that starts on or after the first purchase day to the
    last that ends by `as_of`): the months as numpy months, and the counts."""
    dates = pd.to_datetime(purchase_dates).to_numpy().astype("datetime64[D]")
    if dates.size == 0:
        return np.zeros(0, "datetime64[M]"), np.zeros(0)
    first_month = dates.min().astype("datetime64[M]")
    if first_month.astype("datetime64[D]") < dates.min():
        first_month += 1
    end = np.datetime64(pd.Timestamp(as_of).date(), "D") + 1
    last_month = end.astype("datetime64[M]") - 1  # the last month ending by as_of
    if last_month < first_month:
        return np.zeros(0, "datetime64[M]"), np.zeros(0)
    months = np.arange(first_month, last_month + 1)
    counts = np.bincount(
        (dates.astype("datetime64[M]") - first_month).astype(np.int64).clip(-1) + 1,
        minlength=len(months) + 2,
    )[1 : len(months) + 1]
    return months, counts.astype(float)


def learn_season(purchase_dates: pd.Series, as_of: pd.Timestamp) -> Season | None:
    """The season of these purchase days up to `as_of`, or None when they
    cover fewer than SEASON_MIN_MONTHS whole months (or none bought)."""
    months, counts = whole_month_counts(purchase_dates, as_of)
    if len(months) < SEASON_MIN_MONTHS or counts.sum() == 0:
        return None
    days = (
        ((months + 1).astype("datetime64[D]") - months.astype("datetime64[D]"))
        .astype(np.int64)
        .astype(float)
    )
    rate = counts / days
    # centred 2x12 moving average: half weight on the months six away
    weights = np.r_[0.5, np.ones(11), 0.5] / 12
    trend = np.convolve(rate, weights, mode="valid")  # months 6 .. n-7
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = rate[6 : len(rate) - 6] / trend
    month_of_year = months[6 : len(months) - 6].astype(np.int64) % 12
    seen = np.bincount(month_of_year, minlength=12)
    if not np.isfinite(ratio).all() or (seen == 0).any():
        return None
    level = np.bincount(month_of_year, weights=ratio, minlength=12) / seen
    factors = level / (level @ _MONTH_DAYS / _MONTH_DAYS.sum())
    if not np.isfinite(factors).all() or (factors <= 0).any():
        return None
    return Season(tuple(float(f) for f in factors))
