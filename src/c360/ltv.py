"""Predictive customer lifetime value on margin, with the purchase model
chosen by backtest on every build.

Purchases: one of three buy-till-you-die models that `lifetimes` ships,
BG/NBD (`BetaGeoFitter`), MBG/NBD (`ModifiedBetaGeoFitter`) and Pareto/NBD
(`ParetoNBDFitter`). Each build splits the purchase days in time inside the
data (the last `selection_holdout_weeks`, at most a third of the history,
are held out), fits every model on the earlier part and scores it on the
later part; the model with the smallest backtest error is refitted on the
whole history and predicts. Backtest error = |predicted / actual total
holdout purchases - 1| + mean absolute error per customer / mean actual
purchases per customer: one term for the population, one for the person.

Calendar: each model is also a candidate on the seasonal clock of
c360.season (the buying calendar learned from the purchase days before the
cut), when the history before the cut covers enough whole months to learn
one. A season is therefore kept only when it wins the backtest; the
chosen calendar is the `purchase_season` column (null: even).

Value of a purchase: Gamma-Gamma (`GammaGammaFitter`) on the average
*gross margin* per purchase. Customers whose average margin is zero or
negative are not used to fit it and keep their own average: a customer who
costs money should show a value of zero or below, not the population mean.

No fit fails silently. Each model climbs a penalizer ladder until a fit
converges to parameters that mean something: finite, inside
PARAMETER_RANGE, at a likelihood lifetimes could evaluate (a polish from
a warm start that ends where it could not is dropped for a fit from
scratch), predicting finite values, and with a dropout process that
has not collapsed (customers silent for three of their own purchase cycles
cannot all be near-certainly alive). When no model manages, the fallback
carries each customer's own repeat-purchase rate over their real tenure
forward, with no probability of being alive. The chosen model, its
parameters, penalizer, backtest figures and any fallback are columns of the
output; anything but a clean fit is logged as a warning.

Determinism: the input is sorted by customer id before anything is fitted,
so two builds of the same data publish the same numbers; money is rounded
to the cent, rates and probabilities to 1e-9.

Time is in weeks inside the models (as in the published CDNOW fits); the
inputs are days.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import math
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.special import hyp2f1

from c360.season import Season, learn_season

log = logging.getLogger(__name__)

DAYS_PER_WEEK = 7.0
WEEKS_PER_MONTH = 365.25 / 12 / 7
# fewer repeat buyers than this and a fit says more about noise than people
MIN_REPEAT_CUSTOMERS = 20
# a fitted shape or scale outside this range is a degenerate optimum
PARAMETER_RANGE = (1e-6, 1e6)
# lifetimes' advice when a fit does not converge is a penalizer; climb from
# none (CDNOW needs none) to strong (short real histories need about 0.1)
PENALIZER_LADDER = (0.0, 0.001, 0.01, 0.1, 1.0)
# P(alive) collapse: repeat customers silent for this many of their own
# mean purchase gaps (and at least MIN_SILENT_WEEKS) averaging above
# MAX_SILENT_ALIVE mean the model found no dropout at all
SILENT_CYCLES = 3.0
MIN_SILENT_WEEKS = 13.0
MAX_SILENT_ALIVE = 0.99
# the model choice holds out at most this share of the history, and needs
# at least MIN_SELECTION_WEEKS of holdout to say anything
MAX_SELECTION_SHARE = 1 / 3
MIN_SELECTION_WEEKS = 4.0
# the fallback's rate is over the real tenure, but at least this long
FALLBACK_MIN_WEEKS = 4.0
MODELS = ("bg_nbd", "mbg_nbd", "pareto_nbd")
# models are fitted on at most this many customers (fitting_sample)
MAX_FIT_CUSTOMERS = 50_000

OUTPUT_TYPES = {
    "customer_id": "string",
    "expected_purchases": "float64",
    "probability_alive": "float64",
    "expected_margin_per_purchase_reporting": "float64",
    "predicted_margin_value_reporting": "float64",
    "purchase_model": "string",
    "purchase_model_parameters": "string",
    "purchase_model_penalizer": "float64",
    "purchase_model_status": "string",
    "purchase_season": "string",
    "spend_model_status": "string",
    "selection_holdout_weeks": "float64",
    "selection_predicted_purchases": "float64",
    "selection_actual_purchases": "float64",
    "selection_purchases_mae": "float64",
    "selection_scores": "string",
}

INPUT_COLUMNS = (
    "customer_id",
    "frequency",
    "recency_days",
    "age_days",
    "purchase_days",
    "average_margin_per_purchase_reporting",
)
DAYS_COLUMNS = ("customer_id", "purchase_date")


@dataclass
class Histories:
    """Purchase histories in weeks, one entry per distinct (frequency,
    recency, age) with its count: every model and prediction works on these
    and maps back, which is exact and fast."""

    frequency: np.ndarray
    recency: np.ndarray
    age: np.ndarray
    weight: np.ndarray
    inverse: np.ndarray  # customer -> distinct history

    @classmethod
    def of(
        cls, frequency: np.ndarray, recency: np.ndarray, age: np.ndarray
    ) -> Histories:
        stacked = np.column_stack([frequency, recency, age]).astype(float)
        unique, inverse, counts = np.unique(
            stacked, axis=0, return_inverse=True, return_counts=True
        )
        return cls(unique[:, 0], unique[:, 1], unique[:, 2], counts, inverse.ravel())


def fitting_sample(
    frequency: np.ndarray, recency: np.ndarray, age: np.ndarray
) -> Histories:
    """The histories a model is fitted on: all of them up to
    MAX_FIT_CUSTOMERS, else a fixed random sample of that many customers
    (the input is sorted by customer id, so the sample is the same on every
    build). Four parameters are pinned down long before that; the
    predictions still cover every customer."""
    if len(frequency) > MAX_FIT_CUSTOMERS:
        picked = np.sort(
            np.random.default_rng(0).choice(
                len(frequency), MAX_FIT_CUSTOMERS, replace=False
            )
        )
        frequency, recency, age = frequency[picked], recency[picked], age[picked]
    return Histories.of(frequency, recency, age)


@dataclass
class PurchaseFit:
    """A fitted purchase model, or the fallback (`model` is None)."""

    name: str
    model: object | None
    penalizer: float | None
    status: str
    params: dict[str, float] = field(default_factory=dict)
    seasonal: bool = False  # fitted on the seasonal clock

    def expected(self, t: float, h: Histories) -> np.ndarray:
        """Expected purchases in the next `t` weeks, per distinct history."""
        if self.model is None:
            rate = h.frequency / np.maximum(h.age, FALLBACK_MIN_WEEKS)
            return rate * t
        if self.name == "bg_nbd":
            return bg_nbd_expected_purchases(
                _bg_params(self.params), t, h.frequency, h.recency, h.age
            )
        if self.name == "pareto_nbd":
            return pareto_nbd_expected_purchases(
                self.params, self.alive(h), t, h.frequency, h.age
            )
        with _numpy_quiet():
            return np.asarray(
                self.model.conditional_expected_number_of_purchases_up_to_time(
                    t, h.frequency, h.recency, h.age
                ),
                dtype=float,
            )

    def alive(self, h: Histories) -> np.ndarray:
        if self.model is None:
            return np.full(len(h.frequency), np.nan)
        if self.name == "bg_nbd":
            return bg_nbd_probability_alive(
                _bg_params(self.params), h.frequency, h.recency, h.age
            )
        with _numpy_quiet():
            alive = np.asarray(
                self.model.conditional_probability_alive(h.frequency, h.recency, h.age),
                dtype=float,
            )
        # lifetimes' Pareto/NBD takes the log of a difference that is zero
        # for a customer who bought on the last day, and for a frequent
        # buyer gets inf - inf: NaN where the answer is plainly 1
        return np.where(~np.isfinite(alive) & (h.recency >= h.age), 1.0, alive)


@contextlib.contextmanager
def _numpy_quiet() -> Iterator[None]:
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


def pareto_nbd_expected_purchases(
    params: dict[str, float],
    alive: np.ndarray,
    t: float,
    frequency: np.ndarray,
    age: np.ndarray,
) -> np.ndarray:
    """Pareto/NBD expected purchases in the next `t` weeks: P(alive) times
    the expectation of an alive customer (Schmittlein, Morrison and
    Colombo 1987; as lifetimes computes it, but from a P(alive) that is
    defined for every history)."""
    r, alpha, s, beta = (params[k] for k in ("r", "alpha", "s", "beta"))
    x = frequency
    ahead = (beta + age) / (beta + age + t)
    near_one = abs(s - 1) < 1e-9
    horizon = -np.log(ahead) if near_one else (1 - ahead ** (s - 1)) / (s - 1)
    return alive * (r + x) * (beta + age) / (alpha + age) * horizon


def _bg_params(params: dict[str, float]) -> tuple[float, float, float, float]:
    return (params["r"], params["alpha"], params["a"], params["b"])


# lifetimes fits Pareto/NBD by Nelder-Mead from random parameters, which on
# 20,000 generated customers took 30-40 s per fit and wandered along the
# flat ridge of s and beta into parameters its own predictions overflow on.
# Powell from fixed parameters (so two builds fit the same model) reaches
# the ridge in 2-3 s but stops on it at lifetimes' tolerance: on simulated
# Pareto/NBD customers 71 log-likelihood units short of the optimum, with
# s 0.83 for a true 2.0 and 12 % too many purchases a year ahead
# (BENCHMARKS.md). Nelder-Mead started where Powell stopped walks the ridge
# to the optimum in a few seconds more; the better of the two is kept.
FIT_OPTIONS: dict[str, dict[str, object]] = {
    "pareto_nbd": {"fit_method": "Powell", "initial_params": np.ones(4)}
}
# The polish starts near the optimum; where the likelihood keeps rising
# along the ridge towards no dropout at all (s and beta without bound),
# Nelder-Mead would walk for lifetimes' 2,000 iterations of slow
# hypergeometric terms (7 minutes on the gate's 26-week backtest). 300
# reach the same optimum on the simulation of BENCHMARKS.md and on CDNOW,
# and a polish that did not help is not kept.
POLISH_OPTIONS: dict[str, dict[str, object]] = {
    "pareto_nbd": {"fit_method": "Nelder-Mead", "maxiter": 300}
}


def _fitted(
    name: str,
    penalizer: float,
    h: Histories,
    usable: np.ndarray,
    start: dict[str, float] | None = None,
) -> list[object]:
    """`name` fitted on the usable histories (FIT_OPTIONS) and, for the
    models in POLISH_OPTIONS, polished from that optimum: the fits, the
    best likelihood first. Given the optimum of a closely related fit
    (`start`: the same model on the backtest's part of the history, or on
    the other calendar), only the polish runs, from there. lifetimes'
    exceptions propagate from the first fit only."""
    data = (h.frequency[usable], h.recency[usable], h.age[usable])
    if start is not None and name in POLISH_OPTIONS:
        polished = _polished(name, penalizer, h, usable, start)
        if polished is not None:
            return [polished]
    model = _fitter(name, penalizer)
    _quietly(
        lambda: model.fit(*data, weights=h.weight[usable], **FIT_OPTIONS.get(name, {}))
    )
    if name not in POLISH_OPTIONS:
        return [model]
    polished = _polished(
        name,
        penalizer,
        h,
        usable,
        {k: float(v) for k, v in model.params_.items()},
    )
    if polished is None:
        return [model]
    polished_nll = float(polished._negative_log_likelihood_)
    model_nll = float(model._negative_log_likelihood_)
    better = math.isfinite(polished_nll) and (
        not math.isfinite(model_nll) or polished_nll < model_nll
    )
    return [polished, model] if better else [model]


def _polished(
    name: str,
    penalizer: float,
    h: Histories,
    usable: np.ndarray,
    start: dict[str, float],
) -> object | None:
    """`name` fitted by POLISH_OPTIONS from `start` (Pareto/NBD parameters);
    None when that fails or ends on non-finite parameters."""
    # lifetimes optimises alpha and beta on its own time scale, 1 / max age
    scale = 1 / h.age[usable].max()
    initial = np.array(
        [start["r"], start["alpha"] * scale, start["s"], start["beta"] * scale]
    )
    polished = _fitter(name, penalizer)
    try:
        _quietly(
            lambda: polished.fit(
                h.frequency[usable],
                h.recency[usable],
                h.age[usable],
                weights=h.weight[usable],
                initial_params=initial,
                **POLISH_OPTIONS[name],
            )
        )
    except Exception:
        return None
    return polished if np.isfinite(polished.params_.to_numpy(float)).all() else None


def _fitter(name: str, penalizer: float) -> object:
    from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter, ParetoNBDFitter

    fitter: dict[str, Callable[..., object]] = {
        "bg_nbd": BetaGeoFitter,
        "mbg_nbd": ModifiedBetaGeoFitter,
        "pareto_nbd": ParetoNBDFitter,
    }
    return fitter[name](penalizer_coef=penalizer)


def _quietly(call: Callable[[], object]) -> None:
    # lifetimes prints the optimizer's report and warns when it gives up
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        call()


def _message(error: Exception) -> str:
    return " ".join(str(error).split())[:200]


def _out_of_range(params: dict[str, float]) -> str | None:
    """A non-finite parameter, or one outside PARAMETER_RANGE."""
    low, high = PARAMETER_RANGE
    for name, value in params.items():
        if not math.isfinite(value):
            return f"parameter {name} is not finite"
        if not low <= value <= high:
            return f"parameter {name}={value:.3g} is degenerate"
    return None


def _unmeasured(model: object) -> str | None:
    """A fit whose likelihood lifetimes could not evaluate at its optimum
    (NaN or infinite): the optimiser compared nothing there, so the
    parameters are wherever it stopped. lifetimes' Pareto/NBD takes the log
    of a difference of two nearly equal terms, which rounding makes
    negative when s and beta run large."""
    value = float(getattr(model, "_negative_log_likelihood_", math.nan))
    if not math.isfinite(value):
        return f"likelihood not finite at the optimum ({value})"
    return None


def _collapsed(fit: PurchaseFit, h: Histories) -> str | None:
    """Non-finite predictions, or a dropout process that found no dropout."""
    alive = fit.alive(h)
    expected = fit.expected(52.0, h)
    buyers = h.age > 0
    if not (np.isfinite(alive[buyers]).all() and np.isfinite(expected[buyers]).all()):
        return "predicts non-finite values"
    gap = np.where(h.frequency > 0, h.recency / np.maximum(h.frequency, 1), np.inf)
    silent_for = h.age - h.recency
    silent = (
        (h.frequency > 0)
        & (silent_for > SILENT_CYCLES * gap)
        & (silent_for >= MIN_SILENT_WEEKS)
    )
    if h.weight[silent].sum() < MIN_REPEAT_CUSTOMERS:
        return None
    mean_alive = float(np.average(alive[silent], weights=h.weight[silent]))
    if mean_alive > MAX_SILENT_ALIVE:
        return (
            f"P(alive) collapsed: customers silent for {SILENT_CYCLES:g} of their"
            f" purchase cycles average {mean_alive:.4f}"
        )
    return None


def fit_purchase_model(
    name: str, h: Histories, start: dict[str, float] | None = None
) -> PurchaseFit:
    """`name` fitted on the histories, climbing PENALIZER_LADDER until a fit
    converges to meaningful parameters; a failed fit (model None) says why
    at every rung. `start` (the optimum of a closely related fit) is tried
    first, unpenalised, where the model takes one; anything but a clean fit
    from there climbs the ladder from scratch."""
    usable = h.age > 0
    repeat = int(h.weight[usable & (h.frequency > 0)].sum())
    if repeat < MIN_REPEAT_CUSTOMERS:
        return PurchaseFit(name, None, None, f"{repeat} repeat customers are too few")
    if start is not None and name in POLISH_OPTIONS:
        warm = _climbed(name, h, usable, (0.0,), start)
        if warm.model is not None:
            return warm
    return _climbed(name, h, usable, PENALIZER_LADDER, None)


def _climbed(
    name: str,
    h: Histories,
    usable: np.ndarray,
    ladder: tuple[float, ...],
    start: dict[str, float] | None,
) -> PurchaseFit:
    problems: list[str] = []
    for penalizer in ladder:
        try:
            models = _fitted(name, penalizer, h, usable, start)
        except Exception as error:  # lifetimes raises its ConvergenceError
            problems.append(f"penalizer {penalizer:g}: {_message(error)}")
            continue
        # the best likelihood that also means something (a polish that ran
        # into degenerate parameters leaves the unpolished fit)
        for model in models:
            params = {k: float(v) for k, v in model.params_.items()}
            fit = PurchaseFit(name, model, penalizer, "fitted", params)
            problem = _out_of_range(params) or _unmeasured(model) or _collapsed(fit, h)
            if not problem:
                break
        if problem:
            problems.append(f"penalizer {penalizer:g}: {problem}")
            continue
        if problems:
            fit.status = f"fitted with penalizer {penalizer:g} ({problems[0]})"
        return fit
    return PurchaseFit(name, None, None, "; ".join(problems))


# a candidate is a model on the even clock, or on the seasonal clock
SEASONAL = "+season"


def candidate_names(models: tuple[str, ...], seasonal: tuple[bool, ...]) -> list[str]:
    """Every model on each clock asked for: `bg_nbd`, `bg_nbd+season`, ..."""
    return [m + (SEASONAL if s else "") for m in models for s in seasonal]


def _model_of(candidate: str) -> tuple[str, bool]:
    return candidate.removesuffix(SEASONAL), candidate.endswith(SEASONAL)


@dataclass
class Selection:
    """The candidates in order of backtest error, with every one's figures."""

    order: list[str]
    holdout_weeks: float | None
    scores: dict[str, dict[str, object]]
    note: str = ""


