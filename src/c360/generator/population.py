"""The true people behind the records: households, names, contacts, life events.

All arrays are indexed by person (0..n-1). Times are integer seconds since the
Unix epoch; "never" is the largest int64 so that `t >= changed_at` is false.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from c360.generator import reference as ref
from c360.generator.params import Params

NEVER = np.iinfo(np.int64).max
DAY = 86_400
# shape of the gamma spread of purchase rates between people (mean 1)
APPETITE_SHAPE = 1.5
# a customer lapses at a mean rate of once per this many years of buying
MEAN_ACTIVE_YEARS = 2.0
# how much people differ in how long they stay (gamma shape of the dropout
# rate; smaller is more different)
LOYALTY_SHAPE = 2.0

_TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "à": "a",
        "â": "a",
        "ç": "c",
        "î": "i",
        "ï": "i",
        "ô": "o",
        "û": "u",
        "ù": "u",
        "ÿ": "y",
        "ñ": "n",
        "ø": "o",
        "å": "a",
        "É": "e",
        " ": "",
        "'": "",
        "-": "",
    }
)


def ascii_fold(text: str) -> str:
    """Lowercase ASCII form of a name, as people type it into an email."""
    return text.lower().translate(_TRANSLIT)


@dataclass
class Population:
    n: int
    country: np.ndarray  # int index into ref.COUNTRIES
    household: np.ndarray
    household_size: np.ndarray
    gender: np.ndarray  # 0 female, 1 male
    first: np.ndarray  # object (str)
    last: np.ndarray
    last_new: np.ndarray  # surname after marriage, or the same
    married_at: np.ndarray
    birth_date: np.ndarray  # datetime64[D]
    street: np.ndarray  # address before a move
    postal: np.ndarray
    city: np.ndarray
    street_new: np.ndarray  # address after a move
    postal_new: np.ndarray
    city_new: np.ndarray
    moved_at: np.ndarray
    email1: np.ndarray
    email2: np.ndarray  # None when the person has one address
    email2_at: np.ndarray
    family_email: np.ndarray  # None unless the person uses a family mailbox
    role_email: np.ndarray  # None unless the person uses a role mailbox
    phone1: np.ndarray  # national significant number (digits)
    phone2: np.ndarray
    phone2_at: np.ndarray
    since: np.ndarray  # first contact with the retailer
    appetite: np.ndarray  # how often the person buys, relative to the mean (1)
    lapse_at: np.ndarray  # when the person stops buying (may be after as_of)
    national_id: np.ndarray  # 11 digits: a national / tax id per person


def _surname_pool(rng: np.random.Generator, language: str) -> list[str]:
    prefixes, suffixes = ref.SURNAME_PARTS[language]
    pool = [p + s for p in prefixes for s in suffixes]
    # Some whole prefixes are surnames of their own and very common.
    return pool + list(prefixes) * 3


def _addresses(
    rng: np.random.Generator, country_idx: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Street, postal code and city for each entry of `country_idx`."""
    m = len(country_idx)
    r_city, r_word, r_suffix = rng.random((3, m))
    number = rng.integers(1, 200, m)
    digits = rng.integers(0, 1000, m)
    letters = rng.integers(0, 26, (m, 2))
    street = np.empty(m, dtype=object)
    postal = np.empty(m, dtype=object)
    city = np.empty(m, dtype=object)
    for j in range(m):
        c = ref.COUNTRIES[country_idx[j]]
        name, prefix = c.cities[int(r_city[j] * len(c.cities))]
        word = c.street_words[int(r_word[j] * len(c.street_words))]
        suffix = c.street_suffixes[int(r_suffix[j] * len(c.street_suffixes))][0]
        no, d = number[j], digits[j]
        code = c.code
        if code in ("DE", "CH", "NL"):
            street[j] = f"{word}{suffix} {no}"
        elif code == "FR":
            street[j] = f"{no} {suffix} {word}"
        else:
            street[j] = f"{no} {word} {suffix}"
        pair = chr(65 + letters[j, 0]) + chr(65 + letters[j, 1])
        if code in ("DE", "FR"):
            postal[j] = f"{prefix}{d:03d}"
        elif code == "NL":
            postal[j] = f"{prefix}{d % 100:02d} {pair}"
        elif code == "GB":
            postal[j] = f"{prefix}{d % 20 + 1} {d % 10}{pair}"
        else:
            postal[j] = f"{prefix}{d % 100:02d}"
        city[j] = name
    return street, postal, city


_PHONE_HEADS: dict[str, tuple[str, ...]] = {
    "DE": ("15", "16", "17"),
    "FR": ("6", "7"),
    "NL": ("6",),
    "GB": ("7",),
    "CH": ("75", "76", "77", "78", "79"),
}


