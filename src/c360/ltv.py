"""Predictive customer lifetime value on margin: BG/NBD and Gamma-Gamma.

The purchase process is a BG/NBD model (`lifetimes.BetaGeoFitter`): how often
a customer buys while alive and how likely they are still alive. The value of
a purchase is a Gamma-Gamma model (`lifetimes.GammaGammaFitter`) fitted on the
average *gross margin* per purchase, not on revenue. Predicted value is the
expected margin over the horizon, month by month, discounted at the given
yearly rate.

Gamma-Gamma needs positive values. Customers whose average margin is zero or
negative (returns and discounts ate it) are not used to fit it and keep
their own observed average: the model has nothing to shrink them towards,
and a customer who costs money should show a value of zero or below, not the
population mean.

A fit that fails or degenerates never breaks the build: the predictions fall
back to a safe estimate (the customer's own repeat-purchase rate over at
least a year and their own average margin, no probability of being alive),
a warning is logged, and `purchase_model_status` / `spend_model_status` say
why.

Time is in weeks inside the models (as in the published CDNOW fits); the
inputs are days.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import hyp2f1

log = logging.getLogger(__name__)

DAYS_PER_WEEK = 7.0
WEEKS_PER_MONTH = 365.25 / 12 / 7
# fewer repeat buyers than this and a fit says more about noise than people
MIN_REPEAT_CUSTOMERS = 20
# a fitted shape or scale outside this range is a degenerate optimum
PARAMETER_RANGE = (1e-6, 1e6)
# the fallback spreads repeat purchases over at least this many weeks
FALLBACK_MIN_WEEKS = 52.0

# explicit, so that an empty result (no customer bought anything) still
# makes typed warehouse columns rather than untyped ones
OUTPUT_TYPES = {
    "customer_id": "string",
    "expected_purchases": "float64",
    "probability_alive": "float64",
    "expected_margin_per_purchase_reporting": "float64",
    "predicted_margin_value_reporting": "float64",
    "purchase_model_status": "string",
    "spend_model_status": "string",
}

INPUT_COLUMNS = (
    "customer_id",
    "frequency",
    "recency_days",
    "age_days",
    "purchase_days",
    "average_margin_per_purchase_reporting",
)


@dataclass
class PurchaseFit:
    """A fitted (or failed) BG/NBD model; `model` is None on failure."""

    model: object | None
    status: str


@dataclass
class SpendFit:
    model: object | None
    status: str


def _degenerate(params: dict[str, float], bounded: tuple[str, ...]) -> str | None:
    """A non-finite parameter, or a `bounded` one outside PARAMETER_RANGE.

    BG/NBD's a and b may grow without bound together: their ratio (the mean
    dropout probability) stays finite and the model means "everyone drops
    out at the same rate", a legitimate answer."""
    low, high = PARAMETER_RANGE
    for name, value in params.items():
        if not math.isfinite(value):
            return f"parameter {name} is not finite"
        if name in bounded and not low <= value <= high:
            return f"parameter {name}={value:.3g} is degenerate"
    return None


# lifetimes' advice when a fit does not converge; small enough to leave a
# well-identified fit (CDNOW) unchanged
RETRY_PENALIZER = 0.001


