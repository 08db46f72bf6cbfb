"""The footprints of the population in the nine source systems.

Each builder returns plain columns (NumPy arrays) keyed by the raw contract's
column names, and appends (table, record id, person) triples to the ground
truth. Times are integer seconds since the epoch; `NULL_TS` and `NULL_INT`
mark missing values until the writer turns them into Parquet nulls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from c360.generator import reference as ref
from c360.generator.params import Params
from c360.generator.population import DAY, Population
from c360.generator.render import (
    DOUBLE_ZERO,
    E164,
    INTL_SPACED,
    NATIONAL,
    NATIONAL_GROUPED,
    Renderer,
)
from c360.reference_data import eur_per_unit

NULL_TS = np.iinfo(np.int64).min
NULL_INT = np.iinfo(np.int64).min
# Mean purchases per active year of a person of average appetite, by channel
# (population.py draws each person's appetite and buying life). Chosen so
# that volumes stay close to the earlier fixed-count generator.
WEB_ORDERS_PER_YEAR = 4.2
GUEST_ORDERS_PER_YEAR = 1.8
STORE_VISITS_PER_YEAR_MEMBER = 4.2
STORE_VISITS_PER_YEAR = 2.4
Columns = dict[str, np.ndarray]


Sink = Callable[[tuple[str, str], Columns], None]


@dataclass
class Output:
    tables: dict[tuple[str, str], Columns] = field(default_factory=dict)
    truth: list[tuple[str, np.ndarray, np.ndarray]] = field(default_factory=list)
    malformed: list[tuple[str, np.ndarray, np.ndarray]] = field(default_factory=list)


def _ids(prefix: str, start: int, count: int, width: int) -> np.ndarray:
    return np.array(
        [f"{prefix}{i:0{width}d}" for i in range(start, start + count)], dtype=object
    )


def _between(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    lo = np.asarray(lo, dtype=np.int64)
    hi = np.maximum(np.asarray(hi, dtype=np.int64), lo + 1)
    return lo + (rng.random(len(lo)) * (hi - lo)).astype(np.int64)


def _money(values: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(values, dtype=np.float64), 2)


class World:
    """Builds every source table from one population and one random stream."""

    def __init__(
        self, params: Params, pop: Population, rng: np.random.Generator, sink: Sink
    ) -> None:
        self.params = params
        self.sink = sink
        self.pop = pop
        self.rng = rng
        self.dirt = params.dirt
        self.render = Renderer(pop, rng, params.dirt)
        self.as_of = int(np.datetime64(params.as_of, "s").astype(np.int64))
        self.window_start = self.as_of - int(params.years * 365.25 * DAY)
        # the seasonal clock at each midnight of the window (_season_clock)
        days = np.arange(
            np.datetime64(self.window_start - DAY, "s").astype("datetime64[D]"),
            np.datetime64(self.as_of + 2 * DAY, "s").astype("datetime64[D]"),
        )
        month = days.astype("datetime64[M]").astype(np.int64) % 12
        speed = 1 + params.season_strength * (np.asarray(ref.SALES_SEASON)[month] - 1)
        self._clock_days = days.astype("datetime64[s]").astype(np.int64).astype(float)
        self._clock_ticks = np.concatenate([[0.0], np.cumsum(speed[:-1] * DAY)])
        self.out = Output()
        self.country_codes = np.array([c.code for c in ref.COUNTRIES], dtype=object)
        self.currencies = np.array([c.currency for c in ref.COUNTRIES], dtype=object)

    # -- helpers -----------------------------------------------------------
    def truth(self, table: str, ids: np.ndarray, persons: np.ndarray) -> None:
        self.out.truth.append(
            (table, np.asarray(ids).astype(str), np.asarray(persons, dtype=np.int64))
        )

    def emit(self, *tables: tuple[str, str]) -> None:
        """Hand finished tables to the sink (which writes them) and free them."""
        for table in tables:
            self.sink(table, self.out.tables.pop(table))

    def pick_members(self, probability: np.ndarray | float) -> np.ndarray:
        return np.flatnonzero(self.rng.random(self.pop.n) < probability)

    def _purchases(
        self, persons: np.ndarray, start: np.ndarray, per_year: np.ndarray | float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Purchase times of each person from `start` until they lapse (or
        the extract): a Poisson process at `per_year` x their appetite.
        Returns the index into `persons` of each purchase and its time."""
        start = np.asarray(start, dtype=np.int64)
        end = np.maximum(
            np.minimum(self.pop.lapse_at[persons], self.as_of - DAY), start
        )
        # on the seasonal clock a busy month lasts longer: a Poisson process
        # that is even in it is seasonal in calendar time
        clock_start, clock_end = self._season_clock(start), self._season_clock(end)
        years = (clock_end - clock_start) / (365 * DAY)
        counts = self.rng.poisson(per_year * self.pop.appetite[persons] * years)
        index = np.repeat(np.arange(len(persons)), counts)
        on_clock = clock_start[index] + self.rng.random(len(index)) * (
            clock_end[index] - clock_start[index]
        )
        at = np.interp(on_clock, self._clock_ticks, self._clock_days).astype(np.int64)
        return index, np.clip(
            at, start[index], np.maximum(end[index] - 1, start[index])
        )

    def _season_clock(self, at: np.ndarray) -> np.ndarray:
        """Seconds since the window start on a clock that runs faster in the
        busy months (reference.SALES_SEASON, scaled by season_strength)."""
        return np.interp(
            np.asarray(at, dtype=float), self._clock_days, self._clock_ticks
        )

    def _price_in(
        self, eur: np.ndarray, currency: np.ndarray, at: np.ndarray
    ) -> np.ndarray:
        """EUR prices in each sale's currency at the ECB rate of its month
        (the fx_rates seed the warehouse converts with)."""
        days = (np.asarray(at, dtype=np.int64) // DAY).astype("datetime64[D]")
        months = days.astype("datetime64[M]").astype(np.int64)
        keys, codes = np.unique(
            np.rec.fromarrays([currency.astype(str), months]), return_inverse=True
        )
        rates = np.array(
            [
                eur_per_unit(str(c), np.datetime64(int(m), "M").astype(object))
                for c, m in keys
            ]
        )
        return _money(eur / rates[codes.ravel()])

    # -- ERP product master --------------------------------------------------
    def products(self) -> None:
        rng = self.rng
        rows = []
        for category, price, cost_ratio in ref.CATEGORIES:
            for k in range(45):
                adjective = ref.PRODUCT_ADJECTIVES[k % len(ref.PRODUCT_ADJECTIVES)]
                list_price = round(price * float(rng.lognormal(0, 0.35)), 2) - 0.01
                unit_cost = round(
                    list_price * cost_ratio * float(rng.uniform(0.85, 1.15)), 2
                )
                rows.append(
                    (
                        f"{adjective} {category.rstrip('s')} {k + 1}",
                        category,
                        list_price,
                        unit_cost,
                    )
                )
        n = len(rows)
        self.sku = _ids("SKU-", 10001, n, 5)
        self.sku_price_eur = np.array([r[2] for r in rows])
        # popular products sell more often (Zipf-like weights)
        weights = 1.0 / np.arange(1, n + 1) ** 0.8
        self.sku_weights = rng.permutation(weights / weights.sum())
        self.out.tables[("erp", "products")] = {
            "sku": self.sku,
            "product_name": np.array([r[0] for r in rows], dtype=object),
            "category": np.array([r[1] for r in rows], dtype=object),
            "currency_code": np.full(n, "EUR", dtype=object),
            "unit_cost": _money([r[3] for r in rows]),
            "list_price": _money(self.sku_price_eur),
            "changed_at": _between(
                rng, np.full(n, self.window_start), np.full(n, self.as_of - DAY)
            ),
        }

    def _lines(
        self, n_parents: int, mean_extra: float, currency: np.ndarray, at: np.ndarray
    ) -> tuple[np.ndarray, ...]:
        """Line items for parents: (parent index, sku, quantity, price, discount)."""
        rng = self.rng
        counts = 1 + rng.poisson(mean_extra, n_parents)
        parent = np.repeat(np.arange(n_parents), counts)
        m = len(parent)
        sku_idx = rng.choice(len(self.sku), size=m, p=self.sku_weights)
        quantity = 1 + (rng.random(m) < 0.15) + (rng.random(m) < 0.03)
        price = self._price_in(
            self.sku_price_eur[sku_idx] * rng.uniform(0.95, 1.05, m),
            currency[parent],
            at[parent],
        )
        discounted = rng.random(m) < 0.12
        discount = _money(
            np.where(discounted, price * quantity * rng.uniform(0.1, 0.3, m), 0.0)
        )
        return parent, self.sku[sku_idx], quantity.astype(np.int64), price, discount

    # -- CRM -----------------------------------------------------------------
    def crm(self) -> None:
        rng, pop = self.rng, self.pop
        persons = self.pick_members(0.45)
        dupes = persons[rng.random(len(persons)) < self.dirt.crm_duplicate]
        persons = np.sort(np.concatenate([persons, dupes]))
        persons = persons[rng.permutation(len(persons))]
        m = len(persons)
        created = _between(rng, pop.since[persons], self.as_of - 2 * DAY)
        updated = _between(rng, created, self.as_of - DAY)
        first, last = self.render.names(persons, updated)
        street, postal, city, country = self.render.addresses(persons, updated)
        ids = _ids("C", 100001, m, 7)
        self.crm_contact_of = {int(p): ids[j] for j, p in enumerate(persons)}
        self.out.tables[("crm", "contacts")] = {
            "contact_id": ids,
            "salutation": self.render.salutations(persons, share=0.6),
            "first_name": first,
            "middle_name": self._none(m),
            "last_name": last,
            "email": self._sometimes_missing(
                self.render.emails(persons, updated), 0.08
            ),
            "phone": self._sometimes_missing(
                self.render.phones(persons, updated, canonical=NATIONAL), 0.2
            ),
            "birth_date": self.render.birth_dates(
                persons, missing=0.15, german_format=0.1
            ),
            "national_id": self.render.national_ids(persons, share=0.1),
            "street": street,
            "address_line_2": self._none(m),
            "postal_code": postal,
            "city": city,
            "region": self._none(m),
            "country_code": country,
            "created_at": created,
            "updated_at": updated,
        }
        self.truth("crm.contacts", ids, persons)
        self.crm_persons = persons

    @staticmethod
    def _none(m: int) -> np.ndarray:
        return np.full(m, None, dtype=object)

    def _sometimes_missing(self, values: np.ndarray, share: float) -> np.ndarray:
        values = values.copy()
        values[self.rng.random(len(values)) < share] = None
        return values

    # -- shop ----------------------------------------------------------------
    def shop(self) -> None:
        rng, pop = self.rng, self.pop
        persons = self.pick_members(0.55)
        dupes = persons[rng.random(len(persons)) < self.dirt.shop_duplicate]
        is_second = np.concatenate(
            [np.zeros(len(persons), bool), np.ones(len(dupes), bool)]
        )
        persons = np.concatenate([persons, dupes])
        order = rng.permutation(len(persons))
        persons, is_second = persons[order], is_second[order]
        m = len(persons)
        # orders by account holders: one purchase process from the person's
        # first contact, as in the other channels (a buying rate that jumped
        # at account creation would be no process a model could learn); an
        # account is opened no later than its first order
        acct, a_ordered = self._purchases(
            persons, pop.since[persons], WEB_ORDERS_PER_YEAR
        )
        first_order = np.full(m, np.iinfo(np.int64).max)
        np.minimum.at(first_order, acct, a_ordered)
        created = np.minimum(
            _between(rng, pop.since[persons], self.as_of - 10 * DAY),
            np.maximum(first_order - 3600, pop.since[persons]),
        )
        updated = _between(rng, created, self.as_of - DAY)
        first, last = self.render.names(persons, created, typo_rate=0.03)
        email = self.render.emails(persons, updated)
        for j in np.flatnonzero(is_second):
            email[j] = self.render.alternate_email(int(persons[j]))
        street, postal, city, country = self.render.addresses(persons, updated)
        ids = np.arange(500001, 500001 + m, dtype=np.int64)
        self.out.tables[("shop", "customers")] = {
            "customer_id": ids,
            "email": email,
            "first_name": first,
            "last_name": last,
            "phone": self._sometimes_missing(
                self.render.phones(persons, updated, canonical=E164), 0.4
            ),
            "street": street,
            "postal_code": postal,
            "city": city,
            "country_code": country,
            "created_at": created,
            "updated_at": updated,
        }
        self.truth("shop.customers", ids.astype(str), persons)
        self.shop_ids, self.shop_persons, self.shop_created = ids, persons, created

        a_persons = persons[acct]
        # guest checkouts (some of them by people who also hold an account)
        guests = self.pick_members(0.12)
        guest_of, g_ordered = self._purchases(
            guests, pop.since[guests], GUEST_ORDERS_PER_YEAR
        )
        g_persons = guests[guest_of]
        o_persons = np.concatenate([a_persons, g_persons])
        o_at = np.concatenate([a_ordered, g_ordered])
        o_customer = np.concatenate([ids[acct], np.full(len(g_persons), NULL_INT)])
        sort = np.argsort(o_at, kind="stable")
        o_persons, o_at, o_customer = o_persons[sort], o_at[sort], o_customer[sort]
        n = len(o_persons)
        is_guest = o_customer == NULL_INT
        g_idx = np.flatnonzero(is_guest)
        guest_email = np.full(n, None, dtype=object)
        guest_first = np.full(n, None, dtype=object)
        guest_last = np.full(n, None, dtype=object)
        guest_phone = np.full(n, None, dtype=object)
        guest_email[g_idx] = self.render.emails(o_persons[g_idx], o_at[g_idx])
        guest_first[g_idx], guest_last[g_idx] = self.render.names(
            o_persons[g_idx], o_at[g_idx]
        )
        guest_phone[g_idx] = self._sometimes_missing(
            self.render.phones(o_persons[g_idx], o_at[g_idx], canonical=E164), 0.3
        )
        # a guest who leaves nothing that names them: an anonymous sale
        silent = g_idx[rng.random(len(g_idx)) < self.dirt.anonymous_guest_order]
        guest_email[silent] = guest_first[silent] = guest_last[silent] = None
        guest_phone[silent] = None
        _, postal, _, country = self.render.addresses(o_persons, o_at)
        currency = self.currencies[pop.country[o_persons]]
        order_ids = np.arange(7000001, 7000001 + n, dtype=np.int64)
        parent, sku, qty, price, line_disc = self._lines(n, 1.3, currency, o_at)
        line_net = np.bincount(parent, weights=qty * price - line_disc, minlength=n)
        coupon = _money(
            np.where(
                rng.random(n) < 0.08,
                np.minimum(rng.choice([5.0, 10.0, 15.0], n), line_net * 0.5),
                0.0,
            )
        )
        shipping = np.where(line_net >= 50, 0.0, 4.95)
        status = np.where(rng.random(n) < 0.05, "cancelled", "completed").astype(object)
        self.out.tables[("shop", "orders")] = {
            "order_id": order_ids,
            "customer_id": o_customer,
            "guest_email": guest_email,
            "guest_first_name": guest_first,
            "guest_last_name": guest_last,
            "guest_phone": guest_phone,
            "shipping_postal_code": postal,
            "shipping_country_code": country,
            "status": status,
            "currency_code": currency,
            "discount_amount": coupon,
            "shipping_amount": _money(shipping),
            "order_total": _money(line_net - coupon + shipping),
            "ordered_at": o_at,
        }
        self.out.tables[("shop", "order_lines")] = {
            "order_line_id": np.arange(
                90000001, 90000001 + len(parent), dtype=np.int64
            ),
            "order_id": order_ids[parent],
            "sku": sku,
            "quantity": qty,
            "unit_price": price,
            "discount_amount": line_disc,
        }
        self.truth("shop.orders", order_ids.astype(str), o_persons)
        self.orders = {
            "id": order_ids,
            "persons": o_persons,
            "at": o_at,
            "customer": o_customer,
            "currency": currency,
            "total": _money(line_net - coupon + shipping),
            "completed": status == "completed",
        }

    # -- loyalty (before POS, whose receipts carry card numbers) --------------
    def loyalty_members(self) -> None:
        rng, pop = self.rng, self.pop
        persons = self.pick_members(0.30)
        dupes = persons[rng.random(len(persons)) < self.dirt.loyalty_duplicate]
        persons = np.concatenate([persons, dupes])
        persons = persons[rng.permutation(len(persons))]
        m = len(persons)
        enrolled = _between(rng, pop.since[persons], self.as_of - 5 * DAY)
        updated = _between(rng, enrolled, self.as_of - DAY)
        first, last = self.render.names(persons, updated)
        street, postal, city, country = self.render.addresses(persons, updated)
        ids = _ids("LM", 1, m, 8)
        cards = np.array(
            [f"6012{x:012d}" for x in rng.choice(10**12, size=m, replace=False)],
            dtype=object,
        )
        self.out.tables[("loyalty", "members")] = {
            "member_id": ids,
            "card_number": cards,
            "first_name": first,
            "last_name": last,
            "email": self._sometimes_missing(self.render.emails(persons, updated), 0.1),
            "phone": self._sometimes_missing(
                self.render.phones(persons, updated, canonical=INTL_SPACED), 0.3
            ),
            "birth_date": self.render.birth_dates(
                persons, missing=0.3, compact_format=0.5
            ),
            "national_id": self.render.national_ids(persons, share=0.35),
            "street": self._sometimes_missing(street, 0.4),
            "address_line_2": self._none(m),
            "postal_code": postal,
            "city": city,
            "region": self._none(m),
            "country_code": country,
            "tier": rng.choice(
                np.array(["basic", "silver", "gold"], dtype=object),
                size=m,
                p=[0.7, 0.22, 0.08],
            ),
            "enrolled_at": enrolled,
            "updated_at": updated,
        }
        self.truth("loyalty.members", ids, persons)
        # the card a person presents: the latest one they enrolled
        card_of = np.full(pop.n, -1, dtype=np.int64)
        sort = np.argsort(enrolled, kind="stable")
        card_of[persons[sort]] = sort
        self.loyalty = {
            "ids": ids,
            "cards": cards,
            "persons": persons,
            "enrolled": enrolled,
            "card_of": card_of,
        }

    # -- POS -----------------------------------------------------------------
    def pos(self) -> None:
        rng, pop = self.rng, self.pop
        is_member = self.loyalty["card_of"] >= 0
        persons = self.pick_members(np.where(is_member, 0.9, 0.55))
        rate = np.where(
            is_member[persons], STORE_VISITS_PER_YEAR_MEMBER, STORE_VISITS_PER_YEAR
        )
        visit_of, at = self._purchases(persons, pop.since[persons], rate)
        r_persons = persons[visit_of]
        sort = np.argsort(at, kind="stable")
        r_persons, at = r_persons[sort], at[sort]
        n = len(r_persons)
        _, _, city, country = self.render.addresses(r_persons, at)
        store_country = country
        store = np.array(
            [
                f"ST-{c}-{abs(hash_city(s)) % 1000:03d}"
                for c, s in zip(country, city, strict=True)
            ],
            dtype=object,
        )
        card_idx = self.loyalty["card_of"][r_persons]
        enrolled_then = (card_idx >= 0) & (
            at >= self.loyalty["enrolled"][np.maximum(card_idx, 0)]
        )
        identified = rng.random(n) < (1.0 - self.dirt.pos_anonymous)
        # members identify mostly by card; others can only give a phone number
        use_card = identified & enrolled_then & (rng.random(n) < 0.85)
        use_phone = identified & ~use_card
        card = np.full(n, None, dtype=object)
        card[use_card] = self.loyalty["cards"][card_idx[use_card]]
        for j in np.flatnonzero(use_card & (rng.random(n) < 0.1)):
            c = card[j]
            card[j] = f"{c[:4]} {c[4:8]} {c[8:12]} {c[12:]}"
        phone = np.full(n, None, dtype=object)
        ph = np.flatnonzero(use_phone)
        phone[ph] = self.render.phones(
            r_persons[ph],
            at[ph],
            canonical=NATIONAL,
            styles=(NATIONAL, NATIONAL_GROUPED),
        )
        currency = self.currencies[pop.country[r_persons]]
        ids = np.array([f"R{x:09d}" for x in range(1, n + 1)], dtype=object)
        parent, sku, qty, price, disc = self._lines(n, 1.6, currency, at)
        returns = rng.random(len(parent)) < 0.03
        qty = np.where(returns, -qty, qty)
        disc = np.where(returns, 0.0, disc)
        total = np.bincount(parent, weights=qty * price - disc, minlength=n)
        line_number = np.arange(len(parent)) - np.searchsorted(parent, parent) + 1
        self.out.tables[("pos", "receipts")] = {
            "receipt_id": ids,
            "store_id": store,
            "store_country_code": store_country,
            "loyalty_card_number": card,
            "customer_phone": phone,
            "currency_code": currency,
            "total_amount": _money(total),
            "purchased_at": at,
        }
        self.out.tables[("pos", "receipt_lines")] = {
            "receipt_id": ids[parent],
            "line_number": line_number.astype(np.int64),
            "sku": sku,
            "quantity": qty,
            "unit_price": price,
            "discount_amount": _money(disc),
            "is_return": returns,
        }
        self.truth("pos.receipts", ids, r_persons)
        self.receipts = {
            "ids": ids,
            "persons": r_persons,
            "at": at,
            "currency": currency,
            "total": _money(total),
            "identified": identified,
            "card": use_card,
            "card_idx": card_idx,
        }

    # -- loyalty points --------------------------------------------------------
    def loyalty_points(self) -> None:
        rng = self.rng
        r = self.receipts
        earn = np.flatnonzero(r["card"] & (r["total"] > 0))
        member = self.loyalty["ids"][r["card_idx"][earn]]
        points = np.floor(r["total"][earn]).astype(np.int64)
        redeem_from = earn[rng.random(len(earn)) < 0.08]
        redeem_at = r["at"][redeem_from] + DAY
        redeem_points = -np.minimum(
            500, np.maximum(50, points[np.searchsorted(earn, redeem_from)] * 2)
        )
        expire_members = rng.random(len(self.loyalty["ids"])) < 0.05
        exp_idx = np.flatnonzero(expire_members)
        exp_at = _between(
            rng,
            self.loyalty["enrolled"][exp_idx] + 365 * DAY,
            np.full(len(exp_idx), self.as_of - DAY),
        )
        valid = exp_at < self.as_of
        exp_idx, exp_at = exp_idx[valid], exp_at[valid]
        member_id = np.concatenate(
            [
                member,
                self.loyalty["ids"][r["card_idx"][redeem_from]],
                self.loyalty["ids"][exp_idx],
            ]
        )
        entry_type = np.concatenate(
            [
                np.full(len(earn), "earn", dtype=object),
                np.full(len(redeem_from), "redeem", dtype=object),
                np.full(len(exp_idx), "expire", dtype=object),
            ]
        )
        pts = np.concatenate(
            [points, redeem_points, -rng.integers(10, 200, len(exp_idx))]
        )
        receipt = np.concatenate(
            [
                r["ids"][earn],
                np.full(len(redeem_from) + len(exp_idx), None, dtype=object),
            ]
        )
        at = np.concatenate(
            [r["at"][earn] + 60, np.minimum(redeem_at, self.as_of - 1), exp_at]
        )
        sort = np.argsort(at, kind="stable")
        self.out.tables[("loyalty", "points_ledger")] = {
            "entry_id": np.arange(1, len(at) + 1, dtype=np.int64),
            "member_id": member_id[sort],
            "entry_type": entry_type[sort],
            "points": pts[sort].astype(np.int64),
            "pos_receipt_id": receipt[sort],
            "occurred_at": at[sort],
        }

    # -- ERP -----------------------------------------------------------------
    def erp(self) -> None:
        rng, pop = self.rng, self.pop
        o = self.orders
        # one sold-to partner per shop account, one per guest order, and one
        # for store customers who ask for an invoice and have none yet
        acct_persons, acct_created = self.shop_persons, self.shop_created
        guest = np.flatnonzero((o["customer"] == NULL_INT) & o["completed"])
        r = self.receipts
        pos_inv = np.flatnonzero(r["identified"] & (rng.random(len(r["ids"])) < 0.1))
        partner_of_person = np.full(pop.n, -1, dtype=np.int64)
        partner_of_person[acct_persons] = np.arange(len(acct_persons))
        needs_new = pos_inv[partner_of_person[r["persons"][pos_inv]] < 0]
        _, first_receipt = np.unique(r["persons"][needs_new], return_index=True)
        pos_new = needs_new[first_receipt]
        p_persons = np.concatenate(
            [acct_persons, o["persons"][guest], r["persons"][pos_new]]
        )
        p_created = np.concatenate(
            [
                acct_created + rng.integers(0, 3 * DAY, len(acct_persons)),
                o["at"][guest] + 3600,
                r["at"][pos_new] + 600,
            ]
        )
        m = len(p_persons)
        changed = _between(rng, p_created, np.full(m, self.as_of - DAY))
        changed = np.where(rng.random(m) < 0.7, p_created, changed)
        first, last = self.render.names(p_persons, p_created, separate_fields=False)
        name = np.array(
            [f"{la}, {fi}" for fi, la in zip(first, last, strict=True)], dtype=object
        )
        upper = rng.random(m) < 0.3
        name[upper] = np.array([x.upper() for x in name[upper]], dtype=object)
        street, postal, city, country = self.render.addresses(p_persons, p_created)
        ids = _ids("BP", 2000001, m, 8)
        self.out.tables[("erp", "business_partners")] = {
            "partner_id": ids,
            "partner_name": name,
            "email": self._sometimes_missing(
                self.render.emails(p_persons, p_created), 0.05
            ),
            "phone": self._sometimes_missing(
                self.render.phones(p_persons, p_created, canonical=DOUBLE_ZERO), 0.35
            ),
            "street": street,
            "postal_code": postal,
            "city": city,
            "country_code": country,
            "created_at": p_created,
            "changed_at": np.maximum(changed, p_created),
        }
        self.truth("erp.business_partners", ids, p_persons)

        # invoices: every completed shop order, and requested store invoices
        acct_of_order = np.searchsorted(self.shop_ids, o["customer"])
        shop_inv = np.flatnonzero(o["completed"])
        partner_idx = np.where(
            o["customer"][shop_inv] == NULL_INT,
            -1,
            acct_of_order[shop_inv].clip(0, len(acct_persons) - 1),
        )
        guest_pos = np.searchsorted(guest, shop_inv)
        partner_idx = np.where(
            partner_idx < 0, len(acct_persons) + guest_pos, partner_idx
        )
        partner_of_person[r["persons"][pos_new]] = (
            len(acct_persons) + len(guest) + np.arange(len(pos_new))
        )
        pos_partner = partner_of_person[r["persons"][pos_inv]]
        n_inv = len(shop_inv) + len(pos_inv)
        net = np.concatenate([o["total"][shop_inv], r["total"][pos_inv]])
        currency = np.concatenate([o["currency"][shop_inv], r["currency"][pos_inv]])
        inv_at = np.concatenate(
            [
                np.minimum(
                    o["at"][shop_inv] + rng.integers(3600, 3 * DAY, len(shop_inv)),
                    self.as_of - 60,
                ),
                r["at"][pos_inv] + 900,
            ]
        )
        vat = np.array(
            [{"GBP": 0.2, "USD": 0.07, "CHF": 0.081}.get(c, 0.19) for c in currency]
        )
        inv_ids = _ids("INV", 1, n_inv, 9)
        self.out.tables[("erp", "invoices")] = {
            "invoice_id": inv_ids,
            "partner_id": ids[np.concatenate([partner_idx, pos_partner])],
            "shop_order_id": np.concatenate(
                [o["id"][shop_inv], np.full(len(pos_inv), NULL_INT)]
            ),
            "pos_receipt_id": np.concatenate(
                [np.full(len(shop_inv), None, dtype=object), r["ids"][pos_inv]]
            ),
            "currency_code": currency,
            "net_amount": _money(net),
            "tax_amount": _money(net * vat),
            "invoiced_at": inv_at,
        }

        # credit memos: returns of shop orders, with a reason
        returned = np.flatnonzero(
            (rng.random(len(shop_inv)) < 0.12) & (net[: len(shop_inv)] > 0)
        )
        full = rng.random(len(returned)) < 0.4
        share = np.where(full, 1.0, rng.uniform(0.2, 0.8, len(returned)))
        credited = inv_at[returned] + rng.integers(2 * DAY, 40 * DAY, len(returned))
        keep = credited < self.as_of
        returned, share, credited = returned[keep], share[keep], credited[keep]
        reasons = np.array(ref.RETURN_REASONS, dtype=object)
        memo_invoice = inv_ids[returned].astype(object)
        memo_partner = np.full(len(returned), None, dtype=object)
        unnamed = rng.random(len(returned)) < self.dirt.memo_without_invoice
        memo_partner[unnamed] = self.out.tables[("erp", "invoices")]["partner_id"][
            returned[unnamed]
        ]
        memo_invoice[unnamed] = None
        self.out.tables[("erp", "credit_memos")] = {
            "credit_memo_id": _ids("CM", 1, len(returned), 8),
            "invoice_id": memo_invoice,
            "partner_id": memo_partner,
            "reason_code": reasons[rng.integers(0, len(reasons), len(returned))],
            "currency_code": currency[returned],
            "net_amount": _money(net[returned] * share),
            "credited_at": credited,
        }

    # -- service -------------------------------------------------------------
    def service(self) -> None:
        rng, pop = self.rng, self.pop
        persons = self.pick_members(0.2)
        t_persons = np.repeat(persons, 1 + rng.poisson(0.8, len(persons)))
        n = len(t_persons)
        opened = _between(rng, pop.since[t_persons], self.as_of - 3600)
        sort = np.argsort(opened, kind="stable")
        t_persons, opened = t_persons[sort], opened[sort]
        channel = rng.choice(
            np.array(["phone", "email", "chat"], dtype=object),
            size=n,
            p=[0.4, 0.4, 0.2],
        )
        first, last = self.render.names(t_persons, opened, separate_fields=False)
        name = np.array(
            [f"{f} {la}" for f, la in zip(first, last, strict=True)], dtype=object
        )
        email = self.render.emails(t_persons, opened)
        email[channel == "phone"] = None
        phone = self.render.phones(
            t_persons, opened, canonical=E164, styles=(E164, INTL_SPACED, DOUBLE_ZERO)
        )
        phone[(channel != "phone") & (rng.random(n) < 0.8)] = None
        crm_id = np.full(n, None, dtype=object)
        looked_up = rng.random(n) < 0.6
        for j in np.flatnonzero(looked_up):
            crm_id[j] = self.crm_contact_of.get(int(t_persons[j]))
        duration = rng.integers(600, 10 * DAY, n)
        still_open = (opened + duration > self.as_of) | (rng.random(n) < 0.02)
        resolved = np.where(still_open, NULL_TS, opened + duration)
        resolutions = np.array(ref.TICKET_RESOLUTIONS, dtype=object)
        resolution = resolutions[rng.integers(0, len(resolutions), n)]
        resolution[still_open] = None
        csat = np.where(
            ~still_open & (rng.random(n) < 0.4),
            rng.choice([1, 2, 3, 4, 5], n, p=[0.08, 0.07, 0.15, 0.35, 0.35]),
            NULL_INT,
        )
        categories = np.array(ref.TICKET_CATEGORIES, dtype=object)
        ids = _ids("T", 1, n, 8)
        self.out.tables[("service", "tickets")] = {
            "ticket_id": ids,
            "channel": channel,
            "requester_name": name,
            "requester_email": email,
            "requester_phone": phone,
            "crm_contact_id": crm_id,
            "category": categories[rng.integers(0, len(categories), n)],
            "resolution": resolution,
            "csat_score": csat.astype(np.int64),
            "opened_at": opened,
            "resolved_at": resolved,
        }
        self.truth("service.tickets", ids, t_persons)

    # -- marketing -----------------------------------------------------------
    def marketing(self) -> None:
        rng, pop = self.rng, self.pop
        n_campaigns = max(1, int(self.params.years * 36))
        sched = np.sort(
            _between(
                rng,
                np.full(n_campaigns, self.window_start),
                np.full(n_campaigns, self.as_of - 2 * DAY),
            )
        )
        cids = _ids("CMP-", 1, n_campaigns, 4)
        themes = (
            "Spring sale",
            "New arrivals",
            "Weekend deals",
            "Loyalty bonus",
            "Back to school",
            "Black week",
            "Winter collection",
            "Newsletter",
        )
        names = np.array(
            [f"{themes[i % len(themes)]} #{i + 1}" for i in range(n_campaigns)],
            dtype=object,
        )
        self.out.tables[("marketing", "campaigns")] = {
            "campaign_id": cids,
            "campaign_name": names,
            "purpose": np.full(n_campaigns, "email_marketing", dtype=object),
            "scheduled_at": sched,
        }
        subscribed = rng.random(pop.n) < 0.5
        subs = np.flatnonzero(subscribed)
        sub_at = np.full(pop.n, NULL_TS)
        sub_at[subs] = _between(rng, pop.since[subs], self.as_of - 3 * DAY)
        list_email = np.full(pop.n, None, dtype=object)
        list_email[subs] = self.render.emails(subs, sub_at[subs])
        unsubscribed_at = np.full(pop.n, np.iinfo(np.int64).max)
        ev_person, ev_campaign, ev_type, ev_at = [], [], [], []
        for c in range(n_campaigns):
            t = int(sched[c])
            eligible = np.flatnonzero(
                (sub_at <= t) & (sub_at != NULL_TS) & (unsubscribed_at > t)
            )
            sent = eligible[rng.random(len(eligible)) < 0.12]
            k = len(sent)
            u = rng.random((5, k))
            delivered = u[0] < 0.97
            opened = delivered & (u[1] < 0.25)
            clicked = opened & (u[2] < 0.2)
            unsub = delivered & (u[3] < 0.005)
            unsubscribed_at[sent[unsub]] = t + 7200
            for mask, kind, lag in (
                (np.ones(k, bool), "send", 0),
                (delivered, "delivered", 60),
                (~delivered, "bounce", 120),
                (opened, "open", 3600),
                (clicked, "click", 4000),
                (unsub, "unsubscribe", 7200),
            ):
                idx = sent[mask]
                ev_person.append(idx)
                ev_campaign.append(np.full(len(idx), c))
                ev_type.append(np.full(len(idx), kind, dtype=object))
                jitter = (u[4][mask] * lag * 5).astype(np.int64)
                ev_at.append(np.minimum(t + lag + jitter, self.as_of - 1))
        persons = np.concatenate(ev_person)
        at = np.concatenate(ev_at)
        sort = np.argsort(at, kind="stable")
        persons = persons[sort]
        ids = np.arange(1, len(persons) + 1, dtype=np.int64)
        self.out.tables[("marketing", "email_events")] = {
            "event_id": ids,
            "campaign_id": cids[np.concatenate(ev_campaign)[sort]],
            "recipient_email": list_email[persons],
            "event_type": np.concatenate(ev_type)[sort],
            "occurred_at": at[sort],
        }
        self.truth("marketing.email_events", ids.astype(str), persons)
        self.subscriptions = {
            "persons": subs,
            "at": sub_at[subs],
            "email": list_email[subs],
            "unsub_at": unsubscribed_at[subs],
        }

    # -- consent ---------------------------------------------------------------
    def consent(self) -> None:
        rng, _pop = self.rng, self.pop
        parts: list[tuple[np.ndarray, ...]] = []

        def add(
            persons: np.ndarray,
            id_type: str,
            values: np.ndarray,
            purpose: str,
            decision: np.ndarray,
            source: str,
            at: np.ndarray,
        ) -> None:
            k = len(persons)
            parts.append(
                (
                    persons,
                    np.full(k, id_type, dtype=object),
                    values,
                    np.full(k, purpose, dtype=object),
                    decision,
                    np.full(k, source, dtype=object),
                    at,
                )
            )

        s = self.subscriptions
        add(
            s["persons"],
            "email",
            s["email"],
            "email_marketing",
            np.full(len(s["persons"]), "granted", dtype=object),
            "marketing",
            s["at"],
        )
        gone = s["unsub_at"] < np.iinfo(np.int64).max
        add(
            s["persons"][gone],
            "email",
            s["email"][gone],
            "email_marketing",
            np.full(int(gone.sum()), "withdrawn", dtype=object),
            "marketing",
            s["unsub_at"][gone],
        )
        shop = self.out.tables[("shop", "customers")]
        k = len(self.shop_persons)
        for purpose, p_yes in (
            ("email_marketing", 0.55),
            ("personalisation", 0.5),
            ("third_party_sharing", 0.15),
        ):
            decision = np.where(rng.random(k) < p_yes, "granted", "denied").astype(
                object
            )
            add(
                self.shop_persons,
                "email",
                shop["email"],
                purpose,
                decision,
                "shop",
                shop["created_at"],
            )
        crm = self.out.tables[("crm", "contacts")]
        k = len(self.crm_persons)
        pick = rng.random(k) < 0.5
        add(
            self.crm_persons[pick],
            "crm_contact_id",
            crm["contact_id"][pick],
            "email_marketing",
            np.where(rng.random(int(pick.sum())) < 0.3, "withdrawn", "granted").astype(
                object
            ),
            "crm",
            crm["updated_at"][pick],
        )
        lm = self.out.tables[("loyalty", "members")]
        k = len(self.loyalty["persons"])
        add(
            self.loyalty["persons"],
            "loyalty_member_id",
            lm["member_id"],
            "personalisation",
            np.where(rng.random(k) < 0.8, "granted", "denied").astype(object),
            "loyalty",
            lm["enrolled_at"],
        )
        has_phone = np.array([v is not None for v in lm["phone"]])
        add(
            self.loyalty["persons"][has_phone],
            "phone",
            lm["phone"][has_phone],
            "sms_marketing",
            np.where(
                rng.random(int(has_phone.sum())) < 0.4, "granted", "denied"
            ).astype(object),
            "loyalty",
            lm["enrolled_at"][has_phone],
        )
        persons, id_type, value, purpose, decision, source, at = (
            np.concatenate(col) for col in zip(*parts, strict=True)
        )
        sort = np.argsort(at, kind="stable")
        n = len(sort)
        ids = _ids("CE", 1, n, 9)
        id_type, value, purpose, decision = (
            self._code_variants(column[sort], kind)
            for column, kind in (
                (id_type, "identifier_type"),
                (value, "identifier_value"),
                (purpose, "purpose"),
                (decision, "decision"),
            )
        )
        self.out.tables[("consent", "consent_events")] = {
            "consent_event_id": ids,
            "identifier_type": id_type,
            "identifier_value": value,
            "purpose": purpose,
            "decision": decision,
            "source_system": source[sort],
            "occurred_at": at[sort],
        }
        self.truth("consent.consent_events", ids, persons[sort])

        # privacy (erasure and access) requests
        asking = self.pick_members(0.006)
        has_crm = np.isin(asking, self.crm_persons)
        k = len(asking)
        requested = _between(
            rng, np.full(k, self.as_of - 365 * DAY), np.full(k, self.as_of - DAY)
        )
        via_crm = has_crm & (rng.random(k) < 0.3)
        value = self.render.emails(asking, requested, shared_ok=False)
        id_type = np.full(k, "email", dtype=object)
        for j in np.flatnonzero(via_crm):
            value[j] = self.crm_contact_of[int(asking[j])]
            id_type[j] = "crm_contact_id"
        done = rng.integers(DAY, 30 * DAY, k)
        completed = np.where(requested + done < self.as_of, requested + done, NULL_TS)
        ids = _ids("PR", 1, k, 7)
        request_type = np.where(rng.random(k) < 0.8, "erasure", "access").astype(object)
        self.out.tables[("consent", "privacy_requests")] = {
            "request_id": ids,
            "identifier_type": self._code_variants(id_type, "identifier_type"),
            "identifier_value": self._code_variants(value, "identifier_value"),
            "request_type": self._code_variants(request_type, "request_type"),
            "requested_at": requested,
            "completed_at": completed,
        }
        self.truth("consent.privacy_requests", ids, asking)

    def _code_variants(self, codes: np.ndarray, kind: str) -> np.ndarray:
        """The codes, a share `consent_code_variant` of them written the way
        other systems write them (each variant is one real systems send)."""
        variants = ref.CODE_VARIANTS.get(kind, {})
        out = codes.copy()
        hit = self.rng.random(len(codes)) < self.dirt.consent_code_variant
        for j in np.flatnonzero(hit):
            code = out[j]
            if kind == "identifier_value":
                if isinstance(code, str) and "@" in code and "<" not in code:
                    out[j] = f"{code.split('@')[0].replace('.', ' ').title()} <{code}>"
            elif code in variants:
                options = variants[code]
                out[j] = options[int(self.rng.integers(len(options)))]
        return out

    # -- web -----------------------------------------------------------------
    def web(self) -> None:
        rng, pop = self.rng, self.pop
        acct_devices = 1 + rng.poisson(0.6, len(self.shop_ids))
        d_acct = np.repeat(np.arange(len(self.shop_ids)), acct_devices)
        others = np.setdiff1d(np.arange(pop.n), self.shop_persons)
        visitors = others[rng.random(len(others)) < 0.3]
        d_persons = np.concatenate([self.shop_persons[d_acct], visitors])
        d_user = np.concatenate(
            [self.shop_ids[d_acct], np.full(len(visitors), NULL_INT)]
        )
        n_dev = len(d_persons)
        hi, lo = rng.integers(0, 2**63, (2, n_dev), dtype=np.int64)
        anon = np.array(
            [f"{a:016x}-{b:016x}" for a, b in zip(hi, lo, strict=True)], dtype=object
        )
        first_seen = _between(rng, pop.since[d_persons], self.as_of - DAY)
        identified = (d_user != NULL_INT) & (rng.random(n_dev) < 0.8)
        ident_idx = np.flatnonzero(identified)
        ident_at = np.minimum(
            first_seen[ident_idx] + rng.integers(60, 20 * DAY, len(ident_idx)),
            self.as_of - 60,
        )
        self.out.tables[("web", "identifies")] = {
            "identify_id": np.arange(1, len(ident_idx) + 1, dtype=np.int64),
            "anonymous_id": anon[ident_idx],
            "user_id": d_user[ident_idx],
            "identified_at": ident_at,
        }
        ident_time = np.full(n_dev, np.iinfo(np.int64).max)
        ident_time[ident_idx] = ident_at
        per_device = 1 + rng.poisson(5.0, n_dev)
        dev = np.repeat(np.arange(n_dev), per_device)
        at = _between(rng, first_seen[dev], np.full(len(dev), self.as_of - 1))
        sort = np.argsort(at, kind="stable")
        dev, at = dev[sort], at[sort]
        m = len(dev)
        types = np.array(ref.WEB_EVENT_TYPES, dtype=object)
        kind = types[rng.choice(len(types), m, p=[0.45, 0.3, 0.13, 0.07, 0.05])]
        pages = np.array(
            [
                "/",
                "/sale",
                "/cart",
                "/checkout",
                "/account",
                *(f"/p/{s.lower()}" for s in self.sku),
            ],
            dtype=object,
        )
        page = pages[rng.integers(0, len(pages), m)]
        logged_in = at >= ident_time[dev]
        self.out.tables[("web", "events")] = {
            "event_id": np.arange(1, m + 1, dtype=np.int64),
            "anonymous_id": anon[dev],
            "user_id": np.where(logged_in, d_user[dev], NULL_INT),
            "event_type": kind,
            "page_path": page,
            "occurred_at": at,
        }
        self.truth("web.anonymous_ids", anon, d_persons)

    # -- all -------------------------------------------------------------------
    def build(self, progress: Callable[[str], None]) -> Output:
        steps: list[tuple[str, Callable[[], None]]] = [
            ("products", self.products),
            ("crm", self.crm),
            ("shop", self.shop),
            ("loyalty", self.loyalty_members),
            ("pos", self.pos),
            ("points", self.loyalty_points),
            ("erp", self.erp),
            ("service", self.service),
            ("marketing", self.marketing),
            ("consent", self.consent),
            ("web", self.web),
        ]
        # a table is emitted once no later step reads its columns
        emit_after: dict[str, list[tuple[str, str]]] = {
            "products": [("erp", "products")],
            "shop": [("shop", "order_lines")],
            "pos": [("pos", "receipt_lines")],
            "points": [("loyalty", "points_ledger")],
            "erp": [
                ("shop", "orders"),
                ("pos", "receipts"),
                ("erp", "business_partners"),
                ("erp", "invoices"),
                ("erp", "credit_memos"),
            ],
            "service": [("service", "tickets")],
            "marketing": [("marketing", "campaigns"), ("marketing", "email_events")],
            "consent": [
                ("consent", "consent_events"),
                ("consent", "privacy_requests"),
                ("crm", "contacts"),
                ("shop", "customers"),
                ("loyalty", "members"),
            ],
            "web": [("web", "events"), ("web", "identifies")],
        }
        for name, step in steps:
            step()
            self.emit(*emit_after.get(name, []))
            progress(name)
        return self.out


def hash_city(city: str) -> int:
    """A stable number for a city name (Python's hash() is salted per process)."""
    value = 0
    for ch in city.lower():
        value = (value * 131 + ord(ch)) % 1_000_003
    return value
