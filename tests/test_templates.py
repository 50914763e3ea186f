"""Every Torv template renders, with Jinja's StrictUndefined, over the page data the compile step writes for the
fixture site: a name a template reads that the data does not have (a misspelt key) fails here, where MkDocs
would print an empty string and pass `--strict`.

No MkDocs: the page templates extend the real overrides/main.html, which extends a small stand-in for
Material's base.html defining the blocks Torv fills (and showing the header's language switcher and the
footer). What the renderer provides besides page.meta and config.extra (features, lang.t, the theme's
icon settings) is given as MkDocs and Material give it; the icons come from Material's own .icons folder.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest
import yaml

from conftest import BUILD_DATE, FIXTURE, ROOT
from torv.bench.archive import write as write_archive
from torv.compile import compile_site
from torv.site import load_site

OVERRIDES = os.path.join(ROOT, "overrides")
_material = importlib.util.find_spec("material")
assert _material and _material.origin, "Material for MkDocs is not installed"
MATERIAL = os.path.join(os.path.dirname(_material.origin), "templates")  # its .icons/ for the icons templates include
LANGS = ("da", "sv", "en")
ARCHIVE_ITEMS = 130  # news items per language: more than a page of every list

# Material's templates copied with small fixes: they read Material's context (nav, page.toc, the search
# plugin), not Torv's data; base.html is replaced by STUB_BASE below.
MATERIAL_COPIES = {
    "base.html",
    "partials/header.html",
    "partials/nav-item.html",
    "partials/search.html",
    "partials/toc.html",
    "partials/palette.html",  # empty: one colour scheme, no switch (Material's base.html includes it)
}
# The 404 page of each language is rendered by MkDocs without a page (page is None): see NoPage.
STUB_BASE = """\
{% set features = config.theme.features or [] %}
<head>{% block site_meta %}{% endblock %}{% block htmltitle %}{% endblock %}</head>
<header>{% include "partials/alternate.html" %}</header>
<article>{% block content %}{% endblock %}</article>
<footer>{% include "partials/copyright.html" %}</footer>
{% block scripts %}{% endblock %}
"""


class Recording(jinja2.ChoiceLoader):
    """Remembers which templates were loaded."""

    def __init__(self, loaders: list[jinja2.BaseLoader]):
        super().__init__(loaders)
        self.loaded: set[str] = set()

    def load(self, environment: jinja2.Environment, name: str, globals: Any = None) -> jinja2.Template:
        self.loaded.add(name)
        return super().load(environment, name, globals)


def environment(replaced: dict[str, str] | None = None) -> tuple[jinja2.Environment, Recording]:
    loader = Recording(
        [
            jinja2.DictLoader({"base.html": STUB_BASE, **(replaced or {})}),
            jinja2.FileSystemLoader(OVERRIDES),
            jinja2.FileSystemLoader(MATERIAL),
        ]
    )
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["url"] = lambda value: value  # MkDocs' url filter: a path relative to the page
    return env, loader


def merged(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merged key by key, the child's values win."""
    out = dict(base)
    for key, value in child.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a generated page as MkDocs does (mkdocs.utils.meta), with its YAML loader."""
    m = re.match(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n(.*)$", text, re.S)
    assert m, text[:200]
    return yaml.load(m.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), m.group(2)


def configs(files: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """config of every language: the fixture's mkdocs.yml with the generated mkdocs.<lang>.yml over it."""
    with open(os.path.join(FIXTURE, "mkdocs.yml"), encoding="utf-8") as fh:
        base = yaml.safe_load(fh)
    out = {}
    for lang in LANGS:
        cfg = merged(base, yaml.safe_load(files[f"mkdocs.{lang}.yml"]))
        # What Material adds to every configuration (mkdocs_theme.yml): icon settings, none set here.
        cfg["theme"] = {**cfg["theme"], "icon": {"edit": None, "alternate": None}}
        out[lang] = cfg
    return out


class Lang:
    """Material's partials/language.html macro: t(key) is its interface text."""

    @staticmethod
    def t(key: str) -> str:
        return f"[{key}]"


