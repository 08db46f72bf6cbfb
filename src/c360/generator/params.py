"""Parameters of a generated data set: size, seed, reference time and dirt rates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

SYSTEMS: tuple[str, ...] = (
    "crm",
    "shop",
    "pos",
    "erp",
    "service",
    "marketing",
    "loyalty",
    "consent",
    "web",
)


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
    years: float = 3.0
    dirt: DirtRates = field(default_factory=DirtRates)
    empty_systems: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.persons < 10:
            raise ValueError("--persons must be at least 10")
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
            "years": self.years,
            "dirt": asdict(self.dirt),
            "empty_systems": list(self.empty_systems),
        }
