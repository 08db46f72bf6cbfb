"""What the Customer 360 app shows, as plain queries on a read-only warehouse.

Every function takes a `Warehouse` and returns pandas DataFrames, so the
queries are tested without a browser. The app reads the published marts, and
for one customer's lineage (source records, the edges that joined them,
consent decisions, documents) the intermediate and staging models the marts
are built from; the exposure `customer_360_app` lists them all.

Privacy: an erased customer's profile is masked in the marts and in every
layer (int_erasures_applied). The app adds its own guard: for a customer the
marts call erased, nothing is returned but the erasure and how many records
each system holds, whatever the lower layers hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import duckdb
import pandas as pd

SEARCH_LIMIT = 50
# profile sections queried at once (DuckDB runs each on its own threads too)
PROFILE_THREADS = 4
# a typed phone number matches a stored one ending in its digits (less any
# leading trunk zeros) when at least this many digits are left
PHONE_SUFFIX_DIGITS = 7

# the golden record's attributes: (label, value columns, survivorship name)
GOLDEN_ATTRIBUTES = [
    ("name", ["first_name", "last_name"], "name"),
    ("email", ["email"], "email"),
    ("phone", ["phone"], "phone"),
    ("birth date", ["birth_date"], "birth_date"),
    ("address", ["street", "postal_code", "city"], "address"),
    ("country", ["country_code"], "country"),
]

# the models the app reads (the exposure `customer_360_app` lists the same)
MODELS = {
    "customers": "dim_customer_360",
    "values": "fct_customer_lifetime_values",
    "segments": "fct_value_segments",
    "health": "fct_identity_health",
    "golden": "int_golden_records_assembled",
    "resolved": "int_records_resolved",
    "records": "int_identity_records_unioned",
    "identifiers": "int_identifiers_unioned",
    "edges": "int_identity_edges_guarded",
    "pairs": "int_linkage_pairs_scored",
    "consents": "int_customer_consents_resolved",
    "erased": "int_customers_erased",
    "sales": "fct_sales_lines",
    "credits": "int_credit_memos_attributed",
    "tickets": "stg_service__tickets",
    "email_events": "stg_marketing__email_events",
    "campaigns": "stg_marketing__campaigns",
    "members": "stg_loyalty__members",
    "points": "stg_loyalty__points_ledger",
}


@dataclass
class Warehouse:
    """A read-only warehouse connection that knows where each model lives
    (dbt's custom schemas differ by target)."""

    con: duckdb.DuckDBPyConnection
    _schemas: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        cursor = self.con.cursor()
        try:
            found = cursor.execute(
                "select table_name, table_schema from information_schema.tables "
                "where list_contains(?, table_name)",
                [list(MODELS.values())],
            ).fetchall()
        finally:
            cursor.close()
        self._schemas = {table: schema for table, schema in found}

    def relation(self, table: str) -> str:
        if table not in self._schemas:
            raise FileNotFoundError(
                f"the warehouse has no {table}; run `dbt build` first"
            )
        return f'"{self._schemas[table]}"."{table}"'

    def frame(self, sql: str, params: list | None = None) -> pd.DataFrame:
        """Run `sql`, its `{name}` placeholders (keys of MODELS) replaced by
        relations, on a cursor of its own (the app serves several sessions
        at once)."""
        names = set(re.findall(r"\{(\w+)\}", sql))
        text = sql.format(**{name: self.relation(MODELS[name]) for name in names})
        cursor = self.con.cursor()
        try:
            return cursor.execute(text, params or []).df()
        finally:
            cursor.close()


def _phone_suffix(text: str) -> str:
    """The digits a typed phone number ends in (less trunk zeros), or "" when
    the text is not written like a phone number."""
    if not re.fullmatch(r"[+\d\s()./-]+", text):
        return ""
    digits = re.sub(r"\D", "", text).lstrip("0")
    return digits if len(digits) >= PHONE_SUFFIX_DIGITS else ""


def search_customers(
    wh: Warehouse, text: str, limit: int = SEARCH_LIMIT
) -> pd.DataFrame:
    """Customers whose email, phone, id, source record key or name matches
    `text`. Any record's email or phone counts, not only the golden one.
    - text with an @: any record's email, exactly (any case);
    - otherwise a customer id, a source record key or identifier (shop
      customer id, loyalty card, ...), exactly; a name of which every word
      of the text begins a word; and, when the text is written like a phone
      number, any record's phone ending in its digits (a national or
      international spelling finds the same number).
    Erased customers are found only by their customer id."""
    text = text.strip()
    if not text:
        return pd.DataFrame()
    lowered = text.lower()
    suffix = _phone_suffix(text)
    if "@" in text:
        found = """
            select resolved.customer_id
            from {identifiers} as identifiers
            inner join {resolved} as resolved
                on identifiers.record_id = resolved.record_id
            where identifiers.identifier_type = 'email'
              and identifiers.identifier_value = ?
        """
        params: list = [lowered]
    else:
        words = [re.escape(word) for word in lowered.split()]
        names = " and ".join("regexp_matches(lower(full_name), ?)" for _ in words)
        found = f"""
            select resolved.customer_id
            from {{identifiers}} as identifiers
            inner join {{resolved}} as resolved
                on identifiers.record_id = resolved.record_id
            where (identifiers.identifier_type not in ('email', 'phone')
                   and identifiers.identifier_value = ?)
               or (identifiers.identifier_type = 'phone' and ? <> ''
                   and ends_with(identifiers.identifier_value, ?))
            union
            select customer_id from {{resolved}}
            where record_key = ? or record_id = ?
            union
            select customer_id from {{customers}}
            where customer_id = ? or ({names})
        """
        params = [text, suffix, suffix, text, text, lowered]
        params += [rf"(^|[ '\-]){word}" for word in words]
    sql = f"""
        with found as ({found})
        select
            customers.customer_id,
            customers.full_name,
            customers.email,
            customers.phone,
            customers.city,
            customers.source_systems,
            customers.record_count,
            customers.value_tier,
            customers.is_erased
        from {{customers}} as customers
        where customers.customer_id in (select customer_id from found)
          and (not customers.is_erased or customers.customer_id = ?)
        order by customers.full_name nulls last, customers.customer_id
        limit {int(limit)}
    """
    return wh.frame(sql, [*params, lowered])


def customer(wh: Warehouse, customer_id: str) -> dict | None:
    """The customer's published row (dim_customer_360) as a dict, or None."""
    found = wh.frame("select * from {customers} where customer_id = ?", [customer_id])
    if found.empty:
        return None
    return found.iloc[0].to_dict()


def erasure(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """When the customer's erasure was requested and logged."""
    return wh.frame(
        """
        select erasure_requests, first_requested_at, first_logged_at
        from {erased} where customer_id = ?
        """,
        [customer_id],
    )


def records_per_system(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """How many records each source table holds for the customer (no keys:
    safe to show for an erased customer)."""
    return wh.frame(
        """
        select source_system, source_table, count(*) as records
        from {resolved} where customer_id = ?
        group by all order by source_table
        """,
        [customer_id],
    )


def _text(value: object) -> str:
    """A value as the app writes it (dates without a time of day)."""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.strftime("%Y-%m-%d")
    return str(value)


def golden_attributes(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """Each golden-record attribute with the source table it survived from
    and that record's time (int_golden_records_assembled)."""
    golden = wh.frame("select * from {golden} where customer_id = ?", [customer_id])
    rows = []
    for label, columns, name in GOLDEN_ATTRIBUTES:
        for record in golden.to_dict("records"):
            parts = [_text(record[c]) for c in columns if pd.notna(record[c])]
            rows.append(
                {
                    "attribute": label,
                    "value": " ".join(parts) or None,
                    "source_table": record[f"{name}__source"],
                    "as_of": record[f"{name}__as_of"],
                }
            )
    return pd.DataFrame(rows, columns=["attribute", "value", "source_table", "as_of"])


def source_records(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """Every source record of the customer with what it says."""
    return wh.frame(
        """
        select
            records.source_table,
            records.record_key,
            trim(coalesce(records.first_name_display, '') || ' '
                 || coalesce(records.last_name_display, '')) as name,
            records.email,
            records.phone,
            records.street_display as street,
            records.postal_code,
            records.city_display as city,
            records.country_code,
            records.birth_date,
            records.first_seen_at,
            records.last_seen_at,
            records.record_id
        from {resolved} as resolved
        inner join {records} as records
            on resolved.record_id = records.record_id
        where resolved.customer_id = ?
        order by records.source_table, records.record_key
        """,
        [customer_id],
    )


def merge_edges(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """Why the customer's records are one customer: every edge touching one
    of them (accepted, rejected or quarantined), with its rule, the evidence
    (identifier, name and address checks) and, for the probabilistic rule,
    the match weight and probability of the scored pair, with the deciding
    blocking rule's prior and every field's weight, which add up to it."""
    # the record ids first: a filter by a list of values scans the edges
    # once, where a join on the two record columns scans them twice
    records = list(
        wh.frame(
            "select record_id from {resolved} where customer_id = ?", [customer_id]
        )["record_id"]
    )
    return wh.frame(
        """
        with touching as (
            select *
            from {edges}
            where list_contains(?, record_id_a) or list_contains(?, record_id_b)
        )
        select
            edges.status,
            edges.match_rule,
            edges.record_id_a,
            edges.record_id_b,
            edges.identifier_type,
            case when edges.identifier_type <> 'linkage_pair'
                then edges.identifier_value end as identifier_value,
            edges.strength,
            edges.reason,
            edges.street_similarity,
            edges.is_first_name_match,
            edges.is_last_name_match,
            edges.is_birth_date_conflict,
            edges.is_bridge,
            pairs.match_weight,
            pairs.match_probability,
            pairs.deciding_blocking_rule,
            pairs.prior_weight,
            pairs.weight_first_name,
            pairs.weight_middle_name,
            pairs.weight_last_name,
            pairs.weight_birth_date,
            pairs.weight_street,
            pairs.weight_postal_code,
            pairs.weight_city,
            pairs.weight_email,
            pairs.weight_phone,
            pairs.weight_national_id,
            pairs.weight_gender,
            pairs.weight_region
        from touching as edges
        left join {pairs} as pairs
            on edges.identifier_type = 'linkage_pair'
            and split_part(edges.identifier_value, '|', 1) = pairs.profile_id_a
            and split_part(edges.identifier_value, '|', 2) = pairs.profile_id_b
        order by
            case edges.status when 'accepted' then 0
                when 'quarantined' then 1 else 2 end,
            edges.match_rule, edges.record_id_a, edges.record_id_b
        """,
        [records, records],
    )


def consents(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """The consent state per purpose, with the deciding event's system and
    time (a purpose without a decision is absent: no consent)."""
    return wh.frame(
        """
        select purpose, consent_state, is_granted, decided_in,
               deciding_event_id, decided_at
        from {consents} where customer_id = ? order by purpose
        """,
        [customer_id],
    )


def purchases(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """The customer's orders and receipts, one row per document: what was
    sold (gross, discounts, net), what came back over the counter (return
    lines) and what ERP credit memos refunded on it."""
    return wh.frame(
        """
        with lines as (
            select
                document_id,
                any_value(channel) as channel,
                min(sold_at) as sold_at,
                count(*) as lines,
                sum(quantity) filter (where not is_return) as quantity,
                coalesce(sum(gross_amount_reporting)
                    filter (where not is_return), 0) as gross_sales_reporting,
                coalesce(sum(discount_amount_reporting)
                    filter (where not is_return), 0) as discounts_reporting,
                coalesce(sum(net_amount_reporting)
                    filter (where not is_return), 0) as net_sales_reporting,
                coalesce(-sum(net_amount_reporting)
                    filter (where is_return), 0) as store_returns_reporting
            from {sales} where customer_id = ?
            group by document_id
        ),
        credits as (
            select document_id,
                   sum(returned_amount_reporting) as credited_returns_reporting,
                   max(credited_at) as last_credited_at
            from {credits} where customer_id = ?
            group by document_id
        )
        select
            coalesce(lines.document_id, credits.document_id) as document_id,
            lines.channel,
            lines.sold_at,
            lines.lines,
            lines.quantity,
            coalesce(lines.gross_sales_reporting, 0) as gross_sales_reporting,
            coalesce(lines.discounts_reporting, 0) as discounts_reporting,
            coalesce(lines.net_sales_reporting, 0) as net_sales_reporting,
            coalesce(lines.store_returns_reporting, 0) as store_returns_reporting,
            coalesce(credits.credited_returns_reporting, 0)
                as credited_returns_reporting,
            credits.last_credited_at
        from lines
        full outer join credits on lines.document_id = credits.document_id
        order by coalesce(lines.sold_at, credits.last_credited_at) desc
        """,
        [customer_id, customer_id],
    )


def tickets(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """The customer's service tickets."""
    return wh.frame(
        """
        select tickets.ticket_id, tickets.channel, tickets.category,
               tickets.resolution, tickets.csat_score, tickets.is_open,
               tickets.opened_at, tickets.resolved_at
        from {tickets} as tickets
        inner join {resolved} as resolved
            on 'service.tickets:' || tickets.ticket_id = resolved.record_id
        where resolved.customer_id = ?
        order by tickets.opened_at desc
        """,
        [customer_id],
    )


def campaigns(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """Campaign emails sent to any of the customer's addresses, one row per
    campaign, with what the recipient did."""
    return wh.frame(
        """
        with addresses as (
            select distinct identifiers.identifier_value as email
            from {identifiers} as identifiers
            inner join {resolved} as resolved
                on identifiers.record_id = resolved.record_id
            where identifiers.identifier_type = 'email'
              and resolved.customer_id = ?
        )
        select
            email_events.campaign_id,
            any_value(campaigns.campaign_name) as campaign_name,
            any_value(campaigns.purpose) as purpose,
            count(*) filter (where email_events.event_type = 'send') as sent,
            count(*) filter (where email_events.event_type = 'open') as opened,
            count(*) filter (where email_events.event_type = 'click') as clicked,
            bool_or(email_events.event_type = 'unsubscribe') as unsubscribed,
            min(email_events.occurred_at) as first_event_at
        from {email_events} as email_events
        inner join addresses on email_events.recipient_email = addresses.email
        left join {campaigns} as campaigns
            on email_events.campaign_id = campaigns.campaign_id
        group by email_events.campaign_id
        order by first_event_at desc
        """,
        [customer_id],
    )


def loyalty(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """The customer's loyalty memberships with their points balance."""
    return wh.frame(
        """
        select members.member_id, members.card_number, members.tier,
               members.enrolled_at,
               coalesce(sum(points.points), 0) as points_balance,
               count(points.entry_id) as ledger_entries
        from {members} as members
        inner join {resolved} as resolved
            on 'loyalty.members:' || members.member_id = resolved.record_id
        left join {points} as points on members.member_id = points.member_id
        where resolved.customer_id = ?
        group by all
        order by members.enrolled_at
        """,
        [customer_id],
    )


def lifetime_value(wh: Warehouse, customer_id: str) -> pd.DataFrame:
    """The customer's lifetime value with the models' status and the model
    chosen by backtest."""
    return wh.frame(
        """
        select value_tier, lifecycle_stage, purchase_model, purchase_model_status,
               spend_model_status, predicted_purchases, probability_alive,
               expected_margin_per_purchase_reporting,
               predicted_margin_value_reporting, lifetime_margin_value_reporting,
               gross_margin_reporting, net_revenue_reporting, horizon_months,
               has_unknown_cost_of_goods, as_of_date
        from {values} where customer_id = ?
        """,
        [customer_id],
    )


def value_segments(wh: Warehouse) -> pd.DataFrame:
    """fct_value_segments: customers, margin and reachable share per value
    tier and lifecycle stage."""
    return wh.frame(
        """
        select value_tier, lifecycle_stage, customers, reachable_customers,
               gross_margin_reporting, net_revenue_reporting,
               predicted_margin_value_reporting, share_of_gross_margin,
               reachable_share, email_reachable_share, sms_reachable_share,
               unknown_cost_margin_share, return_rate
        from {segments}
        order by value_tier_rank, lifecycle_stage
        """
    )


def identity_health(wh: Warehouse) -> pd.DataFrame:
    """fct_identity_health: one row per build, oldest first."""
    return wh.frame("select * from {health} order by built_at")


# what a profile shows, in order: (section, query, shown as a short table)
PROFILE_SECTIONS = [
    ("Golden record", golden_attributes),
    ("Source records", source_records),
    ("Why these records are one customer", merge_edges),
    ("Consent", consents),
    ("Purchases and returns", purchases),
    ("Lifetime value", lifetime_value),
    ("Service tickets", tickets),
    ("Campaigns", campaigns),
    ("Loyalty", loyalty),
]

# what an erased customer's profile shows: nothing personal
ERASED_SECTIONS = [
    ("Erasure", erasure),
    ("Records per system", records_per_system),
]


@dataclass
class Profile:
    """One customer as the app shows it: the published row and the sections
    (title -> rows). An erased customer gets only ERASED_SECTIONS and a row
    with nothing but the id and the erasure flag."""

    customer_id: str
    row: dict
    sections: dict[str, pd.DataFrame]

    @property
    def is_erased(self) -> bool:
        return bool(self.row.get("is_erased"))


def profile_row(wh: Warehouse, customer_id: str) -> dict | None:
    """The customer's published row, or for an erased customer nothing but
    the id and the flag; None when the warehouse has no such id."""
    row = customer(wh, customer_id)
    if row is not None and row["is_erased"]:
        return {"customer_id": customer_id, "is_erased": True}
    return row


def profile_sections(
    wh: Warehouse, customer_id: str, row: dict
) -> Iterator[tuple[str, pd.DataFrame]]:
    """The profile's sections in order, each as soon as it is ready: the
    queries run side by side (one cursor each), so a page can show the
    first sections while the slower ones still run. An erased customer
    (as `profile_row` gives it) gets ERASED_SECTIONS only."""
    sections = ERASED_SECTIONS if row.get("is_erased") else PROFILE_SECTIONS
    with ThreadPoolExecutor(max_workers=PROFILE_THREADS) as pool:
        futures = [
            (title, pool.submit(query, wh, customer_id)) for title, query in sections
        ]
        for title, future in futures:
            yield title, future.result()


def profile(wh: Warehouse, customer_id: str) -> Profile | None:
    """The customer's whole profile, or None when the warehouse has no such
    id."""
    row = profile_row(wh, customer_id)
    if row is None:
        return None
    return Profile(customer_id, row, dict(profile_sections(wh, customer_id, row)))
