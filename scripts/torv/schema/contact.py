"""Options for ways to reach somebody: web addresses, e-mail addresses and phone numbers."""
from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

import phonenumbers

from .. import codes
from .base import Context, Invalid, Option, shown

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")


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
            ctx.warning(keypath, f"plain http:// link {shown(value)}: use https:// if the site offers it, "
                                 f"e.g. {'https://' + value[7:]}", code=codes.INSECURE_LINK)
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
    e164: str
    display: str

    def __str__(self) -> str:
        return self.display


class Phone(Option):
    expected = "a phone number"
    code = codes.INVALID_PHONE
    example = "+45 72 10 20 00"

    def convert(self, value: Any, ctx: Context, keypath: tuple) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(value)
        try:
            num = phonenumbers.parse(value, ctx.phone_region)
        except phonenumbers.NumberParseException:
            raise self.fail(value) from None
        if not phonenumbers.is_valid_number(num):
            raise Invalid(f"expected {self.describe()}, found {shown(value)}, which is not a valid "
                          f"phone number (check the number of digits and the country code)", self.code)
        return PhoneNumber(phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
                           phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL))

    def json(self) -> dict:
        return {"type": "string", "pattern": r"^\+?[0-9 ()-]{6,20}$"}
