"""The figures of grant calls, read from data so that a new call needs no new release.

``calls.toml`` beside this module ships the calls twinning knows; the file named by the
``TWINNING_GRANT_CALLS`` setting, if any, adds calls or replaces them by code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SHIPPED = Path(__file__).with_name("calls.toml")


@dataclass(frozen=True)
class Call:
    """What one call asks of a project."""

    code: str
    programme: str
    title: str
    currency: str
    lump_sum_min: Decimal
    lump_sum_max: Decimal
    min_participants: int
    min_invited: int
    min_months: int
    max_months: int
    min_countries: int
    min_member_states: int
    source: str


def _read(path: Path) -> tuple[dict[str, Call], frozenset[str]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImproperlyConfigured(f"Grant calls file {path}: {exc}") from exc
    calls = {}
    for number, row in enumerate(data.get("call", []), start=1):
        try:
            call = Call(
                **{
                    **row,
                    "lump_sum_min": Decimal(str(row["lump_sum_min"])),
                    "lump_sum_max": Decimal(str(row["lump_sum_max"])),
                }
            )
        except (KeyError, TypeError) as exc:
            raise ImproperlyConfigured(f"Grant calls file {path}, call {number}: {exc}") from exc
        calls[call.code] = call
    members = frozenset(data.get("eu", {}).get("member_states", []))
    return calls, members


@cache
def _load(extra: str) -> tuple[dict[str, Call], frozenset[str]]:
    calls, members = _read(SHIPPED)
    if extra:
        more, more_members = _read(Path(extra))
        calls = {**calls, **more}
        members = more_members or members
    return calls, members


def calls() -> dict[str, Call]:
    """Return the known calls by code."""
    return _load(settings.TWINNING_GRANT_CALLS)[0]


def call(code: str) -> Call | None:
    """Return one call by its code, or None when it is not known."""
    return calls().get(code)


def eu_member_states() -> frozenset[str]:
    """Return the ISO 3166 codes of the EU's Member States."""
    return _load(settings.TWINNING_GRANT_CALLS)[1]
