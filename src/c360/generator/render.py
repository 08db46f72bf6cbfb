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


# Spellings people hear the same way, applied to the lowercase text (one
# substitution per record, the first pattern found in a random order).
PHONETIC = (
    ("ph", "f"),
    ("f", "ph"),
    ("ck", "k"),
    ("k", "ck"),
    ("th", "t"),
    ("ei", "ai"),
    ("ai", "ei"),
    ("ie", "y"),
    ("y", "i"),
    ("z", "s"),
    ("tz", "z"),
    ("mann", "man"),
    ("dt", "t"),
    ("ou", "u"),
    ("c", "k"),
    ("ll", "l"),
    ("nn", "n"),
)
# What character recognition on scanned forms confuses.
OCR = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("l", "1"), ("i", "l"), ("o", "0"))
# How each country writes a date in short (the local form of a record).
LOCAL_DATE_FORMATS = {
    "DE": "{d}.{m}.{y}",
    "CH": "{d}.{m}.{y}",
    "FR": "{d}/{m}/{y}",
    "GB": "{d}/{m}/{y}",
    "NL": "{d}-{m}-{y}",
    "US": "{m}/{d}/{y}",
}


def substitute(
    text: str, patterns: tuple[tuple[str, str], ...], rng: np.random.Generator
) -> str:
    """One substitution from `patterns` (tried in a random order), keeping
    the case of a capitalised word; the text unchanged when none applies."""
    lower = text.lower()
    for k in rng.permutation(len(patterns)):
        old, new = patterns[int(k)]
        at = lower.find(old)
        if at >= 0:
            out = lower[:at] + new + lower[at + len(old) :]
            return out.capitalize() if text[:1].isupper() else out
    return text