def _phone_numbers(rng: np.random.Generator, country_idx: np.ndarray) -> np.ndarray:
    """A national significant number (digits only) for each country index."""
    m = len(country_idx)
    r_head = rng.random(m)
    body = rng.integers(0, 10**12, m)
    area = rng.integers(201, 990, m)
    exchange = rng.integers(200, 1000, m)
    out = np.empty(m, dtype=object)
    for j in range(m):
        c = ref.COUNTRIES[country_idx[j]]
        if c.code == "US":
            out[j] = f"{area[j]}{exchange[j]}{body[j] % 10000:04d}"
            continue
        heads = _PHONE_HEADS[c.code]
        head = heads[int(r_head[j] * len(heads))]
        rest = c.national_digits - len(head)
        out[j] = head + f"{body[j] % 10**rest:0{rest}d}"
    return out


def _email_local(
    rng: np.random.Generator, first: str, last: str, birth_year: int
) -> str:
    f, la = ascii_fold(first), ascii_fold(last)
    pattern = int(rng.integers(0, 7))
    if pattern == 0:
        return f"{f}.{la}"
    if pattern == 1:
        return f"{f[0]}.{la}"
    if pattern == 2:
        return f"{f}{la}"
    if pattern == 3:
        return f"{la}.{f}"
    if pattern == 4:
        return f"{f}_{la}{birth_year % 100:02d}"
    if pattern == 5:
        return f"{f}{la[0]}{int(rng.integers(1, 100))}"
    return f"{f}.{la}{birth_year}"


