"""The schema of the accessibility statement, docs/accessibility.yml: its fields and the rules between them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..schema import Choice, Date, Email, Integer, ListOf, Localized, Nested, Phone, Schema, Text, Url, shown

REL = "docs/accessibility.yml"
STATUSES = ["fully", "partially", "not"]
METHODS = ["self-assessment", "third-party", "other"]
CATEGORIES = ["non-compliance", "disproportionate-burden", "out-of-scope"]
WAS_HOSTS = ("was.digst.dk", "www.was.digst.dk")
UUSTATUS_HOSTS = ("uustatus.no", "www.uustatus.no")


class Criterion(Text):
    """A WCAG success criterion number."""

    pattern = re.compile(r"^[1-4]\.\d{1,2}\.\d{1,2}$")

    def __init__(self, **kw):
        super().__init__(max_length=8, example="1.2.2", **kw)

    def describe(self):
        return 'a WCAG success criterion like "1.2.2"'

    def convert(self, value, ctx, keypath):
        value = super().convert(value, ctx, keypath)
        if not self.pattern.match(value):
            raise self.fail(value)
        return value

    def json(self):
        return {"type": "string", "pattern": self.pattern.pattern}


class KnownIssue(Schema):
    what = Localized(
        Text(max_length=300, example="Videoer fra dialogmøderne har ikke undertekster"),
        required=True,
        example="Videoer fra dialogmøderne har ikke undertekster",
        help="What is not accessible, so that a visitor can recognise it.",
    )
    why = Localized(
        Text(max_length=400, example="Vi får undertekster lavet, når videoen er lagt op"),
        required=True,
        example="Vi får undertekster lavet, når videoen er lagt op",
        help="Why it is not accessible (and what a visitor can do instead).",
    )
    category = Choice(
        CATEGORIES,
        default="non-compliance",
        help="non-compliance (not yet accessible), disproportionate-burden (exempted) or "
        "out-of-scope (content the law does not cover).",
    )
    criteria = ListOf(Criterion(), example='["1.2.2"]', default=[], help="The WCAG 2.1 success criteria it fails.")
    fix_by = Date(help="When it will be accessible.")


class StatementContact(Schema):
    email = Email(required=True)
    phone = Phone(required=True)
    name = Localized(Text(max_length=120, example="Erhvervsservice"), help="Who answers; default: the municipality.")
    response_days = Integer(minimum=1, example=10, help="Working days within which you answer.")


class Statement(Schema):
    schema_title = "Accessibility statement (docs/accessibility.yml)"
    status = Choice(STATUSES, required=True, help="Compliance with WCAG 2.1 AA (EN 301 549): fully, partially or not.")
    assessed = Date(required=True, help="Date of the last assessment; the validator warns after a year.")
    method = Choice(METHODS, required=True, help="self-assessment, third-party or other.")
    method_text = Localized(
        Text(max_length=400, example="Automatiske test af alle sidetyper og manuel test med tastatur og skærmlæser"),
        help="How the site was assessed; required with method: other.",
    )
    updated = Date(help="Date the statement was last updated (default: the assessment date).")
    contact = Nested(StatementContact, required=True, help="Where visitors report problems: e-mail and phone.")
    known_issues = ListOf(Nested(KnownIssue), default=[], help="Content that is not accessible, and why.")
    was_url = Url(
        example="https://www.was.digst.dk/havbjerg-dk",
        help="The statement on was.digst.dk (Danish sites must publish it there).",
    )
    uustatus_url = Url(
        example="https://uustatus.no/nb/erklaringer/publisert/...",
        help="The statement on uustatus.no (Norwegian public bodies must publish it there).",
    )

    @classmethod
    def rules(cls, v, ctx, kp):
        status, issues = v.get("status"), v.get("known_issues", [])
        failing = [i for i in issues if i.get("category") in ("non-compliance", "disproportionate-burden")]
        if status == "fully" and failing:
            ctx.error(
                kp + ("status",),
                f"expected `partially` or `not`, found `fully`, while known_issues lists "
                f"{len(failing)} thing(s) that are not accessible (category "
                f"non-compliance or disproportionate-burden)",
            )
        if status in ("partially", "not") and not failing:
            ctx.error(
                kp + ("status",),
                f"`{status}` needs the content that is not accessible: expected "
                f"known_issues with at least one item like "
                f"{{what: ..., why: ..., category: non-compliance}}, or `status: fully`",
            )
        if v.get("method") == "other" and not v.get("method_text"):
            ctx.error(
                kp + ("method",),
                "missing method_text: with `method: other`, say how the site was "
                "assessed, e.g. `method_text: Test med tastatur og skærmlæser`",
            )
        was = v.get("was_url")
        if was and urlsplit(was).hostname not in WAS_HOSTS:
            ctx.error(
                kp + ("was_url",),
                f"expected the address of the statement on was.digst.dk like "
                f"https://www.was.digst.dk/havbjerg-dk, found {shown(was)}",
            )
        uu = v.get("uustatus_url")
        if uu and urlsplit(uu).hostname not in UUSTATUS_HOSTS:
            ctx.error(
                kp + ("uustatus_url",),
                f"expected the address of the statement on uustatus.no like "
                f"https://uustatus.no/nb/erklaringer/publisert/..., found {shown(uu)}",
            )
