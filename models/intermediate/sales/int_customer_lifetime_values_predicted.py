"""Predictive lifetime value on margin (dbt Python model): BG/NBD for
purchases, Gamma-Gamma for margin per purchase, fitted on every build by
src/c360/ltv.py (lifetimes). Horizon and discount rate come from the vars
ltv_horizon_months and ltv_annual_discount_rate (passed in as config in
_int_sales__models.yml). A failed or degenerate fit falls back to a safe
estimate and says so in the status columns; it never fails the build."""

from c360.ltv import predict


def model(dbt, session):
    dbt.config(materialized="table")
    horizon_months = int(dbt.config.get("ltv_horizon_months"))
    discount_rate = float(dbt.config.get("ltv_annual_discount_rate"))
    summary = dbt.ref("int_customer_purchases_summarised").df()
    return predict(summary, horizon_months, discount_rate)
