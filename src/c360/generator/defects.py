"""Malformed rows: what broken exports look like, planted at a known rate.

Each planted defect is recorded (table, record key, defect) in the ground
truth so that tests can check the staging layer catches every one of them.
"""

from __future__ import annotations

import numpy as np

BAD_TIMESTAMPS = np.array(
    [
        0,  # 1970-01-01: an epoch default
        -2_208_988_800,  # 1900-01-01: a "no date" placeholder
        4_070_908_800,  # 2099-01-01: far in the future
    ],
    dtype=np.int64,
)
UNKNOWN_CURRENCIES = np.array(["XXX", "EURO", "", "E", "usd$"], dtype=object)

# Per table: (defect, column) pairs that can be planted.
DEFECTS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("crm", "contacts"): (
        ("bad_timestamp", "created_at"),
        ("bad_birth_date", "birth_date"),
    ),
    ("shop", "customers"): (("bad_timestamp", "created_at"),),
    ("shop", "orders"): (
        ("unknown_currency", "currency_code"),
        ("bad_timestamp", "ordered_at"),
        ("orphan_reference", "customer_id"),
    ),
    ("shop", "order_lines"): (
        ("negative_quantity", "quantity"),
        ("orphan_reference", "order_id"),
    ),
    ("pos", "receipts"): (
        ("unknown_currency", "currency_code"),
        ("bad_timestamp", "purchased_at"),
    ),
    ("pos", "receipt_lines"): (
        ("negative_quantity", "quantity"),
        ("orphan_reference", "receipt_id"),
    ),
    ("erp", "business_partners"): (("bad_timestamp", "created_at"),),
    ("erp", "invoices"): (
        ("unknown_currency", "currency_code"),
        ("orphan_reference", "partner_id"),
        ("bad_timestamp", "invoiced_at"),
    ),
    ("erp", "credit_memos"): (
        ("orphan_reference", "invoice_id"),
        ("unknown_currency", "currency_code"),
    ),
    ("erp", "products"): (("negative_amount", "unit_cost"),),
    ("service", "tickets"): (("bad_timestamp", "opened_at"),),
    ("marketing", "campaigns"): (("bad_timestamp", "scheduled_at"),),
    ("marketing", "email_events"): (
        ("orphan_reference", "campaign_id"),
        ("bad_timestamp", "occurred_at"),
    ),
    ("loyalty", "members"): (("bad_timestamp", "enrolled_at"),),
    ("loyalty", "points_ledger"): (
        ("orphan_reference", "member_id"),
        ("bad_timestamp", "occurred_at"),
    ),
    ("consent", "consent_events"): (
        ("invalid_value", "decision"),
        ("bad_timestamp", "occurred_at"),
    ),
    ("consent", "privacy_requests"): (("bad_timestamp", "requested_at"),),
    ("web", "events"): (("bad_timestamp", "occurred_at"),),
    ("web", "identifies"): (
        ("orphan_reference", "user_id"),
        ("bad_timestamp", "identified_at"),
    ),
}

# The key a staging model uses for each table (the first column otherwise).
RECORD_KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("pos", "receipt_lines"): ("receipt_id", "line_number"),
}


def record_keys(table: tuple[str, str], cols: dict[str, np.ndarray]) -> np.ndarray:
    key_cols = RECORD_KEYS.get(table, (next(iter(cols)),))
    parts = [cols[c].astype(str) for c in key_cols]
    if len(parts) == 1:
        return parts[0].astype(object)
    return np.array(["|".join(p) for p in zip(*parts, strict=True)], dtype=object)


def plant(
    table: tuple[str, str],
    cols: dict[str, np.ndarray],
    rng: np.random.Generator,
    rate: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Corrupt `rate` of the rows of one table in place; return their keys and
    defects."""
    options = DEFECTS.get(table, ())
    rows = len(next(iter(cols.values())))
    k = round(rows * rate)
    if k == 0 or not options:
        return np.array([], dtype=object), np.array([], dtype=object)
    chosen = np.sort(rng.choice(rows, size=k, replace=False))
    kinds = rng.integers(0, len(options), k)
    planted_kind = np.empty(k, dtype=object)
    for j, row in enumerate(chosen):
        defect, column = options[kinds[j]]
        values = cols[column]
        if defect == "bad_timestamp":
            values[row] = BAD_TIMESTAMPS[int(rng.integers(len(BAD_TIMESTAMPS)))]
        elif defect == "bad_birth_date":
            values[row] = ("1985-02-30", "0000-00-00", "unknown", "31.13.1990")[
                int(rng.integers(4))
            ]
        elif defect == "unknown_currency":
            values[row] = UNKNOWN_CURRENCIES[int(rng.integers(len(UNKNOWN_CURRENCIES)))]
        elif defect in ("negative_quantity", "negative_amount"):
            values[row] = -abs(values[row]) if values[row] else -1
            if "is_return" in cols:
                cols["is_return"][row] = False
        elif defect == "invalid_value":
            values[row] = "maybe"
        elif defect == "orphan_reference":
            if values.dtype == object:
                values[row] = f"ORPHAN-{j:06d}"
            else:
                values[row] = 999_000_000_000 + j
        planted_kind[j] = defect
    return record_keys(table, cols)[chosen], planted_kind
