"""Options for time: dates, local dates and times, opening hours (a time range within a day) and time zones."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

from .. import codes
from .base import Context, Invalid, Option, shown
from .text import Text

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$")
TIME_RANGE_RE = re.compile(r"^(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})$")
YEARS = (1900, 2200)  # dates outside are mistakes, and break feeds and calendars


def in_range(when: dt.date) -> dt.date:
    """The date (or date and time) if its year is within YEARS; Invalid otherwise."""
    if not YEARS[0] <= when.year <= YEARS[1]:
        raise Invalid(
            f"expected a date between {YEARS[0]} and {YEARS[1]}, found {when.year:04d}: check the year, e.g. 2026",
            codes.DATE_OUT_OF_RANGE,
        )
    return when


class Date(Option):
    expected = "a date"
    code = codes.INVALID_DATE
    example = "2026-01-30"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return in_range(value)
        if not isinstance(value, str):
            raise self.fail(value)
        m = DATE_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise Invalid(
                f"expected {self.describe()}, found {shown(value)}, which is not a date in the calendar", self.code
            ) from None
        return in_range(day)

    def json(self) -> dict:
        return {"type": "string", "format": "date", "pattern": DATE_RE.pattern}


class DateTime(Option):
    expected = "a local date and time"
    code = codes.INVALID_DATE
    example = "2026-12-03 08:30"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str):
            raise self.fail(value)
        m = DATETIME_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        try:
            when = dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]), int(m[6] or 0))
        except ValueError:
            raise Invalid(
                f"expected {self.describe()}, found {shown(value)}, which is not a real date and time", self.code
            ) from None
        return in_range(when)

    def json(self) -> dict:
        return {"type": "string", "pattern": DATETIME_RE.pattern}


class DateOrDateTime(DateTime):
    """A meeting's start or end: a local date and time, or a date alone (a meeting over whole days)."""

    example = "2026-12-03 08:30"
    all_day_example = "2027-01-28"

    def describe(self) -> str:
        return (
            f"a local date and time like {self.example}, or a date alone like {self.all_day_example} for a "
            f"meeting that lasts all day"
        )

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, str) and DATE_RE.match(value.strip()):
            return Date(example=self.all_day_example).convert(value, ctx, keypath)
        if isinstance(value, str) and DATETIME_RE.match(value.strip()):  # its form is right: not a real time?
            return DateTime(example=self.example).convert(value, ctx, keypath)
        raise self.fail(value)

    def json(self) -> dict:
        return {"type": "string", "pattern": f"{DATETIME_RE.pattern}|{DATE_RE.pattern}"}


class TimeRange(Option):
    expected = "opening and closing time"
    code = codes.INVALID_OPENING_HOURS
    example = '"08:00-16:00"'

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str):
            raise self.fail(value)
        m = TIME_RANGE_RE.match(value.strip())
        if not m:
            raise self.fail(value)
        h1, m1, h2, m2 = (int(x) for x in m.groups())
        if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a time of day", self.code)
        opens, closes = dt.time(h1 % 24, m1), (dt.time(23, 59) if h2 == 24 else dt.time(h2, m2))
        if closes <= opens:
            raise Invalid(
                f"closes before it opens: {shown(value)}; expected the opening time first, e.g. {self.example}",
                self.code,
            )
        return (opens, closes)

    def json(self) -> dict:
        return {"type": "string", "pattern": TIME_RANGE_RE.pattern}


class TimeZone(Text):
    """A time zone of the tz database, like Europe/Copenhagen."""

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        value = super().convert(value, ctx, keypath)
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            raise Invalid(
                f"expected a time zone like {self.example}, found {shown(value)}", codes.UNKNOWN_TIME_ZONE
            ) from None
        return value