def typo(text: str, rng: np.random.Generator) -> str:
    """One or two keyboard slips anywhere in the text (the first letter
    included): substitution, deletion, doubling, transposition."""
    if len(text) < 3:
        return text
    edits = 1 if rng.random() < 0.8 else 2
    chars = list(text)
    for _ in range(edits):
        kind = int(rng.integers(0, 4))
        pos = int(rng.integers(0, len(chars)))
        if kind == 0:
            near = _KEYBOARD_NEIGHBOURS.get(chars[pos].lower(), "e")
            chars[pos] = near[int(rng.integers(len(near)))]
            if pos == 0 and text[:1].isupper():
                chars[0] = chars[0].upper()
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
        self,
        persons: np.ndarray,
        at: np.ndarray,
        *,
        typo_rate: float | None = None,
        separate_fields: bool = True,
    ) -> tuple[np.ndarray, np.ndarray]:
        """First and last names as one system holds them. `separate_fields`:
        the system has a field for each, so one can be left empty."""
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
        u_phonetic, u_ocr, u_initial, u_drop = rng.random((4, m))
        for j in np.flatnonzero(u_phonetic < dirt.phonetic_spelling):
            if rng.random() < 0.5:
                first[j] = substitute(first[j], PHONETIC, rng)
            else:
                last[j] = substitute(last[j], PHONETIC, rng)
        for j in np.flatnonzero(u_ocr < dirt.ocr_confusion):
            if rng.random() < 0.5:
                first[j] = substitute(first[j], OCR, rng)
            else:
                last[j] = substitute(last[j], OCR, rng)
        for j in np.flatnonzero(u_initial < dirt.initial_only):
            first[j] = f"{first[j][:1].upper()}."
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
        if separate_fields:
            for j in np.flatnonzero(u_drop < dirt.name_dropped):
                if rng.random() < 0.5:
                    first[j] = None
                else:
                    last[j] = None
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
        u_postal, u_number, u_box = rng.random((3, len(persons)))
        for j in np.flatnonzero(u_postal < dirt.postal_typo + dirt.postal_missing):
            if u_postal[j] < dirt.postal_missing:
                postal[j] = None
            else:
                postal[j] = _mistype_character(postal[j], rng)
        for j in np.flatnonzero(
            u_number < dirt.house_number_moved + dirt.house_number_missing
        ):
            words = street[j].split(" ")
            numbers = [w for w in words if any(ch.isdigit() for ch in w)]
            others = [w for w in words if not any(ch.isdigit() for ch in w)]
            if not numbers or not others:
                continue
            if u_number[j] < dirt.house_number_missing:
                street[j] = " ".join(others)
            elif words[0] in numbers:  # "12 High St" -> "High St 12"
                street[j] = " ".join(others + numbers)
            else:  # "Hauptstr. 5" -> "5 Hauptstr."
                street[j] = " ".join(numbers + others)
        for j in np.flatnonzero(u_box < dirt.po_box):
            box = int(rng.integers(1, 9999))
            label = {"de": "Postfach", "fr": "BP", "nl": "Postbus"}.get(
                ref.COUNTRIES[country[j]].language, "PO Box"
            )
            street[j] = f"{label} {box}"
        codes = np.array([c.code for c in ref.COUNTRIES], dtype=object)[country]
        return street, postal, city, codes

    def birth_dates(
        self,
        persons: np.ndarray,
        *,
        missing: float = 0.1,
        german_format: float = 0.0,
        compact_format: float = 0.0,
    ) -> np.ndarray:
        """Birth dates as one system writes them: ISO by default, German
        (`german_format`), `YYYYMMDD` (`compact_format`), or the record's
        country's local short form (dirt `local_date_format`; month first in
        the US); with the dirt rates of day-month swaps and one-digit
        typos (wrong facts, both still valid dates)."""
        dirt, rng = self.dirt, self.rng
        dates = self.pop.birth_date[persons].astype(str)
        countries = self.pop.country[persons]
        out = dates.astype(object)
        u_missing, u_format, u_local, u_swap, u_typo = rng.random((5, len(persons)))
        for j in range(len(persons)):
            y, mo, d = dates[j].split("-")
            if u_swap[j] < dirt.birth_date_swap and int(d) <= 12 and d != mo:
                mo, d = d, mo
            elif u_typo[j] < dirt.birth_date_typo:
                y, mo, d = _date_typo(y, mo, d, rng)
            if u_local[j] < dirt.local_date_format:
                code = ref.COUNTRIES[countries[j]].code
                pattern = LOCAL_DATE_FORMATS.get(code, "{y}{m}{d}")
                out[j] = pattern.format(y=y, m=mo, d=d)
            elif u_format[j] < german_format:
                out[j] = f"{d}.{mo}.{y}"
            elif u_format[j] < german_format + compact_format:
                out[j] = f"{y}{mo}{d}"
            else:
                out[j] = f"{y}-{mo}-{d}"
        out[u_missing < missing] = None
        return out

    def salutations(self, persons: np.ndarray, share: float) -> np.ndarray:
        """A salutation in the person's language on `share` of the records."""
        words = {
            "de": ("Frau", "Herr"),
            "fr": ("Mme", "M."),
            "nl": ("Mevrouw", "Meneer"),
            "en": ("Ms", "Mr"),
        }
        out = np.full(len(persons), None, dtype=object)
        u_has = self.rng.random(len(persons))
        for j in np.flatnonzero(u_has < share):
            person = persons[j]
            language = ref.COUNTRIES[self.pop.country[person]].language
            out[j] = words.get(language, words["en"])[int(self.pop.gender[person])]
        return out

    def national_ids(self, persons: np.ndarray, share: float) -> np.ndarray:
        """A national or tax id on `share` of the records, written with the
        spacing people use, mistyped at the dirt rate."""
        dirt, rng = self.dirt, self.rng
        ids = self.pop.national_id[persons]
        out = np.full(len(persons), None, dtype=object)
        u_has, u_typo, u_style = rng.random((3, len(persons)))
        for j in np.flatnonzero(u_has < share):
            text = ids[j]
            if u_typo[j] < dirt.national_id_typo:
                text = _mistype_character(text, rng)
            if u_style[j] < 0.3:
                text = f"{text[:3]} {text[3:6]} {text[6:]}"
            elif u_style[j] < 0.4:
                text = f"{text[:3]}-{text[3:6]}-{text[6:]}"
            out[j] = text
        return out

    def alternate_email(self, person: int) -> str:
        """A second address a person opens for a second account."""
        pop = self.pop
        first = ascii_fold(pop.first[person])
        last = ascii_fold(pop.last[person])
        domains = ref.EMAIL_DOMAINS[ref.COUNTRIES[pop.country[person]].code]
        domain = domains[int(self.rng.integers(len(domains)))]
        return f"{first[:1]}{last}.{np.base_repr(person, 36).lower()}@{domain}"


def _mistype_character(text: str, rng: np.random.Generator) -> str:
    """One character of a code replaced by another of its kind (a digit by
    a digit, a letter by a letter), or two neighbours swapped."""
    chars = list(text)
    positions = [k for k, ch in enumerate(chars) if ch.isalnum()]
    if len(positions) < 2:
        return text
    k = positions[int(rng.integers(len(positions)))]
    if rng.random() < 0.3 and k + 1 < len(chars) and chars[k + 1].isalnum():
        chars[k], chars[k + 1] = chars[k + 1], chars[k]
    elif chars[k].isdigit():
        chars[k] = str((int(chars[k]) + int(rng.integers(1, 10))) % 10)
    else:
        chars[k] = "ABCDEFGHJKLMNPRSTUVWXYZ"[int(rng.integers(23))]
    return "".join(chars)


def _date_typo(
    y: str, mo: str, d: str, rng: np.random.Generator
) -> tuple[str, str, str]:
    """One digit of a date off, keeping it a valid date (else unchanged)."""
    text = f"{y}{mo}{d}"
    k = int(rng.integers(len(text)))
    digit = str((int(text[k]) + int(rng.integers(1, 10))) % 10)
    changed = text[:k] + digit + text[k + 1 :]
    try:
        np.datetime64(f"{changed[:4]}-{changed[4:6]}-{changed[6:]}")
    except ValueError:
        return y, mo, d
    if not "1900" <= changed[:4] <= "2009":
        return y, mo, d
    return changed[:4], changed[4:6], changed[6:]