class _EmailBook:
    """Hands out addresses that no other person owns."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def claim(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        count = self.used.get(address)
        if count is None:
            self.used[address] = 1
            return address
        self.used[address] = count + 1
        return self.claim(f"{local}{count + 1}", domain)


def build_population(params: Params, rng: np.random.Generator) -> Population:
    n = params.persons
    dirt = params.dirt
    as_of = int(np.datetime64(params.as_of, "s").astype(np.int64))
    window_start = as_of - int(params.years * 365.25 * DAY)

    # Households: a share of people live with someone else (same address).
    shared = round(n * dirt.shared_address)
    sizes: list[int] = [1] * (n - shared)
    remaining = shared
    while remaining > 0:
        size = min(int(rng.integers(2, 5)), remaining)
        if size == 1:  # a leftover single joins the previous household
            sizes[-1] += 1
            break
        sizes.append(size)
        remaining -= size
    sizes_arr = np.array(sizes, dtype=np.int64)
    n_households = len(sizes_arr)
    household_of_slot = np.repeat(np.arange(n_households), sizes_arr)
    order = rng.permutation(n)
    household = np.empty(n, dtype=np.int64)
    household[order] = household_of_slot
    household_size = sizes_arr[household]

    weights = np.array([c.weight for c in ref.COUNTRIES])
    hh_country = rng.choice(
        len(ref.COUNTRIES), size=n_households, p=weights / weights.sum()
    )
    country = hh_country[household]

    hh_street = np.empty(n_households, dtype=object)
    hh_postal = np.empty(n_households, dtype=object)
    hh_city = np.empty(n_households, dtype=object)
    hh_street_new = np.empty(n_households, dtype=object)
    hh_postal_new = np.empty(n_households, dtype=object)
    hh_city_new = np.empty(n_households, dtype=object)
    # whole households move, drawn until the movers are the wanted share
    hh_moves = np.zeros(n_households, dtype=bool)
    hh_order = rng.permutation(n_households)
    wanted_movers = int(np.ceil(n * dirt.mover))
    if wanted_movers:
        n_moving = (
            int(np.searchsorted(np.cumsum(sizes_arr[hh_order]), wanted_movers)) + 1
        )
        hh_moves[hh_order[:n_moving]] = True
    hh_moved_at = np.where(
        hh_moves,
        rng.integers(window_start, as_of - 30 * DAY, n_households),
        NEVER,
    )
    hh_street[:], hh_postal[:], hh_city[:] = _addresses(rng, hh_country)
    moving = np.flatnonzero(hh_moves)
    hh_street_new[:], hh_postal_new[:], hh_city_new[:] = hh_street, hh_postal, hh_city
    new_street, new_postal, new_city = _addresses(rng, hh_country[moving])
    hh_street_new[moving], hh_postal_new[moving], hh_city_new[moving] = (
        new_street,
        new_postal,
        new_city,
    )

    # Names: household members mostly share a surname.
    gender = rng.integers(0, 2, n)
    first = np.empty(n, dtype=object)
    last = np.empty(n, dtype=object)
    languages = sorted({c.language for c in ref.COUNTRIES})
    surname_pools = {lang: _surname_pool(rng, lang) for lang in languages}
    hh_surname = np.empty(n_households, dtype=object)
    for h in range(n_households):
        pool = surname_pools[ref.COUNTRIES[hh_country[h]].language]
        hh_surname[h] = pool[int(rng.integers(len(pool)))]
    own_surname = rng.random(n) < 0.25
    for i in range(n):
        c = ref.COUNTRIES[country[i]]
        names = ref.FIRST_NAMES[c.language]["fm"[gender[i]]]
        first[i] = names[int(rng.integers(len(names)))]
        if own_surname[i] and household_size[i] > 1:
            pool = surname_pools[c.language]
            last[i] = pool[int(rng.integers(len(pool)))]
        else:
            last[i] = hh_surname[household[i]]

    age_days = rng.integers(18 * 365, 85 * 365, n)
    birth_date = np.datetime64(params.as_of, "D") - age_days.astype("timedelta64[D]")

    # Namesakes: people living alone copy the name of someone else and move
    # to that person's city (same name, same city, different person).
    singles = np.flatnonzero(household_size == 1)
    k = min(round(n * dirt.namesake), len(singles) // 2)
    if k:
        chosen = rng.choice(singles, size=2 * k, replace=False)
        copiers, originals = chosen[:k], chosen[k:]
        for a, b in zip(copiers, originals, strict=True):
            first[a], last[a], gender[a] = first[b], last[b], gender[b]
            country[a] = country[b]
            ha, hb = household[a], household[b]
            # both the address before and after a move lie in b's city
            streets, postals, _ = _addresses(rng, country[[b, b]])
            hh_street[ha], hh_postal[ha], hh_city[ha] = (
                streets[0],
                postals[0],
                hh_city[hb],
            )
            moved = hh_moved_at[ha] < NEVER
            hh_street_new[ha], hh_postal_new[ha], hh_city_new[ha] = (
                streets[int(moved)],
                postals[int(moved)],
                hh_city[hb],
            )

    # Surname change on marriage, mostly women.
    # exactly the wanted share, women four times as likely as men
    weight = np.where(gender == 0, 4.0, 1.0)
    changes = np.zeros(n, dtype=bool)
    changes[
        rng.choice(
            n,
            size=int(np.ceil(n * dirt.surname_change)),
            replace=False,
            p=weight / weight.sum(),
        )
    ] = True
    married_at = np.where(
        changes, rng.integers(window_start, as_of - 30 * DAY, n), NEVER
    )
    last_new = last.copy()
    for i in np.flatnonzero(changes):
        pool = surname_pools[ref.COUNTRIES[country[i]].language]
        last_new[i] = pool[int(rng.integers(len(pool)))]

    # Email addresses: one each, a second for some, family and role mailboxes.
    book = _EmailBook()
    email1 = np.empty(n, dtype=object)
    email2 = np.full(n, None, dtype=object)
    has_second = np.zeros(n, dtype=bool)
    has_second[
        rng.choice(n, size=int(np.ceil(n * dirt.second_email)), replace=False)
    ] = True
    email2_at = np.where(
        has_second, rng.integers(window_start, as_of - 60 * DAY, n), NEVER
    )
    years = birth_date.astype("datetime64[Y]").astype(int) + 1970
    for i in range(n):
        domains = ref.EMAIL_DOMAINS[ref.COUNTRIES[country[i]].code]
        local = _email_local(rng, first[i], last[i], int(years[i]))
        email1[i] = book.claim(local, domains[int(rng.integers(len(domains)))])
        if has_second[i]:
            surname = last_new[i] if married_at[i] < NEVER else last[i]
            local = _email_local(rng, first[i], surname, int(years[i]))
            email2[i] = book.claim(local, domains[int(rng.integers(len(domains)))])

    family_email = np.full(n, None, dtype=object)
    multi = np.flatnonzero(household_size > 1)
    wanted = round(n * dirt.family_email)
    if wanted and len(multi):
        # members of each multi-person household, found by binary search
        multi = multi[np.argsort(household[multi], kind="stable")]
        multi_hh = household[multi]
        hh_multi = np.unique(multi_hh)
        n_hh = min(len(hh_multi), max(1, int(wanted / 2.6)))
        picked = np.sort(rng.choice(hh_multi, size=n_hh, replace=False))
        family_word = {"de": "familie", "fr": "famille", "nl": "familie", "en": "the"}
        for h in picked:
            lo, hi = np.searchsorted(multi_hh, [h, h + 1])
            c = ref.COUNTRIES[hh_country[h]]
            local = f"{family_word[c.language]}.{ascii_fold(hh_surname[h])}"
            domains = ref.EMAIL_DOMAINS[c.code]
            family_email[multi[lo:hi]] = book.claim(
                local, domains[int(rng.integers(len(domains)))]
            )

    role_email = np.full(n, None, dtype=object)
    wanted = round(n * dirt.role_mailbox)
    if wanted:
        people = rng.choice(n, size=wanted, replace=False)
        start = 0
        while start < wanted:
            size = int(rng.integers(3, 9))
            group = people[start : start + size]
            start += size
            word = ref.COMPANY_WORDS[int(rng.integers(len(ref.COMPANY_WORDS)))]
            word2 = ascii_fold(last[group[0]])
            prefix = ref.ROLE_PREFIXES[int(rng.integers(len(ref.ROLE_PREFIXES)))]
            tld = ref.COUNTRIES[country[group[0]]].code.lower()
            tld = "co.uk" if tld == "gb" else ("com" if tld == "us" else tld)
            domain = f"{ascii_fold(word)}-{word2}.{tld}"
            role_email[group] = book.claim(prefix, domain)

    # Phones: one each, a new number for some; some numbers are later reused
    # by a different person of the same country.
    phone1 = np.empty(n, dtype=object)
    phone2 = np.full(n, None, dtype=object)
    new_phone = rng.random(n) < dirt.new_phone
    phone2_at = np.where(
        new_phone, rng.integers(window_start, as_of - 400 * DAY, n), NEVER
    )
    phone1[:] = _phone_numbers(rng, country)
    changers = np.flatnonzero(new_phone)
    phone2[changers] = _phone_numbers(rng, country[changers])
    reusers_wanted = round(n * dirt.phone_reuse)
    donors = np.flatnonzero(new_phone)
    candidates = np.flatnonzero(~new_phone)
    if reusers_wanted and len(donors) and len(candidates):
        by_country = {
            c: donors[country[donors] == c] for c in range(len(ref.COUNTRIES))
        }
        reusers = rng.choice(
            candidates, size=min(reusers_wanted, len(candidates)), replace=False
        )
        used_donor: dict[int, bool] = {}
        for b in np.sort(reusers):
            pool = by_country[country[b]]
            if not len(pool):
                continue
            # a number goes to one new owner; draw again if it is taken
            for _attempt in range(8):
                a = int(pool[int(rng.integers(len(pool)))])
                if not used_donor.get(a):
                    break
            else:
                continue
            used_donor[a] = True
            phone2[b] = phone1[a]
            phone2_at[b] = min(
                int(phone2_at[a]) + int(rng.integers(60, 400)) * DAY, as_of - 5 * DAY
            )

    since = rng.integers(window_start - 2 * 365 * DAY, as_of - 20 * DAY, n)
    since = np.maximum(since, window_start)
    # Buying as real customers do: each person buys at their own steady rate
    # (gamma-distributed around the channel's mean) until they lapse, after
    # an exponential lifetime. Purchases are then a Poisson process per
    # person, so how much a customer bought says something about how much
    # they will buy, which lifetime-value models rely on.
    appetite = rng.gamma(APPETITE_SHAPE, 1 / APPETITE_SHAPE, n)
    # people differ in how long they stay as much as in how often they buy:
    # each person's dropout rate is gamma-distributed around 1 / the mean
    # active years (one rate for everybody would make the surviving
    # customers no more loyal than the lapsed ones, which no shop sees)
    dropout = rng.gamma(LOYALTY_SHAPE, 1 / (LOYALTY_SHAPE * MEAN_ACTIVE_YEARS), n)
    years_active = np.minimum(rng.exponential(1 / dropout), 1000.0)
    lapse_at = since + (years_active * 365 * DAY).astype(np.int64)

    # drawn last, so that adding it left every earlier draw as it was
    national_id = np.array(
        [f"{x:011d}" for x in rng.integers(10**10, 10**11, n)], dtype=object
    )

    return Population(
        n=n,
        country=country,
        household=household,
        household_size=household_size,
        gender=gender,
        first=first,
        last=last,
        last_new=last_new,
        married_at=married_at,
        birth_date=birth_date,
        street=hh_street[household],
        postal=hh_postal[household],
        city=hh_city[household],
        street_new=hh_street_new[household],
        postal_new=hh_postal_new[household],
        city_new=hh_city_new[household],
        moved_at=hh_moved_at[household],
        email1=email1,
        email2=email2,
        email2_at=email2_at,
        family_email=family_email,
        role_email=role_email,
        phone1=phone1,
        phone2=phone2,
        phone2_at=phone2_at,
        since=since,
        appetite=appetite,
        lapse_at=lapse_at,
        national_id=national_id,
    )
