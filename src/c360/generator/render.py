"""How a true person shows up in one source record, dirt included.

A record is rendered at a point in time: the name, address, email and phone a
person had then, written the way that system (or its user) writes them, with
the configured rates of typos, nicknames, format variants and placeholders.
"""

from __future__ import annotations

import numpy as np

from c360.generator import reference as ref
from c360.generator.params import DirtRates
from c360.generator.population import Population, ascii_fold

_KEYBOARD_NEIGHBOURS = {
    "a": "sqz",
    "b": "vn",
    "c": "xv",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "g": "fh",
    "h": "gj",
    "i": "uo",
    "j": "hk",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "bm",
    "o": "ip",
    "p": "o",
    "q": "wa",
    "r": "et",
    "s": "ad",
    "t": "rz",
    "u": "zi",
    "v": "cb",
    "w": "qe",
    "x": "yc",
    "y": "tu",
    "z": "tu",
}

# Phone styles: 0 E.164, 1 international spaced, 2 national digits,
# 3 national grouped, 4 00-prefixed, 5 international with (0) trunk.
E164, INTL_SPACED, NATIONAL, NATIONAL_GROUPED, DOUBLE_ZERO, INTL_TRUNK = range(6)


def typo(text: str, rng: np.random.Generator) -> str:
    """One or two keyboard slips: substitution, deletion, doubling, transposition."""
    if len(text) < 3:
        return text
    edits = 1 if rng.random() < 0.8 else 2
    chars = list(text)
    for _ in range(edits):
        kind = int(rng.integers(0, 4))
        pos = int(rng.integers(1, len(chars)))  # keep the initial
        if kind == 0:
            near = _KEYBOARD_NEIGHBOURS.get(chars[pos].lower(), "e")
            chars[pos] = near[int(rng.integers(len(near)))]
        elif kind == 1 and len(chars) > 3:
            del chars[pos]
        elif kind == 2:
            chars.insert(pos, chars[pos])
        elif pos < len(chars) - 1:
            chars[pos], chars[pos + 1] = chars[pos + 1], chars[pos]
        else:
            chars[pos] = _KEYBOARD_NEIGHBOURS.get(chars[pos].lower(), "e")[0]
    return "".join(chars)


def format_phone(digits: str, country: ref.Country, style: int) -> str:
    """Write a national significant number in one of the styles people use."""
    cc = country.calling_code
    if country.code == "US":
        area, exchange, line = digits[:3], digits[3:6], digits[6:]
        return (
            f"+1{digits}",
            f"+1 {area} {exchange} {line}",
            f"({area}) {exchange}-{line}",
            f"{area}-{exchange}-{line}",
            f"001{digits}",
            f"1-{area}-{exchange}-{line}",
        )[style]
    head, tail = digits[:3], digits[3:]
    return (
        f"+{cc}{digits}",
        f"+{cc} {head} {tail}",
        f"0{digits}",
        f"0{head}-{tail[:3]} {tail[3:]}",
        f"00{cc}{digits}",
        f"+{cc} (0){head} {tail}",
    )[style]


