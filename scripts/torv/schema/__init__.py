"""Typed options: the one schema that validates content and is exported as JSON Schema.

In the manner of mkdocs' `config_options`: each field is an instance of an option class that knows
how to check a value, how to describe what it expects (with an example), and its JSON Schema. A
`Schema` subclass lists fields as class attributes. Checking collects every problem; it never raises
on input. Messages read "expected X, found Y" and carry an example of the valid form.
"""

from __future__ import annotations

from .base import MISSING, Context, Invalid, Option, did_you_mean, dotted, key_text, shown
from .collections import ListOf, Localized, Nested
from .contact import Email, Phone, PhoneNumber, PhoneRegion, Url, UrlOrEmail, phone_example, phone_number, url_host
from .dates import DATETIME_RE, Date, DateOrDateTime, DateTime, TimeRange, TimeZone
from .files import DocumentPath, FilePath
from .mapping import Schema, walk_options
from .scalars import Boolean, Choice, Integer, Number
from .text import PLACEHOLDER, Ident, Ref, Text

__all__ = [
    "DATETIME_RE",
    "MISSING",
    "PLACEHOLDER",
    "Boolean",
    "Choice",
    "Context",
    "Date",
    "DateOrDateTime",
    "DateTime",
    "DocumentPath",
    "Email",
    "FilePath",
    "Ident",
    "Integer",
    "Invalid",
    "ListOf",
    "Localized",
    "Nested",
    "Number",
    "Option",
    "Phone",
    "PhoneNumber",
    "PhoneRegion",
    "Ref",
    "Schema",
    "Text",
    "TimeRange",
    "TimeZone",
    "Url",
    "UrlOrEmail",
    "did_you_mean",
    "dotted",
    "key_text",
    "phone_example",
    "phone_number",
    "shown",
    "url_host",
    "walk_options",
]
