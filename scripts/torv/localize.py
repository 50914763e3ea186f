"""Dates, times and weekdays in each language's conventions (Babel)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from babel.dates import format_date, format_time, get_day_names

from .languages import LANGUAGES, language

# A language code's Babel locale (languages.py): English dates read "18 December 2017" (British order).
LOCALES = {code: lang.locale for code, lang in LANGUAGES.items()}
DASH = "\u2013"  # en dash for ranges


def locale(lang: str) -> str:
    return language(lang).locale


def date_long(d: dt.date, lang: str) -> str:
    return format_date(d, "long", locale=locale(lang))


def time_short(t: dt.time, lang: str) -> str:
    return format_time(t, "short", locale=locale(lang))


def weekday(day_index: int, lang: str, alone: bool = False) -> str:
    """The weekday's name (0 = Monday) in a date, or with `alone` as a name of its own (a table row):
    Finnish 'torstaina 3. joulukuuta' but 'Maanantai–perjantai'."""
    context: Literal["format", "stand-alone"] = (
        "stand-alone" if alone and language(lang).weekday_alone == "stand-alone" else "format"
    )
    return get_day_names("wide", context=context, locale=locale(lang))[day_index]


def datetime_text(start: dt.datetime, end: dt.datetime | None, lang: str) -> str:
    """'torsdag 3. december 2026, 08.30–11.00' in the language's conventions."""
    text = f"{weekday(start.weekday(), lang)} {date_long(start.date(), lang)}, {time_short(start.time(), lang)}"
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}{DASH}{time_short(end.time(), lang)}"
    return f"{text} {DASH} {weekday(end.weekday(), lang)} {date_long(end.date(), lang)}, {time_short(end.time(), lang)}"


def days_text(first: dt.date, last: dt.date | None, lang: str) -> str:
    """A meeting over whole days, without a time: 'torsdag 28. januar 2027', or from its first to its last day."""
    text = f"{weekday(first.weekday(), lang)} {date_long(first, lang)}"
    if last is None or last == first:
        return text
    return f"{text} {DASH} {weekday(last.weekday(), lang)} {date_long(last, lang)}"


def interval(opens: dt.time, closes: dt.time, lang: str) -> str:
    return f"{time_short(opens, lang)}{DASH}{time_short(closes, lang)}"
