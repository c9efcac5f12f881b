"""A date that a source may give only as a year or a month.

A :class:`PartialDate` is stored as its ISO prefix ("2007", "2013-06", "2012-10-02").
Those strings sort in calendar order, so ordering and range filters work in the
database without extra columns, and a year filter is a prefix match.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import total_ordering

from django.conf import settings
from django.utils.dates import MONTHS
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
# Day first, as Danes and Europeans write it: 3.12.2026, 03-12-2026, 3/12/2026, 12.2026.
_NUMERIC = re.compile(r"^(?:(?P<d>\d{1,2})[./-])?(?P<m>\d{1,2})[./-](?P<y>\d{4})$")
# 3. december 2026, 3 Dec 2026, maj 2007, May 2007; a month name may be cut to three letters.
_WRITTEN = re.compile(r"^(?:(?P<d>\d{1,2})\.?\s+)?(?P<m>[^\W\d_]{3,})\.?,?\s+(?P<y>\d{4})$")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class InvalidPartialDate(ValueError):
    """Raised when text is not a valid partial date."""


@total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidPartialDate(_("Year %(year)s is out of range.") % {"year": self.year})
        if self.day is not None and self.month is None:
            raise InvalidPartialDate(_("A day needs a month."))
        if self.month is not None and not 1 <= self.month <= 12:
            raise InvalidPartialDate(_("Month %(month)s does not exist.") % {"month": self.month})
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise InvalidPartialDate(
                    _("Day %(day)s does not exist in %(month)s.")
                    % {"day": self.day, "month": PartialDate(self.year, self.month).format()}
                )

    @classmethod
    def parse(cls, value: str | dt.date | PartialDate | None) -> PartialDate | None:
        """Return the partial date written as ISO text ("2007", "2013-06", "2012-10-02")."""
        if value is None or isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        text = str(value).strip()
        if not text:
            return None
        match = _ISO.match(text)
        if not match:
            raise InvalidPartialDate(
                _("“%(value)s” is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.") % {"value": text}
            )
        month, day = match["m"], match["d"]
        return cls(int(match["y"]), int(month) if month else None, int(day) if day else None)

    @classmethod
    def read(cls, value: str | dt.date | PartialDate | None) -> PartialDate | None:
        """Return the partial date as a person typed it, in ISO or the way Danes write dates.

        Accept "2007", "2013-06", "2012-10-02", "3.12.2026", "03-12-2026", "12.2026",
        "3. december 2026", "maj 2007" and "May 2007"; month names in every language of
        the site.
        """
        if not isinstance(value, str):
            return cls.parse(value)
        text = " ".join(value.split())
        if not text or _ISO.match(text):
            return cls.parse(text)
        if match := _NUMERIC.match(text):
            month = int(match["m"])
        elif (match := _WRITTEN.match(text)) and (month := _month_number(match["m"])):
            pass
        else:
            raise InvalidPartialDate(
                _(
                    "“%(value)s” is not a date; write a year, a month or a day, such as 2007, "
                    "May 2007 or 3.12.2026."
                )
                % {"value": text}
            )
        day = match["d"]
        return cls(int(match["y"]), month, int(day) if day else None)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def isoformat(self) -> str:
        """Return the ISO prefix that is also the stored form."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """Return the earliest calendar day the partial date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """Return the latest calendar day the partial date may mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def format(self, language: str | None = None, *, numeric: bool = False) -> str:
        """Return the date as a reader would write it ("June 2013", "2. oktober 2012").

        ``numeric`` writes a day as in a form field: "2.10.2012".
        """
        language = (language or get_language() or "en")[:2]
        if self.month is None:
            return str(self.year)
        if numeric and self.day is not None:
            return f"{self.day}.{self.month}.{self.year}"
        with override(language):
            month_name = str(MONTHS[self.month])
        if language == "da":
            month_name = month_name.lower()
            if self.day is None:
                return f"{month_name} {self.year}"
            return f"{self.day}. {month_name} {self.year}"
        if self.day is None:
            return f"{month_name} {self.year}"
        return f"{self.day} {month_name} {self.year}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        # The ISO prefix sorts a year before any month of it, as the database does.
        return self.isoformat() < other.isoformat()

    def __str__(self) -> str:
        return self.isoformat()


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for language, _name in settings.LANGUAGES:
        with override(language):
            for number, name in MONTHS.items():
                names[str(name).lower()] = number
    return names


def _month_number(word: str) -> int | None:
    """Return the month a name or its first letters (at least three) stand for."""
    word = word.lower()
    numbers = {number for name, number in _month_names().items() if name.startswith(word)}
    return numbers.pop() if len(numbers) == 1 else None