def fit_purchases(
    frequency: np.ndarray, recency_weeks: np.ndarray, age_weeks: np.ndarray
) -> PurchaseFit:
    """BG/NBD on per-customer (frequency, recency, T), weighting identical
    histories once. Unpenalised first; if that does not converge, once more
    with a small penalizer (the status says so)."""
    from lifetimes import BetaGeoFitter

    if int(np.sum(frequency > 0)) < MIN_REPEAT_CUSTOMERS:
        return PurchaseFit(None, "fallback: too few repeat customers to fit")
    histories = pd.DataFrame(
        {"frequency": frequency, "recency": recency_weeks, "T": age_weeks}
    )
    histories = histories[histories["T"] > 0]
    grouped = histories.groupby(["frequency", "recency", "T"]).size().reset_index()
    failure = ""
    for penalizer in (0.0, RETRY_PENALIZER):
        model = BetaGeoFitter(penalizer_coef=penalizer)
        try:
            # lifetimes prints the optimizer's report when it gives up
            with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("ignore")
                model.fit(
                    grouped["frequency"].to_numpy(),
                    grouped["recency"].to_numpy(),
                    grouped["T"].to_numpy(),
                    weights=grouped[0].to_numpy(),
                )
        except Exception as error:  # lifetimes raises its ConvergenceError
            failure = " ".join(str(error).split())
            continue
        params = {k: float(v) for k, v in model.params_.items()}
        problem = _degenerate(params, bounded=("r", "alpha"))
        if problem:
            return PurchaseFit(None, f"fallback: BG/NBD {problem}")
        if penalizer:
            return PurchaseFit(
                model, f"fitted with penalizer {penalizer} (unpenalised: {failure})"
            )
        return PurchaseFit(model, "fitted")
    return PurchaseFit(None, f"fallback: BG/NBD fit failed ({failure})")


def fit_spend(frequency: np.ndarray, average_margin: np.ndarray) -> SpendFit:
    """Gamma-Gamma on the average margin of repeat customers with a
    positive average."""
    from lifetimes import GammaGammaFitter

    usable = (frequency > 0) & (average_margin > 0)
    if int(usable.sum()) < MIN_REPEAT_CUSTOMERS:
        return SpendFit(None, "fallback: too few repeat customers with margin")
    model = GammaGammaFitter(penalizer_coef=0.0)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            model.fit(frequency[usable], average_margin[usable])
    except Exception as error:
        failure = " ".join(str(error).split())
        return SpendFit(None, f"fallback: Gamma-Gamma fit failed ({failure})")
    params = {k: float(v) for k, v in model.params_.items()}
    problem = _degenerate(params, bounded=("p", "q", "v"))
    if problem:
        return SpendFit(None, f"fallback: Gamma-Gamma {problem}")
    return SpendFit(model, "fitted")


BG_NBD_PARAMS = ("r", "alpha", "a", "b")


def expected_purchases(
    params: tuple[float, float, float, float],
    t: float,
    frequency: np.ndarray,
    recency: np.ndarray,
    age: np.ndarray,
) -> np.ndarray:
    """BG/NBD expected purchases in the next `t` weeks given a history
    (Fader, Hardie and Lee 2005, eq. 10).

    Written out here rather than called from lifetimes: lifetimes takes the
    log of the hypergeometric term, which is negative when a + b < 1 and a
    customer has not bought again, and returns NaN for exactly the
    customers a fit on real data often has most of."""
    r, alpha, a, b = params
    x = frequency
    hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t))
    ratio = ((alpha + age) / (alpha + age + t)) ** (r + x)
    numerator = (a + b + x - 1) / (a - 1) * (1 - hyp * ratio)
    repeat = np.where(x > 0, a / np.maximum(b + x - 1, 1e-12), 0.0)
    return numerator / (1 + repeat * ((alpha + age) / (alpha + recency)) ** (r + x))


def probability_alive(
    params: tuple[float, float, float, float],
    frequency: np.ndarray,
    recency: np.ndarray,
    age: np.ndarray,
) -> np.ndarray:
    """BG/NBD probability that a customer with this history is still
    active (1 for a customer who never bought again)."""
    r, alpha, a, b = params
    x = frequency
    repeat = np.where(x > 0, a / np.maximum(b + x - 1, 1e-12), 0.0)
    return 1 / (1 + repeat * ((alpha + age) / (alpha + recency)) ** (r + x))


