"""The site's settings: `extra.torv` and the addresses in mkdocs.yml, read and checked into `SiteSettings`."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import codes
from .headings import MarkdownSetup, setup_of
from .models import Settings
from .problems import WARNING, Problem, Report
from .safety.config import ALLOWED_NAME_PREFIXES, config_problems
from .schema import Context, shown, url_host
from .yamlerrors import yaml_error
from .yamlio import TOO_DEEP, Lines, ReadError, decode, line_of, load_yaml


class ConfigError(Exception):
    """mkdocs.yml cannot be used: a usage/configuration problem (exit 2)."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.render())
        self.report = report


@dataclass
class SiteSettings:
    municipality: dict
    languages: list  # codes, default first
    default_language: str
    language_names: dict
    timezone: str
    phone_region: str
    missing_translation: str
    reviewed_max_age_days: int
    logo: str | None  # repository path of an SVG or PNG file (extra.torv.logo), or Torv's own symbol
    brand_colour: str  # #rrggbb (extra.torv.brand_colour), checked for contrast
    site_url: str
    repo_url: str | None
    edit_base: str | None
    site_name: str
    cname: str | None = None  # custom domain (site_url's host) for site/CNAME, when extra.torv.cname
    warnings: tuple[Problem, ...] = ()  # what the validator reports about the settings besides content problems
    renderer: str = "material"  # extra.torv.renderer: material or zensical (render.py)
    markdown: MarkdownSetup = field(default_factory=lambda: setup_of([]))  # mkdocs.yml's, for the body check


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; they do not concern Torv, except a function of the
    Markdown extensions (a toc's slugify), which makes the anchors of headings."""


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    """`!!python/name:pymdownx.slugs.uslugify`: the function, when safety/config.py allows the name; else None."""
    module, _, name = suffix.rpartition(".")
    if not (suffix.startswith(ALLOWED_NAME_PREFIXES) and re.fullmatch(r"[A-Za-z_][\w.]*", suffix) and module):
        return None
    try:
        return getattr(importlib.import_module(module), name, None)
    except Exception:  # a module that is not installed here: MkDocs reports it
        return None


_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_settings(root: str) -> SiteSettings:
    """Read mkdocs.yml and check Torv's settings in it (`extra.torv`, by the Settings schema); ConfigError
    with every problem found if they cannot be used."""
    report = Report()
    config, plain, lines = _read_config(os.path.join(root, "mkdocs.yml"), report)
    # extra.torv read as Torv reads YAML: `NO` (Norway's phone region) and `no` stay texts, not false
    extra = (plain.get("extra") or {}) if isinstance(plain, dict) else {}
    raw = extra.get("torv") if isinstance(extra, dict) else None
    if not isinstance(raw, dict):
        report.error(
            "mkdocs.yml",
            0,
            "extra.torv",
            "missing: expected Torv's settings under extra: torv:, "
            "e.g. languages: [{code: da, name: Dansk, default: true}]",
            code=codes.MISSING_FIELD,
        )
        raise ConfigError(report)
    site_url, repo_url = (_address(config, key, lines, report) for key in ("site_url", "repo_url"))
    ctx = Context(path="mkdocs.yml", lines=lines, site_url=site_url, root=root)
    values = Settings.check(raw, ctx, ("extra", "torv"))
    for p in ctx.problems:
        report.add(p)
    if report.errors:
        raise ConfigError(report)
    default = ctx.default_language  # set by checking the languages
    edit_base = values.get("repo_edit_base")
    if not edit_base and repo_url and "github.com" in repo_url:
        edit_base = repo_url.rstrip("/") + "/edit/main/"
    return SiteSettings(
        municipality=values["municipality"],
        languages=[default] + [c for c in ctx.languages if c != default],
        default_language=default,
        language_names={lang["code"]: lang["name"] for lang in values["languages"]},
        timezone=values["timezone"],
        phone_region=values["phone_region"],
        missing_translation=values["missing_translation"],
        reviewed_max_age_days=values["reviewed_max_age_days"],
        logo=values.get("logo"),
        brand_colour=values["brand_colour"],
        site_url=site_url.rstrip("/") + "/" if site_url else "",
        repo_url=repo_url,
        edit_base=edit_base,
        site_name=str(config.get("site_name", "")),
        cname=url_host(site_url) if values["cname"] else None,
        warnings=tuple(report.problems) + tuple(_missing_site_url(site_url, lines)),
        renderer=values.get("renderer", "material"),
        markdown=setup_of(config.get("markdown_extensions")),
    )


def _missing_site_url(site_url: str | None, lines: Lines) -> list[Problem]:
    if site_url:
        return []
    return [
        Problem(
            codes.NO_SITE_URL,
            "mkdocs.yml",
            1,
            "site_url",
            "missing: expected the site's address like https://ORG.github.io/REPO/ (GitHub Pages) or "
            "https://erhverv.havbjerg.dk/; without it there are no feeds, calendars or sitemaps, and the "
            "404 page of each language cannot find its stylesheets",
            WARNING,
        )
    ]


def _read_config(path: str, report: Report) -> tuple[dict, object, Lines]:
    """mkdocs.yml as MkDocs reads it (its own tags ignored), as Torv reads YAML (tags stripped), and the lines
    of its keys; ConfigError if it cannot be read."""
    try:
        with open(path, "rb") as fh:
            text = decode(fh.read())
        config = yaml.load(text, Loader=_MkdocsLoader) or {}
        plain, lines = load_yaml(_strip_tags(text), aliases=True)
    except FileNotFoundError:
        report.error(
            "mkdocs.yml", 0, "", "not found: run Torv from the repository's top folder", code=codes.MISSING_FILE
        )
        raise ConfigError(report) from None
    except OSError as exc:
        report.error("mkdocs.yml", 0, "", f"cannot be read ({exc.strerror})", code=codes.UNREADABLE)
        raise ConfigError(report) from None
    except ReadError as exc:
        report.error("mkdocs.yml", exc.line, exc.field, exc.message, code=exc.code)
        raise ConfigError(report) from None
    except yaml.YAMLError as exc:
        line, message = yaml_error(exc, text)
        report.error("mkdocs.yml", line, "", message, code=codes.BROKEN_YAML)
        raise ConfigError(report) from None
    except RecursionError:
        report.error("mkdocs.yml", 1, "", TOO_DEEP, code=codes.BROKEN_YAML)
        raise ConfigError(report) from None
    unsafe = config_problems(text)  # safety/config.py: nothing that runs code or loads from another host
    for line, fld, message in unsafe:
        report.error("mkdocs.yml", line, fld, message, code=codes.UNSAFE_SETTING)
    if unsafe:
        raise ConfigError(report)
    return (config if isinstance(config, dict) else {}), plain, lines


def _address(config: dict, key: str, lines: Lines, report: Report) -> str | None:
    """MkDocs' site_url or repo_url: a text (MkDocs checks the rest), or None."""
    value = config.get(key)
    if value is None or isinstance(value, str):
        return value or None
    report.error(
        "mkdocs.yml",
        line_of(lines, (key,)),
        key,
        f"expected a web address like https://erhverv.havbjerg.dk/, found {shown(value)}",
        code=codes.INVALID_URL,
    )
    return None


def _strip_tags(text: str) -> str:
    return re.sub(r"!!?[A-Za-z][\w/:.-]*", "", text)


def today_in(tz: str) -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo(tz)).date()
