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

from django.utils.dates import MONTHS
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _

_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")


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
                    _("Day %(day)s does not exist in %(year)s-%(month)02d.")
                    % {"day": self.day, "year": self.year, "month": self.month}
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

    def format(self, language: str | None = None) -> str:
        """Return the date as a reader would write it ("June 2013", "2. oktober 2012")."""
        language = (language or get_language() or "en")[:2]
        if self.month is None:
            return str(self.year)
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
