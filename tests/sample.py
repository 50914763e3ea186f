"""What the built sample site should contain, read straight from the content files (YAML front
matter, policy/contacts.yml, the strings files) with PyYAML and Babel, independently of the generator.
Shared by the site tests."""

from __future__ import annotations

import datetime as dt
import functools
import glob
import os
import re
import urllib.parse

import yaml
from bs4 import BeautifulSoup

from conftest import BUILD_DATE, FIXTURE, ROOT

LANGS = ["da", "sv", "en"]
DEFAULT = "da"
LOCALES = {"da": "da_DK", "sv": "sv_SE", "en": "en_GB"}
TODAY = dt.date.fromisoformat(BUILD_DATE)
DRAFT = "news/2026/energitjek-smaa-virksomheder"
SCHEDULED = "news/2027/kurser-erhvervsskolen"


def read_yaml(rel: str, root: str = FIXTURE):
    with open(os.path.join(root, rel), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def front_matter(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return yaml.safe_load(m.group(1)) if m else {}


@functools.cache
def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    with open(os.path.join(FIXTURE, "mkdocs.yml"), encoding="utf-8") as fh:
        return yaml.load(fh, Loader=Loader)


def site_url() -> str:
    return mkdocs_config()["site_url"].rstrip("/") + "/"


@functools.cache
def strings(lang: str) -> dict:
    return read_yaml(f"scripts/torv/strings/{lang}.yml", ROOT)


def segment(lang: str, section: str) -> str:
    return strings(lang)[f"url.{section}"]


def merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = merge(base[k], v) if isinstance(v, dict) and isinstance(base.get(k), dict) else v
    return out


def groups(folder: str) -> dict[str, dict[str, dict]]:
    """{group path: {lang: front matter merged over the default language's}} for a content folder."""
    out: dict = {}
    for path in sorted(glob.glob(os.path.join(FIXTURE, folder, "**", f"*.{DEFAULT}.md"), recursive=True)):
        group = os.path.relpath(path, FIXTURE).replace(os.sep, "/")[: -len(f".{DEFAULT}.md")]
        base = front_matter(path)
        out[group] = {}
        for lang in LANGS:
            tr = os.path.join(FIXTURE, f"{group}.{lang}.md")
            out[group][lang] = (
                base if lang == DEFAULT else merge(base, front_matter(tr)) if os.path.exists(tr) else base
            )
    return out


def slug(group: str, values: dict) -> str:
    return values.get("slug") or group.rsplit("/", 1)[-1]


def news(published_only: bool = True) -> dict[str, dict[str, dict]]:
    out = groups("news")
    if published_only:
        out = {g: v for g, v in out.items() if not v[DEFAULT].get("draft") and v[DEFAULT]["date"] <= TODAY}
    return out


def news_path(group: str, lang: str) -> str:
    """Site-relative folder of a news item, e.g. 'da/nyheder/groent-netvaerk/'."""
    return f"{lang}/{segment(lang, 'news')}/{slug(group, news(False)[group][lang])}/"


def local_datetime(text) -> dt.datetime:
    return dt.datetime.strptime(str(text), "%Y-%m-%d %H:%M")


def when(value) -> dt.date:
    """A meeting's start or end as written: a local date and time, or (YAML reads it as a date) a date alone."""
    return value if isinstance(value, dt.date) else local_datetime(value)


def is_all_day(ev: dict) -> bool:
    return not isinstance(when(ev["start"]), dt.datetime)


def first_day(ev: dict) -> dt.date:
    start = when(ev["start"])
    return start.date() if isinstance(start, dt.datetime) else start


def last_day(ev: dict) -> dt.date:
    last = when(ev.get("end") or ev["start"])
    return last.date() if isinstance(last, dt.datetime) else last


def start_key(ev: dict) -> dt.datetime:
    """A meeting's start for sorting (an all-day meeting at midnight)."""
    start = when(ev["start"])
    return start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())


def meetings() -> dict[str, dict[str, dict]]:
    return {g: v for g, v in news().items() if v[DEFAULT].get("event")}


def is_upcoming(values: dict) -> bool:
    return last_day(values["event"]) >= TODAY


def pillars() -> dict[str, dict[str, dict]]:
    return groups("policy/pillars")


def pages() -> dict[str, dict[str, dict]]:
    return groups("docs")


def used_tags() -> list[str]:
    return sorted({t for v in news().values() for t in v[DEFAULT].get("tags", [])})


# ---------------------------------------------------------------- the built site


@functools.cache
def _parse(path: str, mtime: float) -> BeautifulSoup:
    with open(path, encoding="utf-8") as fh:
        return BeautifulSoup(fh.read(), "lxml")


def soup(site_dir: str, rel: str) -> BeautifulSoup:
    """The parsed page at a site path ('da/' or 'da/kontakt/index.html'); fails when it is missing."""
    path = file_of(site_dir, rel)
    assert os.path.isfile(path), f"missing page: {rel}"
    return _parse(path, os.path.getmtime(path))


def file_of(site_dir: str, rel: str) -> str:
    rel = rel.split("#", 1)[0]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return os.path.join(site_dir, *rel.split("/"))


def html_pages(site_dir: str, lang: str, with_404: bool = False) -> list[str]:
    """Site paths of every HTML page of a language, like 'da/kontakt/index.html'."""
    out = []
    for path in glob.glob(os.path.join(site_dir, lang, "**", "*.html"), recursive=True):
        rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
        if rel == f"{lang}/404.html" and not with_404:
            continue
        out.append(rel)
    return sorted(out)


def resolve(page_rel: str, href: str) -> str:
    """A relative href on a page (site path) as a site path; '' when it leaves the site."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("//"):
        return ""
    base = "http://site/" + page_rel
    full = urllib.parse.urljoin(base, href)
    return urllib.parse.unquote(urllib.parse.urlsplit(full).path.lstrip("/"))


def abs_to_rel(url: str) -> str:
    """An absolute URL under site_url as a site path."""
    assert url.startswith(site_url()), url
    return url[len(site_url()) :]


def text(el, sep: str = " ") -> str:
    """An element's text with whitespace collapsed (sep="" keeps inline elements glued: "date: reason")."""
    return " ".join(el.get_text(sep).split())
