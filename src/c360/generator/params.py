"""Parameters of a generated data set: size, seed, reference time and dirt rates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from c360.generator.contracts import CONTRACTS

# The systems, in the order of the contracts (the one registry of systems
# and tables).
SYSTEMS: tuple[str, ...] = tuple(CONTRACTS)
# beyond this the calendar's quietest month would buy nothing or less
MAX_SEASON_STRENGTH = 3.0


@dataclass(frozen=True)
class DirtRates:
    """How dirty the simulated source systems are (shares between 0 and 1)."""

    crm_duplicate: float = 0.05
    shop_duplicate: float = 0.08
    loyalty_duplicate: float = 0.03
    name_typo: float = 0.08
    nickname: float = 0.05
    name_swap: float = 0.01
    name_case_noise: float = 0.05
    surname_change: float = 0.03
    second_email: float = 0.30
    email_variant: float = 0.10
    family_email: float = 0.02
    role_mailbox: float = 0.01
    placeholder: float = 0.005
    phone_mixed_format: float = 0.50
    new_phone: float = 0.20
    phone_reuse: float = 0.03
    address_variant: float = 0.10
    mover: float = 0.10
    shared_address: float = 0.30
    namesake: float = 0.01
    pos_anonymous: float = 0.70
    malformed: float = 0.005
    # How real systems fail that the rules above never see (issue 11): a
    # phonetic spelling (ph/f, ck/k, ...), an OCR confusion (rn/m, l/1,
    # O/0), a first name written as its initial, a first or last name left
    # empty (systems with separate name fields), a postal code mistyped or
    # missing, a house number moved to the other end of the line or
    # missing, a PO box instead of the street, a birth date written in the
    # country's local short form (month first in the US), with day and
    # month swapped, or one digit off; a national id mistyped.
    phonetic_spelling: float = 0.02
    ocr_confusion: float = 0.01
    initial_only: float = 0.02
    name_dropped: float = 0.02
    postal_typo: float = 0.02
    postal_missing: float = 0.03
    house_number_moved: float = 0.02
    house_number_missing: float = 0.02
    po_box: float = 0.005
    local_date_format: float = 0.20
    birth_date_swap: float = 0.01
    birth_date_typo: float = 0.02
    national_id_typo: float = 0.02
    # How consent platforms and privacy inboxes write codes (issue 12): a
    # consent event or privacy request written the way another system
    # writes it ("Opt-Out", "Email Marketing", "E-Mail", "Deletion", an
    # address as "Name <address>").
    consent_code_variant: float = 0.10
    # How shops record sales (issue 13): a guest checkout that leaves no
    # email, phone or name (a marketplace or phone order, a till that
    # writes only the country), the way a quarter of the invoices of public
    # retail data carry no customer.
    anonymous_guest_order: float = 0.15
    # a return credited to the customer's account without naming the
    # invoice (a goodwill refund, a return without receipt)
    memo_without_invoice: float = 0.10

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"dirt rate {name}={value} is not between 0 and 1")


@dataclass(frozen=True)
class Params:
    """Everything that determines a generated data set, byte for byte."""

    persons: int
    seed: int
    as_of: datetime = field(
        default_factory=lambda: datetime.now(UTC).replace(
            hour=0, minute=0, second=0, microsecond=0, tzinfo=None
        )
    )
    # When the extract was taken (`_loaded_at`); default: as_of. A later one
    # keeps a pinned history fresh for `dbt source freshness`.
    loaded_at: datetime | None = None
    years: float = 3.0
    # how strongly buying follows the calendar (reference.SALES_SEASON):
    # 0 buys evenly all year, 1 is the shape as written
    season_strength: float = 1.0
    dirt: DirtRates = field(default_factory=DirtRates)
    empty_systems: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.persons < 10:
            raise ValueError("--persons must be at least 10")
        if self.loaded_at is not None and self.loaded_at < self.as_of:
            raise ValueError("--loaded-at must not be before --as-of")
        if not 0.0 <= self.season_strength <= MAX_SEASON_STRENGTH:
            raise ValueError(
                f"--season-strength must be between 0 and {MAX_SEASON_STRENGTH:g}"
            )
        unknown = sorted(set(self.empty_systems) - set(SYSTEMS))
        if unknown:
            raise ValueError(
                f"unknown system(s) {', '.join(unknown)}; known: {', '.join(SYSTEMS)}"
            )

    def to_dict(self) -> dict[str, object]:
        return {
            "persons": self.persons,
            "seed": self.seed,
            "as_of": self.as_of.isoformat(),
            "loaded_at": (self.loaded_at or self.as_of).isoformat(),
            "years": self.years,
            "season_strength": self.season_strength,
            "dirt": asdict(self.dirt),
            "empty_systems": list(self.empty_systems),
        }