def predict(
    summary: pd.DataFrame, horizon_months: float, annual_discount_rate: float
) -> pd.DataFrame:
    """One row per customer of `summary` (INPUT_COLUMNS) with the predicted
    purchases, probability alive, expected margin per purchase and the
    discounted margin value over the horizon, plus the two model statuses."""
    if horizon_months <= 0:
        raise ValueError(f"horizon must be positive, got {horizon_months} months")
    missing = [c for c in INPUT_COLUMNS if c not in summary.columns]
    if missing:
        raise ValueError(f"purchase summary lacks columns: {missing}")
    frequency = summary["frequency"].fillna(0).to_numpy(dtype=float)
    recency = summary["recency_days"].fillna(0).to_numpy(dtype=float) / DAYS_PER_WEEK
    age = summary["age_days"].fillna(0).to_numpy(dtype=float) / DAYS_PER_WEEK
    margin = (
        summary["average_margin_per_purchase_reporting"]
        .astype(float)
        .fillna(0)
        .to_numpy()
    )
    buyers = summary["purchase_days"].fillna(0).to_numpy() > 0

    purchases = fit_purchases(frequency[buyers], recency[buyers], age[buyers])
    spend = fit_spend(frequency[buyers], margin[buyers])
    for name, status in (("BG/NBD", purchases.status), ("Gamma-Gamma", spend.status)):
        if status != "fitted":
            log.warning("lifetime value: %s %s", name, status)

    # expected margin per future purchase
    if spend.model is not None:
        positive = margin > 0
        expected_margin = margin.copy()
        expected_margin[positive] = np.asarray(
            spend.model.conditional_expected_average_profit(
                frequency[positive], margin[positive]
            ),
            dtype=float,
        )
    else:
        expected_margin = margin.copy()

    # cumulative expected purchases at the end of each month of the horizon
    # (month ends 1, 2, ... and the horizon itself, which may end mid-month)
    months = np.append(np.arange(1, math.ceil(horizon_months)), horizon_months)
    if purchases.model is not None:
        params = tuple(float(purchases.model.params_[k]) for k in BG_NBD_PARAMS)
        cumulative = np.column_stack(
            [
                expected_purchases(params, m * WEEKS_PER_MONTH, frequency, recency, age)
                for m in months
            ]
        )
        p_alive = probability_alive(params, frequency, recency, age)
        usable = buyers & (age > 0)
        if not (
            np.isfinite(cumulative[usable]).all() and np.isfinite(p_alive[usable]).all()
        ):
            purchases = PurchaseFit(None, "fallback: BG/NBD predicted non-finite")
            log.warning("lifetime value: BG/NBD %s", purchases.status)
    if purchases.model is None:
        # the customer's own repeat-purchase rate so far, carried forward;
        # over at least a year, so a short history cannot claim a high rate
        weekly_rate = frequency / np.maximum(age, FALLBACK_MIN_WEEKS)
        cumulative = np.outer(weekly_rate, months * WEEKS_PER_MONTH)
        p_alive = np.full(len(summary), np.nan)

    # a customer with no purchase (only a credit memo) expects none
    cumulative[~buyers] = 0.0
    monthly_rate = (1 + annual_discount_rate) ** (1 / 12) - 1
    per_month = np.diff(np.column_stack([np.zeros(len(summary)), cumulative]), axis=1)
    # each month's purchases are discounted to the end of that month
    discount = (1 + monthly_rate) ** -months
    value = (per_month * discount).sum(axis=1) * expected_margin

    return pd.DataFrame(
        {
            "customer_id": summary["customer_id"].to_numpy(),
            "expected_purchases": cumulative[:, -1],
            "probability_alive": np.where(buyers, p_alive, np.nan),
            "expected_margin_per_purchase_reporting": np.where(
                buyers, expected_margin, np.nan
            ),
            "predicted_margin_value_reporting": np.round(
                np.where(buyers, value, 0.0), 2
            ),
            "purchase_model_status": purchases.status,
            "spend_model_status": spend.status,
        }
    ).astype(OUTPUT_TYPES)
