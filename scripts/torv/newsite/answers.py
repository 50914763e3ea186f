"""What `torv init` needs to know about a municipality, checked with the settings' own rules, and what it proposes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .. import i18n
from ..languages import language
from ..schema import Context, Invalid, Option, PhoneRegion, TimeZone, Url
from ..schema.look import BrandColour, Logo

# The time zone of each Nordic country (the phone region), proposed for a site there.
TIME_ZONES = {
    "DK": "Europe/Copenhagen",
    "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo",
    "FI": "Europe/Helsinki",
    "IS": "Atlantic/Reykjavik",
    "FO": "Atlantic/Faroe",
    "GL": "America/Nuuk",
    "AX": "Europe/Mariehamn",
}
DEFAULT_COLOUR = "#0b4f6c"


@dataclass
class Answers:
    """A new site's settings, as given on the command line or answered at the prompts."""

    languages: list[str] = field(default_factory=list)  # the default first
    names: dict[str, str] = field(default_factory=dict)  # the municipality's name in each language
    phone_region: str = ""
    timezone: str = ""
    brand_colour: str = DEFAULT_COLOUR
    logo: str = ""  # a file anywhere on the machine; copied into docs/
    site_url: str = ""

    @property
    def default_language(self) -> str:
        return self.languages[0]


def parse_languages(text: str, default: str = "") -> list[str]:
    """`da,sv,en` (and the default language, first if not given) as the list of codes, the default first."""
    codes = [c.strip().lower() for c in text.replace(" ", ",").split(",") if c.strip()]
    codes = list(dict.fromkeys(codes))
    default = default.strip().lower() or (codes[0] if codes else "")
    if default and default not in codes:
        codes.insert(0, default)
    return [default] + [c for c in codes if c != default] if default else codes


def proposed_region(answers: Answers) -> str:
    """The country of the default language (da: DK, sv: SE ...), or of the first language that has one."""
    for code in answers.languages:
        country = language(code).country
        if country:
            return country
    return ""


def proposed_timezone(answers: Answers) -> str:
    return TIME_ZONES.get(answers.phone_region, "")


def _context(root: str = ".") -> Context:
    return Context(path="torv init", lines={}, root=root)


def check_languages(codes: list[str]) -> str | None:
    if not codes:
        return "expected at least one language, e.g. --languages da,sv,en"
    known = i18n.available_languages()
    unknown = [c for c in codes if c not in known]
    if unknown:
        return f"Torv has no interface strings for {', '.join(unknown)}: expected some of {', '.join(known)}"
    return None


def check_name(name: str) -> str | None:
    return None if name.strip() else "expected the municipality's name, e.g. Havbjerg Kommune"


def _check(option: Option, value: str, root: str = ".") -> str | None:
    try:
        option.convert(value, _context(root), ("x",))
    except Invalid as exc:
        return exc.message
    return None


def check_region(value: str) -> str | None:
    return _check(PhoneRegion(), value)


def check_timezone(value: str) -> str | None:
    if not value.strip():
        return "expected a time zone like Europe/Copenhagen"
    return _check(TimeZone(example="Europe/Copenhagen"), value)


def check_colour(value: str) -> str | None:
    return _check(BrandColour(), value)


def check_logo(path: str) -> str | None:
    """A logo file on the machine: it must exist and be an SVG or a PNG (it is copied into docs/)."""
    if not path:
        return None
    name = os.path.basename(path)
    problem = _check(Logo(), name, os.path.dirname(os.path.abspath(path)))
    return problem.replace("from the repository's top folder", "given") if problem else None


def check_site_url(value: str) -> str | None:
    if not value:
        return None
    problem = _check(Url(), value)
    if problem:
        return problem.replace(
            "a web address like https://havbjerg.example/erhverv",
            "the site's address like https://ORG.github.io/REPO/ or https://erhverv.havbjerg.dk/",
        )
    return None


def problems(a: Answers) -> list[str]:
    """Everything that is wrong or missing in the answers, as `--option: what is wrong` lines."""
    out = []
    if found := check_languages(a.languages):
        return [f"--languages: {found}"]
    out += [f"--name {lang}=...: {found}" for lang in a.languages if (found := check_name(a.names.get(lang, "")))]
    checks = (
        ("--phone-region", check_region(a.phone_region)),
        ("--timezone", check_timezone(a.timezone)),
        ("--brand-colour", check_colour(a.brand_colour)),
        ("--logo", check_logo(a.logo)),
        ("--site-url", check_site_url(a.site_url)),
    )
    out += [f"{option}: {found}" for option, found in checks if found]
    return out
