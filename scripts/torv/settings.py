"""The site's settings: `extra.torv` and the addresses in mkdocs.yml, read and checked into `SiteSettings`."""
from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
import zoneinfo
from dataclasses import dataclass

import yaml

from . import codes as problem_codes, i18n
from .models import Settings
from .problems import Report
from .schema import Context, did_you_mean, shown
from .yamlio import ReadError, decode, line_of, load_yaml, yaml_error


class ConfigError(Exception):
    """mkdocs.yml cannot be used: a usage/configuration problem (exit 2)."""

    def __init__(self, report: Report):
        super().__init__(report.render())
        self.report = report


@dataclass
class SiteSettings:
    municipality: dict
    languages: list            # codes, default first
    default_language: str
    language_names: dict
    timezone: str
    phone_region: str
    missing_translation: str
    reviewed_max_age_days: int
    logo: str | None
    site_url: str
    repo_url: str | None
    edit_base: str | None
    site_name: str
    cname: str | None = None     # custom domain (site_url's host) for site/CNAME, when extra.torv.cname


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; they do not concern Torv."""


_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_settings(root: str) -> SiteSettings:
    path = os.path.join(root, "mkdocs.yml")
    report = Report()
    try:
        with open(path, "rb") as fh:
            text = decode(fh.read())
        config = yaml.load(text, Loader=_MkdocsLoader) or {}
        _, lines = load_yaml(_strip_tags(text), aliases=True)
    except FileNotFoundError:
        report.error("mkdocs.yml", 0, "", "not found: run Torv from the repository's top folder",
                     code=problem_codes.MISSING_FILE)
        raise ConfigError(report) from None
    except ReadError as exc:
        report.error("mkdocs.yml", exc.line, exc.field, exc.message, code=exc.code)
        raise ConfigError(report) from None
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text)
        report.error("mkdocs.yml", line, "", message, code=problem_codes.BROKEN_YAML)
        raise ConfigError(report) from None
    extra = (config.get("extra") or {}) if isinstance(config, dict) else {}
    raw = extra.get("torv") if isinstance(extra, dict) else None
    if not isinstance(raw, dict):
        report.error("mkdocs.yml", 0, "extra.torv", "missing: expected Torv's settings under extra: torv:, "
                                                     "e.g. languages: [{code: da, name: Dansk, default: true}]",
                     code=problem_codes.MISSING_FIELD)
        raise ConfigError(report)
    # Languages first: Localized fields need them.
    langs_raw = raw.get("languages")
    codes, names, default = [], {}, None
    if isinstance(langs_raw, list):
        for item in langs_raw:
            if isinstance(item, dict) and isinstance(item.get("code"), str):
                codes.append(item["code"])
                names[item["code"]] = str(item.get("name", item["code"]))
                if item.get("default") is True:
                    default = item["code"]
    if codes and default is None:
        default = codes[0]
    kp = ("extra", "torv")
    ctx = Context(path="mkdocs.yml", lines=lines, languages=tuple(codes) or ("da",),
                  default_language=default or "da")
    values = Settings.check(raw, ctx, kp)
    for p in ctx.problems:
        report.add(p)
    if codes and sum(1 for i in langs_raw if isinstance(i, dict) and i.get("default") is True) > 1:
        report.error("mkdocs.yml", line_of(lines, kp + ("languages",)), "extra.torv.languages",
                     "expected exactly one language with default: true, found several",
                     code=problem_codes.ONE_DEFAULT_LANGUAGE)
    known = i18n.available_languages()
    for code in codes:
        if code not in known:
            report.error("mkdocs.yml", line_of(lines, kp + ("languages",)), "extra.torv.languages",
                         f"Torv has no interface strings for {shown(code)}: expected one of {', '.join(known)}, "
                         f"or add scripts/torv/strings/{code}.yml{did_you_mean(code, known)}",
                         code=problem_codes.NO_INTERFACE_STRINGS)
    tz = values.get("timezone", "Europe/Copenhagen")
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        report.error("mkdocs.yml", line_of(lines, kp + ("timezone",)), "extra.torv.timezone",
                     f"expected a time zone like Europe/Copenhagen, found {shown(tz)}",
                     code=problem_codes.UNKNOWN_TIME_ZONE)
    site_url = config.get("site_url") if isinstance(config, dict) else None
    host = urllib.parse.urlsplit(site_url).hostname if isinstance(site_url, str) else None
    if values.get("cname") and not host:
        report.error("mkdocs.yml", line_of(lines, kp + ("cname",)), "extra.torv.cname",
                     "expected site_url with the custom domain, e.g. site_url: https://erhverv.havbjerg.dk/, "
                     "found none: cname: true publishes the host of site_url",
                     code=problem_codes.CNAME_WITHOUT_SITE_URL)
    if report.errors:
        raise ConfigError(report)
    ordered = [default] + [c for c in codes if c != default]
    repo_url = config.get("repo_url") or None
    edit_base = values.get("repo_edit_base")
    if not edit_base and repo_url and "github.com" in repo_url:
        edit_base = repo_url.rstrip("/") + "/edit/main/"
    return SiteSettings(
        municipality=values["municipality"], languages=ordered, default_language=default,
        language_names=names, timezone=tz, phone_region=values.get("phone_region", "DK"),
        missing_translation=values.get("missing_translation", "notice"),
        reviewed_max_age_days=values.get("reviewed_max_age_days", 365), logo=values.get("logo"),
        site_url=(site_url or "").rstrip("/") + "/" if site_url else "",
        repo_url=repo_url, edit_base=edit_base, site_name=str(config.get("site_name", "")),
        cname=host if values.get("cname") else None,
    )


def _strip_tags(text: str) -> str:
    return re.sub(r"!!?[A-Za-z][\w/:.-]*", "", text)


def today_in(tz: str) -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo(tz)).date()
