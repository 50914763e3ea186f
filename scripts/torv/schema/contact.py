"""Options for ways to reach somebody: web addresses, e-mail addresses and phone numbers."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

import phonenumbers

from .. import codes
from .base import Context, Invalid, Option, did_you_mean, shown

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


def url_host(url: object) -> str | None:
    """The host of a web address (`erhverv.havbjerg.dk`), or None if it has none."""
    if not isinstance(url, str):
        return None
    try:
        return urllib.parse.urlsplit(url).hostname
    except ValueError:
        return None


class Url(Option):
    expected = "a web address"
    code = codes.INVALID_URL
    example = "https://havbjerg.example/erhverv"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str) or not URL_RE.match(value.strip()):
            raise self.fail(value)
        value = value.strip()
        if value.lower().startswith("http://"):
            ctx.warning(
                keypath,
                f"plain http:// link {shown(value)}: use https:// if the site offers it, e.g. {'https://' + value[7:]}",
                code=codes.INSECURE_LINK,
            )
        return value

    def json(self) -> dict:
        return {"type": "string", "format": "uri", "pattern": "^https?://"}


class Email(Option):
    expected = "an e-mail address"
    code = codes.INVALID_EMAIL
    example = "erhverv@havbjerg.example"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if not isinstance(value, str):
            raise self.fail(value)
        v = value.strip()
        if v.lower().startswith("mailto:"):
            v = v[7:]
        if not EMAIL_RE.match(v) or ".." in v:
            raise self.fail(value)
        return v

    def json(self) -> dict:
        return {"type": "string", "format": "email"}


class UrlOrEmail(Option):
    expected = "a web address or an e-mail address"
    code = codes.INVALID_URL
    example = "https://havbjerg.example/tilmelding"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, str) and "@" in value and not value.strip().lower().startswith("http"):
            return {"email": Email().convert(value, ctx, keypath)}
        if isinstance(value, str) and URL_RE.match(value.strip()):
            return {"url": Url().convert(value, ctx, keypath)}
        raise self.fail(value)

    def json(self) -> dict:
        return {"type": "string", "anyOf": [{"format": "uri"}, {"format": "email"}]}


@dataclass(frozen=True)
class PhoneNumber:
    e164: str  # for tel: links
    display: str  # national form in the site's country (72 10 20 00, 0303-33 00 00), international elsewhere

    def __str__(self) -> str:
        return self.display


# A number of each Nordic country as its editors would recognise it, for messages; other countries get
# the example number of the phonenumbers library.
PHONE_EXAMPLES = {
    "DK": "+4572102000",
    "SE": "+46303330000",
    "NO": "+4762430000",
    "FI": "+35861234567",
    "IS": "+3544111111",
}
PHONE_REGIONS = sorted(phonenumbers.SUPPORTED_REGIONS)


def phone_example(region: str) -> str:
    """An example phone number of a country, written internationally (`+46 303 33 00 00` for SE)."""
    example = (
        None
        if region in PHONE_EXAMPLES
        else phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    )
    num = example or phonenumbers.parse(PHONE_EXAMPLES.get(region, PHONE_EXAMPLES["DK"]), None)
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_number(value: str, region: str) -> PhoneNumber | None:
    """A phone number as written by an editor (without a country code: a number of `region`), or None if it
    is not a valid one. Shown in the national form when it is a number of `region`, else internationally."""
    try:
        num = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    shown_as = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(num) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return PhoneNumber(
        phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164), phonenumbers.format_number(num, shown_as)
    )


class Phone(Option):
    expected = "a phone number"
    code = codes.INVALID_PHONE
    example = "+45 72 10 20 00"

    def describe_in(self, ctx: Context) -> str:
        return f"{self.expected} like {self.example_in(ctx)}"

    def example_in(self, ctx: Context) -> str:
        return phone_example(ctx.phone_region)

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise Invalid(f"expected {self.describe_in(ctx)}, found {shown(value)}", self.code)
        try:
            phonenumbers.parse(value, ctx.phone_region)
        except phonenumbers.NumberParseException:
            raise Invalid(f"expected {self.describe_in(ctx)}, found {shown(value)}", self.code) from None
        number = phone_number(value, ctx.phone_region)
        if number is None:
            raise Invalid(
                f"expected {self.describe_in(ctx)}, found {shown(value)}, which is not a valid "
                f"phone number (check the number of digits and the country code)",
                self.code,
            )
        return number

    def json(self) -> dict:
        return {"type": "string", "pattern": r"^\+?[0-9 ()-]{6,20}$"}


class PhoneRegion(Option):
    """The country of the site's phone numbers: a two-letter country code (ISO 3166) phonenumbers knows."""

    expected = "a two-letter country code"
    code = codes.UNKNOWN_PHONE_REGION
    example = "DK"

    def describe(self) -> str:
        return f"{self.expected} like DK, SE, NO, FI or IS"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, str) and value.strip().upper() in phonenumbers.SUPPORTED_REGIONS:
            return value.strip().upper()
        hint = did_you_mean(str(value).upper(), PHONE_REGIONS) if isinstance(value, str) else ""
        raise Invalid(f"expected {self.describe()}, found {shown(value)}{hint}", self.code)

    def json(self) -> dict:
        return {"type": "string", "enum": PHONE_REGIONS}
