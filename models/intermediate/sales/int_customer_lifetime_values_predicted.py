"""Predictive lifetime value on margin (dbt Python model), fitted on every
build by src/c360/ltv.py (lifetimes): the purchase model (BG/NBD, MBG/NBD
or Pareto/NBD), on the even calendar or on the buying calendar of
src/c360/season.py, chosen by a time-split backtest inside the data,
Gamma-Gamma for margin per purchase. Horizon, discount rate and the backtest's holdout
come from the vars ltv_horizon_months, ltv_annual_discount_rate and
ltv_selection_holdout_weeks (passed in as config in _int_sales__models.yml).
A fit that fails climbs a penalizer ladder, then tries the next model, then
falls back to each customer's own rate; the columns say which, and it never
fails the build."""

from c360.ltv import predict
from c360.relations import to_pandas


def model(dbt, session):
    dbt.config(materialized="table")
    horizon_months = int(dbt.config.get("ltv_horizon_months"))
    discount_rate = float(dbt.config.get("ltv_annual_discount_rate"))
    holdout_weeks = float(dbt.config.get("ltv_selection_holdout_weeks"))
    summary = to_pandas(dbt.ref("int_customer_purchases_summarised"))
    days = to_pandas(dbt.ref("int_customer_purchase_days_listed"))
    return predict(summary, days, horizon_months, discount_rate, holdout_weeks)
