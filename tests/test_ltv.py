"""Lifetime value: the published CDNOW fits, our BG/NBD expectation against
lifetimes', and the fallbacks that keep a bad fit from breaking a build."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from lifetimes import BetaGeoFitter
from lifetimes.datasets import (
    load_cdnow_summary,
    load_cdnow_summary_data_with_monetary_value,
)

from c360 import ltv

# PRODUCT.md: the published CDNOW yardstick (2,357 customers)
BG_NBD_CDNOW = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
GAMMA_GAMMA_CDNOW = {"p": 6.25, "q": 3.74, "v": 15.44}


def test_bg_nbd_reproduces_cdnow_within_one_percent() -> None:
    data = load_cdnow_summary(index_col=[0])
    fit = ltv.fit_purchases(
        data["frequency"].to_numpy(float),
        data["recency"].to_numpy(float),
        data["T"].to_numpy(float),
    )
    assert fit.status == "fitted"
    for name, published in BG_NBD_CDNOW.items():
        assert fit.model.params_[name] == pytest.approx(published, rel=0.01), name


def test_gamma_gamma_reproduces_cdnow_within_one_percent() -> None:
    data = load_cdnow_summary_data_with_monetary_value()
    fit = ltv.fit_spend(
        data["frequency"].to_numpy(float), data["monetary_value"].to_numpy(float)
    )
    assert fit.status == "fitted"
    for name, published in GAMMA_GAMMA_CDNOW.items():
        assert fit.model.params_[name] == pytest.approx(published, rel=0.01), name


def test_expected_purchases_agree_with_lifetimes_where_it_is_defined() -> None:
    data = load_cdnow_summary(index_col=[0])
    model = BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])
    params = tuple(float(model.params_[k]) for k in ltv.BG_NBD_PARAMS)
    ours = ltv.expected_purchases(
        params,
        39.0,
        data["frequency"].to_numpy(float),
        data["recency"].to_numpy(float),
        data["T"].to_numpy(float),
    )
    theirs = model.conditional_expected_number_of_purchases_up_to_time(
        39.0, data["frequency"], data["recency"], data["T"]
    ).to_numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-9)
    alive = ltv.probability_alive(
        params,
        data["frequency"].to_numpy(float),
        data["recency"].to_numpy(float),
        data["T"].to_numpy(float),
    )
    np.testing.assert_allclose(
        alive,
        model.conditional_probability_alive(
            data["frequency"], data["recency"], data["T"]
        ),
        rtol=1e-9,
    )


def test_expected_purchases_stay_finite_when_a_plus_b_is_below_one() -> None:
    # lifetimes returns NaN here for customers who never bought again
    params = (0.95, 21.2, 0.033, 0.78)
    zero = np.zeros(3)
    result = ltv.expected_purchases(
        params, 52.0, zero, zero, np.array([0.5, 10.0, 100.0])
    )
    assert np.isfinite(result).all()
    assert (result > 0).all()
    assert result[0] > result[1] > result[2]  # longer silence, fewer purchases


def _summary(customers: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frequency = rng.poisson(2.0, customers)
    age = rng.integers(60, 700, customers)
    recency = np.where(frequency > 0, (age * rng.random(customers)).astype(int), 0)
    margin = rng.gamma(5.0, 12.0, customers)
    margin[:5] = [-20.0, 0.0, -3.5, 40.0, 55.0]
    return pd.DataFrame(
        {
            "customer_id": [f"c{i}" for i in range(customers)],
            "frequency": frequency,
            "recency_days": recency,
            "age_days": age,
            "purchase_days": frequency + 1,
            "average_margin_per_purchase_reporting": margin,
        }
    )


def test_prediction_on_a_plausible_population() -> None:
    result = ltv.predict(_summary(3000), horizon_months=12, annual_discount_rate=0.1)
    assert result["purchase_model_status"].iloc[0].startswith("fitted")
    assert result["spend_model_status"].iloc[0] == "fitted"
    assert np.isfinite(result["predicted_margin_value_reporting"]).all()
    assert result["probability_alive"].between(0, 1).all()
    # zero or negative margin keeps its own average (no shrinkage to the mean)
    assert result["expected_margin_per_purchase_reporting"].iloc[:3].tolist() == [
        -20.0,
        0.0,
        -3.5,
    ]
    assert (result["predicted_margin_value_reporting"].iloc[[0, 2]] <= 0).all()


def test_too_few_customers_fall_back_without_failing() -> None:
    result = ltv.predict(_summary(8), horizon_months=12, annual_discount_rate=0.1)
    assert result["purchase_model_status"].iloc[0].startswith("fallback")
    assert result["spend_model_status"].iloc[0].startswith("fallback")
    assert np.isfinite(result["expected_purchases"]).all()
    assert result["probability_alive"].isna().all()


def test_a_failing_fit_falls_back_and_logs(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken_fit(*args, **kwargs):
        raise RuntimeError("optimizer exploded")

    monkeypatch.setattr(BetaGeoFitter, "fit", broken_fit)
    result = ltv.predict(_summary(500), horizon_months=12, annual_discount_rate=0.1)
    status = result["purchase_model_status"].iloc[0]
    assert status == "fallback: BG/NBD fit failed (optimizer exploded)"
    assert "optimizer exploded" in caplog.text
    assert np.isfinite(result["predicted_margin_value_reporting"]).all()


def test_customers_without_a_purchase_expect_nothing() -> None:
    summary = _summary(500)
    summary.loc[10, ["frequency", "recency_days", "age_days", "purchase_days"]] = 0
    result = ltv.predict(summary, horizon_months=12, annual_discount_rate=0.1)
    assert result.loc[10, "expected_purchases"] == 0
    assert result.loc[10, "predicted_margin_value_reporting"] == 0


def test_no_customers_still_gives_typed_columns() -> None:
    # a warehouse whose systems sold nothing yet: the table must still
    # have typed columns (an untyped column breaks every reader)
    empty = pd.DataFrame({name: [] for name in ltv.INPUT_COLUMNS})
    result = ltv.predict(empty, horizon_months=12, annual_discount_rate=0.1)
    assert len(result) == 0
    assert result["purchase_model_status"].dtype == "string"
    assert result["customer_id"].dtype == "string"
    assert result["predicted_margin_value_reporting"].dtype == "float64"