def histories_in_weeks(
    frequency: np.ndarray,
    recency_days: np.ndarray,
    age_days: np.ndarray,
    as_of: pd.Timestamp,
    season: Season | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(frequency, recency, age) in weeks: calendar weeks, or weeks of the
    seasonal clock between the first purchase, the last and `as_of`."""
    if season is None:
        return frequency, recency_days / DAYS_PER_WEEK, age_days / DAYS_PER_WEEK
    end = np.datetime64(pd.Timestamp(as_of).date(), "D")
    first = end - np.asarray(age_days, dtype=np.int64).astype("timedelta64[D]")
    last = first + np.asarray(recency_days, dtype=np.int64).astype("timedelta64[D]")
    ends = np.full(len(first), end)
    return (
        frequency,
        season.elapsed(first, last) / DAYS_PER_WEEK,
        season.elapsed(first, ends) / DAYS_PER_WEEK,
    )


def horizon_in_weeks(weeks: float, as_of: pd.Timestamp, season: Season | None) -> float:
    """The next `weeks` calendar weeks after `as_of` on the model's clock."""
    if season is None:
        return weeks
    start = np.datetime64(pd.Timestamp(as_of).date(), "D")
    days = weeks * DAYS_PER_WEEK
    whole = int(days)
    ends = start + np.array([whole, whole + 1], dtype="timedelta64[D]")
    low, high = season.elapsed(np.full(2, start), ends)
    return float(low + (high - low) * (days - whole)) / DAYS_PER_WEEK


def calibration_split(
    days: pd.DataFrame, as_of: pd.Timestamp, holdout_weeks: float
) -> tuple[pd.DataFrame, float, pd.Timestamp] | None:
    """Per customer who bought by the cut: the calibration history (days:
    frequency, recency, age at the cut) and the purchase days after it;
    plus the holdout length in weeks and the cut. None when the data is
    too short.

    Written here rather than with lifetimes' calibration_and_holdout_data,
    which fails on the pandas this project runs ("No objects to
    concatenate", lifetimes 0.11.3 with pandas 3)."""
    if days.empty:
        return None
    dates = pd.to_datetime(days["purchase_date"]).dt.normalize()
    span_weeks = (as_of - dates.min()).days / DAYS_PER_WEEK
    weeks = min(holdout_weeks, span_weeks * MAX_SELECTION_SHARE)
    if weeks < MIN_SELECTION_WEEKS:
        return None
    cut = as_of - pd.Timedelta(days=round(weeks * DAYS_PER_WEEK))
    frame = pd.DataFrame(
        {
            "customer_id": days["customer_id"].to_numpy(),
            "day": (dates - cut).dt.days.to_numpy(),
        }
    )
    before = frame[frame["day"] <= 0].groupby("customer_id")["day"]
    after = frame[frame["day"] > 0].groupby("customer_id")["day"].count()
    split = pd.DataFrame(
        {
            "frequency": before.count() - 1,
            "recency_days": before.max() - before.min(),
            "age_days": -before.min(),
        }
    )
    split["holdout_purchases"] = after.reindex(split.index).fillna(0)
    return split.sort_index(), (as_of - cut).days / DAYS_PER_WEEK, cut


def select_purchase_model(
    days: pd.DataFrame,
    as_of: pd.Timestamp,
    holdout_weeks: float,
    models: tuple[str, ...] = MODELS,
    seasonal: tuple[bool, ...] = (False, True),
) -> Selection:
    """Every candidate (model and clock) fitted before a cut inside the
    data and scored on the purchases after it; the models in the order
    given, on the even clock, when the data is too short. The seasonal
    clock is a candidate only when a season can be learned before the cut."""
    split = calibration_split(days, as_of, holdout_weeks)
    if split is None:
        return Selection(
            candidate_names(models, (False,)), None, {}, "history too short to backtest"
        )
    frame, weeks, cut = split
    dates = pd.to_datetime(days["purchase_date"])
    seasons = {False: None, True: learn_season(dates[dates <= cut], cut)}
    clocks = tuple(c for c in seasonal if not c or seasons[True] is not None)
    if not clocks:
        clocks = (False,)
    actual = frame["holdout_purchases"].to_numpy(float)
    scores: dict[str, dict[str, object]] = {}
    optima: dict[str, dict[str, float]] = {}
    for clock in clocks:
        season = seasons[clock]
        history = histories_in_weeks(
            frame["frequency"].to_numpy(float),
            frame["recency_days"].to_numpy(float),
            frame["age_days"].to_numpy(float),
            cut,
            season,
        )
        h = Histories.of(*history)
        sample = fitting_sample(*history)
        ahead = horizon_in_weeks(weeks, cut, season)
        for name in models:
            key = name + (SEASONAL if clock else "")
            # the other calendar's optimum is a close start
            fit = fit_purchase_model(name, sample, optima.get(name))
            problem = fit.status if fit.model is None else _collapsed(fit, h)
            if problem:
                scores[key] = {"status": f"failed: {problem}"}
                continue
            optima.setdefault(name, fit.params)
            predicted = fit.expected(ahead, h)[h.inverse]
            mae = float(np.abs(predicted - actual).mean())
            total, real = float(predicted.sum()), float(actual.sum())
            error = (
                abs(total / real - 1) + mae / (real / len(actual))
                if real > 0
                else float("inf")
            )
            scores[key] = {
                "status": fit.status,
                "predicted": round(total, 3),
                "actual": round(real, 3),
                "mae": round(mae, 6),
                "error": round(error, 6),
                "params": {k: round(v, 9) for k, v in sorted(fit.params.items())},
            }
    keys = candidate_names(models, clocks)
    order = sorted(
        keys,
        key=lambda n: (
            float(scores[n].get("error", math.inf)),  # type: ignore[arg-type]
            keys.index(n),
        ),
    )
    return Selection(order, weeks, scores)


def fit_spend(frequency: np.ndarray, average_margin: np.ndarray) -> tuple[object, str]:
    """Gamma-Gamma on the average margin of repeat customers with a
    positive average, up the penalizer ladder; (None, why) when none fits."""
    from lifetimes import GammaGammaFitter

    usable = (frequency > 0) & (average_margin > 0)
    if int(usable.sum()) < MIN_REPEAT_CUSTOMERS:
        return None, "fallback: too few repeat customers with margin"
    problems: list[str] = []
    for penalizer in PENALIZER_LADDER:
        model = GammaGammaFitter(penalizer_coef=penalizer)
        try:
            _quietly(
                lambda model=model: model.fit(frequency[usable], average_margin[usable])
            )
        except Exception as error:
            problems.append(f"penalizer {penalizer:g}: {_message(error)}")
            continue
        problem = _out_of_range({k: float(v) for k, v in model.params_.items()})
        if problem:
            problems.append(f"penalizer {penalizer:g}: {problem}")
            continue
        if problems:
            return model, f"fitted with penalizer {penalizer:g} ({problems[0]})"
        return model, "fitted"
    return None, "fallback: Gamma-Gamma " + "; ".join(problems)


def bg_nbd_expected_purchases(
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


def bg_nbd_probability_alive(
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


def _purchase_fit(
    selection: Selection, histories: Callable[[bool], tuple[Histories, Histories]]
) -> PurchaseFit:
    """The best candidate by backtest that also fits the whole history
    (fitted on the sample, checked on every customer; `histories(seasonal)`
    gives both on that clock); the fallback, on the even clock, when none
    does."""
    failures = []
    for candidate in selection.order:
        name, seasonal = _model_of(candidate)
        h, sample = histories(seasonal)
        # the backtest's fit of the same candidate is a close start
        start = selection.scores.get(candidate, {}).get("params")
        fit = fit_purchase_model(name, sample, start)  # type: ignore[arg-type]
        problem = fit.status if fit.model is None else _collapsed(fit, h)
        if not problem:
            fit.seasonal = seasonal
            if failures:
                fit.status += " (better ranked failed: " + " | ".join(failures) + ")"
            return fit
        failures.append(f"{candidate}: {problem}")
    return PurchaseFit("fallback", None, None, "fallback: " + " | ".join(failures))


def _validated(summary: pd.DataFrame, days: pd.DataFrame, horizon: float) -> None:
    if horizon <= 0:
        raise ValueError(f"horizon must be positive, got {horizon} months")
    missing = [c for c in INPUT_COLUMNS if c not in summary.columns]
    missing += [c for c in DAYS_COLUMNS if c not in days.columns]
    if missing:
        raise ValueError(f"purchase histories lack columns: {missing}")


def predict(
    summary: pd.DataFrame,
    days: pd.DataFrame,
    horizon_months: float,
    annual_discount_rate: float,
    selection_holdout_weeks: float = 26.0,
    models: tuple[str, ...] = MODELS,
    seasonal: tuple[bool, ...] = (False, True),
) -> pd.DataFrame:
    """One row per customer of `summary` (INPUT_COLUMNS, sorted here by
    customer id) with the predicted purchases, probability alive, expected
    margin per purchase, the discounted margin value over the horizon, and
    the model's name, parameters, status and backtest figures. `days`
    (DAYS_COLUMNS) are the purchase days the model choice splits in time
    and the season is learned from; `models` are the candidates (one, to
    compare models), each on the clocks `seasonal` allows (even, seasonal
    or both)."""
    _validated(summary, days, horizon_months)
    unknown = sorted(set(models) - set(MODELS))
    if unknown or not models:
        raise ValueError(f"unknown purchase models {unknown}; known: {MODELS}")
    if not seasonal or not set(seasonal) <= {False, True}:
        raise ValueError(f"seasonal must be a tuple of False and/or True: {seasonal}")
    summary = summary.sort_values("customer_id", kind="stable").reset_index(drop=True)
    days = days.sort_values(list(DAYS_COLUMNS), kind="stable").reset_index(drop=True)
    frequency = summary["frequency"].fillna(0).to_numpy(dtype=float)
    recency_days = summary["recency_days"].fillna(0).to_numpy(dtype=float)
    age_days = summary["age_days"].fillna(0).to_numpy(dtype=float)
    margin = (
        summary["average_margin_per_purchase_reporting"]
        .astype(float)
        .fillna(0)
        .to_numpy()
    )
    buyers = summary["purchase_days"].fillna(0).to_numpy() > 0

    as_of = (
        pd.Timestamp(summary["as_of_date"].max())
        if "as_of_date" in summary.columns and len(summary)
        else pd.Timestamp(pd.to_datetime(days["purchase_date"]).max())
    )
    selection = (
        select_purchase_model(days, as_of, selection_holdout_weeks, models, seasonal)
        if len(days)
        else Selection(candidate_names(models, (False,)), None, {}, "no purchases")
    )
    season = (
        learn_season(pd.to_datetime(days["purchase_date"]), as_of)
        if any(_model_of(c)[1] for c in selection.order)
        else None
    )
    clocks: dict[bool, tuple[Histories, Histories]] = {}

    def histories(on_season: bool) -> tuple[Histories, Histories]:
        if on_season not in clocks:
            history = histories_in_weeks(
                frequency[buyers],
                recency_days[buyers],
                age_days[buyers],
                as_of,
                season if on_season else None,
            )
            clocks[on_season] = (Histories.of(*history), fitting_sample(*history))
        return clocks[on_season]

    purchases = _purchase_fit(selection, histories)
    h = histories(purchases.seasonal)[0]
    clock = season if purchases.seasonal else None
    spend, spend_status = fit_spend(frequency[buyers], margin[buyers])
    for what, status in (
        (f"purchase model {purchases.name}", purchases.status),
        ("Gamma-Gamma", spend_status),
    ):
        if status != "fitted":
            log.warning("lifetime value: %s %s", what, status)
    if selection.note:
        log.warning("lifetime value: model not chosen by backtest: %s", selection.note)

    # expected margin per future purchase
    expected_margin = margin.copy()
    if spend is not None:
        positive = margin > 0
        expected_margin[positive] = np.asarray(
            spend.conditional_expected_average_profit(
                frequency[positive], margin[positive]
            ),
            dtype=float,
        )

    # cumulative expected purchases at the end of each month of the horizon
    # (month ends 1, 2, ... and the horizon itself, which may end mid-month)
    months = np.append(np.arange(1, math.ceil(horizon_months)), horizon_months)
    cumulative = np.zeros((len(summary), len(months)))
    p_alive = np.full(len(summary), np.nan)
    if buyers.any():
        cumulative[buyers] = np.column_stack(
            [
                purchases.expected(
                    horizon_in_weeks(m * WEEKS_PER_MONTH, as_of, clock), h
                )
                for m in months
            ]
        )[h.inverse]
        p_alive[buyers] = purchases.alive(h)[h.inverse]
    monthly_rate = (1 + annual_discount_rate) ** (1 / 12) - 1
    per_month = np.diff(np.column_stack([np.zeros(len(summary)), cumulative]), axis=1)
    # each month's purchases are discounted to the end of that month
    discount = (1 + monthly_rate) ** -months
    expected_margin = np.round(expected_margin, 2)
    value = (per_month * discount).sum(axis=1) * expected_margin

    chosen = selection.scores.get(
        purchases.name + (SEASONAL if purchases.seasonal else ""), {}
    )
    return pd.DataFrame(
        {
            "customer_id": summary["customer_id"].to_numpy(),
            "expected_purchases": np.round(cumulative[:, -1], 9),
            "probability_alive": np.round(p_alive, 9),
            "expected_margin_per_purchase_reporting": np.where(
                buyers, expected_margin, np.nan
            ),
            "predicted_margin_value_reporting": np.round(
                np.where(buyers, value, 0.0), 2
            ),
            "purchase_model": purchases.name,
            "purchase_model_parameters": json.dumps(
                {k: round(v, 9) for k, v in sorted(purchases.params.items())}
            ),
            "purchase_model_penalizer": purchases.penalizer,
            "purchase_model_status": purchases.status,
            "purchase_season": (
                json.dumps(clock.as_list()) if clock is not None else None
            ),
            "spend_model_status": spend_status,
            "selection_holdout_weeks": selection.holdout_weeks,
            "selection_predicted_purchases": chosen.get("predicted"),
            "selection_actual_purchases": chosen.get("actual"),
            "selection_purchases_mae": chosen.get("mae"),
            "selection_scores": json.dumps(
                selection.scores or {"note": selection.note}, sort_keys=True
            ),
        }
    ).astype(OUTPUT_TYPES)