def pages(preview: bool = False, root: str = FIXTURE) -> list[tuple[str, str, dict[str, Any], str]]:
    """(build-tree path, language, meta, body) of every page of the fixture site (or of the site at root)."""
    site, report = load_site(root, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0
    files = compile_site(site, preview=preview)
    out = []
    for path, text in sorted(files.items()):
        if path.endswith(".md") and isinstance(text, str):
            meta, body = front_matter(text)
            out.append((path, path.split("/")[0], meta, body))
    return out


@pytest.fixture(scope="module")
def site_pages(tmp_path_factory) -> list[tuple[str, str, dict[str, Any], str]]:
    # and a generated archive long enough for every list to have pages (pagers, year pages, a pillar's list)
    archive = write_archive(str(tmp_path_factory.mktemp("archive") / "site"), ARCHIVE_ITEMS)
    return pages() + pages(preview=True) + pages(root=archive.root)


@pytest.fixture(scope="module")
def site_configs() -> dict[str, dict[str, Any]]:
    site, _ = load_site(FIXTURE, today=dt.date.fromisoformat(BUILD_DATE))
    return configs(compile_site(site))


def render(
    env: jinja2.Environment, config: dict[str, Any], meta: dict[str, Any] | None, body: str = "", **context: Any
) -> str:
    page = None
    if meta is not None:
        page = SimpleNamespace(meta=meta, content=body, title=meta["title"], is_homepage=meta["torv"]["url"] == "")
    template = meta["template"] if meta else "404.html"
    return env.get_template(template).render(page=page, config=config, lang=Lang, base_url=".", **context)


def test_every_template_renders_every_page_strictly(site_pages, site_configs):
    env, loader = environment()
    kinds = set()
    for path, lang, meta, body in site_pages:
        try:
            html = render(env, site_configs[lang], meta, body)
        except jinja2.UndefinedError as exc:
            raise AssertionError(f"{path} ({meta['template']}): {exc}") from None
        assert f'<link rel="canonical" href="{meta["torv"]["canonical"]}">' in html, path
        kinds.add(meta["torv"]["kind"])
    assert kinds == {
        "home",
        "policy",
        "pillar",
        "news",
        "meeting",
        "news-index",
        "news-year",
        "pillar-news",
        "tag",
        "meetings",
        "contact",
        "page",
        "statement",
    }
    # Zensical's configuration names a theme variant (render.py): the page then includes its search fixes.
    zensical = {**site_configs["da"], "theme": {**site_configs["da"]["theme"], "variant": "classic"}}
    home = next(meta for path, lang, meta, body in site_pages if meta["torv"]["kind"] == "home")
    assert "[role=listbox] menu" in render(env, zensical, home)
    torv_templates = {
        os.path.relpath(os.path.join(d, f), OVERRIDES).replace(os.sep, "/")
        for d, _, fs in os.walk(OVERRIDES)
        for f in fs
        if f.endswith(".html")
    }
    unrendered = torv_templates - loader.loaded - MATERIAL_COPIES - {"404.html"}
    assert not unrendered, f"templates no page of the fixture renders: {sorted(unrendered)}"


class NoPage(jinja2.StrictUndefined):
    """Strict, but an attribute of None is false, as in MkDocs: the 404 page has no page (`page.meta`)."""

    def __bool__(self) -> bool:  # type: ignore[override]
        if self._undefined_obj is None:
            return False
        return super().__bool__()


def test_the_404_page_reads_only_config_extra(site_configs):
    env, _ = environment()
    env.undefined = NoPage
    cfg = site_configs["da"]
    html = render(env, cfg, None, nav=SimpleNamespace(homepage=SimpleNamespace(url="index.html")))
    assert cfg["extra"]["t"]["notfound.title"] in html and 'href="index.html"' in html


def test_the_preview_notice_is_rendered_on_drafts(site_pages, site_configs):
    env, _ = environment()
    drafts = [
        (lang, meta, body) for _, lang, meta, body in site_pages if (meta["torv"].get("preview") or {}).get("state")
    ]
    assert drafts
    lang, meta, body = drafts[0]
    assert meta["torv"]["preview"]["notice"] in render(env, site_configs[lang], meta, body)


# A misspelt name in a template fails: each case changes one name the template reads.
MISSPELT = [
    ("home.html", "torv.policy_href", "torv.policy_hrf"),
    ("main.html", "torv.canonical", "torv.canonicl"),
    ("news-item.html", "torv.pillar_links", "torv.pillars"),  # the pillar links' old name
    ("partials/news-list.html", "item.href", "item.hrf"),
    ("partials/news-list.html", "item.preview.notice", "item.preview.text"),
    ("partials/contact-card.html", "contact.phone.e164", "contact.phone.e146"),
    ("partials/event-box.html", "event.when", "event.wen"),
    ("partials/commitment-list.html", "c.status_text", "c.status_txt"),
    ("partials/alternate.html", "alt.current", "alt.curent"),
    ("partials/copyright.html", "link.href", "link.url"),
    ("policy.html", "torv.counts.total", "torv.counts.all"),
    ("statement.html", "st.facts", "st.fact"),
]


@pytest.mark.parametrize(("template", "name", "misspelt"), MISSPELT, ids=[f"{t}:{m}" for t, _, m in MISSPELT])
def test_a_misspelt_name_fails(site_pages, site_configs, template, name, misspelt):
    with open(os.path.join(OVERRIDES, template), encoding="utf-8") as fh:
        source = fh.read()
    assert name in source
    env, loader = environment({template: source.replace(name, misspelt)})
    with pytest.raises(jinja2.UndefinedError):
        for _, lang, meta, body in site_pages:
            render(env, site_configs[lang], meta, body)
    assert template in loader.loaded
