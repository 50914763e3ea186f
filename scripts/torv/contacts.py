"""The schema of policy/contacts.yml: units (addresses, opening hours, closed days) and people (part of models.py)."""

from __future__ import annotations

import itertools

from . import codes
from .schema import (
    Context,
    Date,
    Email,
    FilePath,
    Ident,
    ListOf,
    Localized,
    Nested,
    Number,
    Phone,
    Ref,
    Schema,
    Text,
    TimeRange,
)
from .schema.limits import ALT_MAX, CITY_MAX, NAME_MAX, POSTCODE_MAX, STREET_MAX

HOURS_EXAMPLE = '["08:00-12:00", "12:30-16:00"]'


class Address(Schema):
    street = Text(required=True, max_length=STREET_MAX, example="Torvet 1")
    postcode = Text(max_length=POSTCODE_MAX, example="4900")
    city = Text(required=True, max_length=CITY_MAX, example="Havbjerg")


class Coordinates(Schema):
    lat = Number(-90, 90, required=True, example=54.7691)
    lon = Number(-180, 180, required=True, example=11.874)


class ClosedDay(Schema):
    date = Date(required=True)
    reason = Localized(Text(max_length=NAME_MAX, example="Juleaften"))


class OpeningHours(Schema):
    """The opening hours of each weekday, Monday first."""

    monday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    tuesday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    wednesday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    thursday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    friday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    saturday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])
    sunday = ListOf(TimeRange(), example=HOURS_EXAMPLE, default=[])

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        for day, ranges in v.items():
            spans = sorted(ranges)
            for a, b in itertools.pairwise(spans):
                if b[0] < a[1]:
                    ctx.error(
                        kp + (day,),
                        f"expected separate intervals, found {a[0]:%H:%M}-{a[1]:%H:%M} and "
                        f"{b[0]:%H:%M}-{b[1]:%H:%M}, which overlap",
                        code=codes.INVALID_OPENING_HOURS,
                    )


WEEKDAYS = list(OpeningHours.fields())


class Person(Schema):
    id = Ident(required=True, example="borgmester")
    name = Text(required=True, max_length=NAME_MAX, example="Mette Lund")
    role = Localized(Text(max_length=NAME_MAX, example="Borgmester"), required=True)
    email = Email(required=True)
    phone = Phone(required=True)
    photo = FilePath(example="images/mette-lund.jpg")
    photo_alt = Localized(Text(max_length=ALT_MAX, example="Mette Lund smiler"))

    @classmethod
    def rules(cls, v: dict, ctx: Context, kp: tuple) -> None:
        if v.get("photo") and not v.get("photo_alt"):
            ctx.error(
                kp + ("photo",),
                "missing photo_alt: a photo needs a text saying what it shows, "
                "e.g. `photo_alt: {da: Mette Lund smiler, en: Mette Lund smiling}`",
                code=codes.MISSING_ALT,
            )


class Unit(Schema):
    id = Ident(required=True, example="erhvervsservice")
    name = Localized(Text(max_length=NAME_MAX, example="Erhvervsservice"), required=True)
    phone = Phone(required=True)
    email = Email(required=True)
    visiting_address = Nested(Address, required=True)
    postal_address = Nested(Address)
    opening_hours = Nested(OpeningHours)
    closed = ListOf(Nested(ClosedDay), unique_key="date", default=[])
    coordinates = Nested(Coordinates)


class Contacts(Schema):
    schema_title = "Contacts (policy/contacts.yml)"
    main_unit = Ref("unit", example="erhvervsservice", help="The site's main contact, shown on the home page.")
    people = ListOf(Nested(Person), unique_key="id", default=[])
    units = ListOf(Nested(Unit), unique_key="id", default=[])