class Renderer:
    """Renders identity attributes of persons at given times."""

    def __init__(
        self, pop: Population, rng: np.random.Generator, dirt: DirtRates
    ) -> None:
        self.pop = pop
        self.rng = rng
        self.dirt = dirt

    def names(
        self, persons: np.ndarray, at: np.ndarray, *, typo_rate: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        pop, rng, dirt = self.pop, self.rng, self.dirt
        first = pop.first[persons].copy()
        last = np.where(
            at >= pop.married_at[persons], pop.last_new[persons], pop.last[persons]
        )
        m = len(persons)
        u_nick, u_typo, u_swap, u_case = rng.random((4, m))
        for j in np.flatnonzero(u_nick < dirt.nickname):
            options = ref.NICKNAMES.get(first[j])
            if options:
                first[j] = options[int(rng.integers(len(options)))]
        rate = dirt.name_typo if typo_rate is None else typo_rate
        for j in np.flatnonzero(u_typo < rate):
            if rng.random() < 0.5:
                first[j] = typo(first[j], rng)
            else:
                last[j] = typo(last[j], rng)
        for j in np.flatnonzero(u_swap < dirt.name_swap):
            first[j], last[j] = last[j], first[j]
        for j in np.flatnonzero(u_case < dirt.name_case_noise):
            kind = int(rng.integers(0, 3))
            if kind == 0:
                first[j], last[j] = first[j].upper(), last[j].upper()
            elif kind == 1:
                first[j], last[j] = first[j].lower(), last[j].lower()
            else:
                first[j], last[j] = f" {first[j]}  ", f"{last[j]} "
        return first, last

    def emails(
        self, persons: np.ndarray, at: np.ndarray, *, shared_ok: bool = True
    ) -> np.ndarray:
        pop, rng, dirt = self.pop, self.rng, self.dirt
        m = len(persons)
        u_second, u_shared, u_variant, u_placeholder = rng.random((4, m))
        use_second = (at >= pop.email2_at[persons]) & (u_second < 0.85)
        out = np.where(use_second, pop.email2[persons], pop.email1[persons])
        if shared_ok:
            family = pop.family_email[persons]
            role = pop.role_email[persons]
            use_family = (family != None) & (u_shared < 0.6)  # noqa: E711
            use_role = (role != None) & (u_shared < 0.7)  # noqa: E711
            out = np.where(use_family, family, out)
            out = np.where(use_role, role, out)
        for j in np.flatnonzero(u_variant < dirt.email_variant):
            kind = int(rng.integers(0, 4))
            e = out[j]
            if kind == 0:
                out[j] = e.upper()
            elif kind == 1:
                local, domain = e.split("@", 1)
                out[j] = f"{local.title()}@{domain.capitalize()}"
            elif kind == 2:
                out[j] = f" {e} "
            else:
                out[j] = f"{e}\t"
        for j in np.flatnonzero(u_placeholder < dirt.placeholder):
            out[j] = ref.PLACEHOLDER_EMAILS[
                int(rng.integers(len(ref.PLACEHOLDER_EMAILS)))
            ]
        return out

    def phones(
        self,
        persons: np.ndarray,
        at: np.ndarray,
        *,
        canonical: int,
        styles: tuple[int, ...] = tuple(range(6)),
    ) -> np.ndarray:
        pop, rng, dirt = self.pop, self.rng, self.dirt
        m = len(persons)
        digits = np.where(
            at >= pop.phone2_at[persons], pop.phone2[persons], pop.phone1[persons]
        )
        u_mixed, u_style, u_placeholder = rng.random((3, m))
        # a "mixed" record is written in any style but the system's own
        others = np.array([s for s in styles if s != canonical] or [canonical])
        style = np.where(
            u_mixed < dirt.phone_mixed_format,
            others[(u_style * len(others)).astype(int)],
            canonical,
        )
        country = pop.country[persons]
        out = np.empty(m, dtype=object)
        for j in range(m):
            out[j] = format_phone(digits[j], ref.COUNTRIES[country[j]], int(style[j]))
        for j in np.flatnonzero(u_placeholder < dirt.placeholder):
            out[j] = ref.PLACEHOLDER_PHONES[
                int(rng.integers(len(ref.PLACEHOLDER_PHONES)))
            ]
        return out

    def addresses(
        self,
        persons: np.ndarray,
        at: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        pop, rng, dirt = self.pop, self.rng, self.dirt
        moved = at >= pop.moved_at[persons]
        street = np.where(moved, pop.street_new[persons], pop.street[persons])
        postal = np.where(moved, pop.postal_new[persons], pop.postal[persons])
        city = np.where(moved, pop.city_new[persons], pop.city[persons])
        country = pop.country[persons]
        for j in np.flatnonzero(rng.random(len(persons)) < dirt.address_variant):
            c = ref.COUNTRIES[country[j]]
            kind = int(rng.integers(0, 4))
            if kind <= 1:  # abbreviate the street type
                for full, short in c.street_suffixes:
                    if full in street[j]:
                        street[j] = street[j].replace(full, short)
                        break
            elif kind == 2:
                street[j] = typo(street[j], rng)
            else:
                street[j] = street[j].upper()
                city[j] = city[j].upper() if rng.random() < 0.5 else city[j]
        codes = np.array([c.code for c in ref.COUNTRIES], dtype=object)[country]
        return street, postal, city, codes

    def birth_dates(
        self, persons: np.ndarray, *, missing: float = 0.1, german_format: float = 0.0
    ) -> np.ndarray:
        dates = self.pop.birth_date[persons].astype(str)
        out = dates.astype(object)
        u_missing, u_format = self.rng.random((2, len(persons)))
        for j in np.flatnonzero(u_format < german_format):
            y, mo, d = dates[j].split("-")
            out[j] = f"{d}.{mo}.{y}"
        out[u_missing < missing] = None
        return out

    def alternate_email(self, person: int) -> str:
        """A second address a person opens for a second account."""
        pop = self.pop
        first = ascii_fold(pop.first[person])
        last = ascii_fold(pop.last[person])
        domains = ref.EMAIL_DOMAINS[ref.COUNTRIES[pop.country[person]].code]
        domain = domains[int(self.rng.integers(len(domains)))]
        return f"{first[:1]}{last}.{np.base_repr(person, 36).lower()}@{domain}"
