"""The compile step: pages of every kind into the build tree. The front matter holds every declared field and
reads back, with MkDocs' YAML loader, as exactly the page's data; each page kind makes pages of one template;
making pages is pure."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, FIXTURE
from torv.compile import compile_site, front_matter, yaml_line
from torv.pages import PAGE_KINDS, Shared, pages_of
from torv.pages.shapes import NewsItemData
from torv.records import content_of
from torv.routes import Routes
from torv.site import load_site

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])


@pytest.fixture(scope="module")
def site():
    site, report = load_site(FIXTURE, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0
    return site


def made(site, preview=False):
    content, routes = content_of(site, preview), Routes.of(site.settings, site.root)
    return content, routes, Shared.of(site.settings, site.today, preview)


@pytest.mark.parametrize("preview", [False, True])
def test_front_matter_reads_back_as_the_declared_data(site, preview):
    content, routes, shared = made(site, preview)
    for lang in routes.languages:
        for page in pages_of(content, routes, lang, shared):
            text = front_matter(page)
            m = re.match(r"^---\n(.*?\n)---\n\n(.*)$", text, re.S)  # MkDocs' split (mkdocs.utils.meta)
            assert m
            for loader in LOADERS:
                assert yaml.load(m.group(1), Loader=loader) == dataclasses.asdict(page.meta)
            assert m.group(2) == page.body.strip() + "\n"


@dataclasses.dataclass(frozen=True)
class Sample:
    text: str
    more: list[str]
    none: None = None


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.text(st.characters(codec="utf-8")), max_size=3))
def test_any_text_reads_back_the_same(text, more):
    line = yaml_line(Sample(text, more))
    assert "\n" not in line
    for loader in LOADERS:
        assert yaml.load(line, Loader=loader) == {"text": text, "more": more, "none": None}


@pytest.mark.parametrize(
    "text",
    [
        "\x85 \u2028 \u2029 \ufeff \x7f \x9f",
        "---\n...",
        "a: b # c",
        "'\"\\/",
        "\U0001f600",
        "yes",
        "null",
        "~",
        "1e3",
        "@x",
        "`x`",
        "%x",
        "- x",
    ],
)
def test_texts_yaml_reads_differently_from_json(text):
    for loader in LOADERS:
        assert yaml.load(yaml_line({"t": text}), Loader=loader) == {"t": text}


def test_each_page_kind_makes_pages_of_one_template(site):
    content, routes, shared = made(site, preview=True)
    for lang in routes.languages:
        urls = []
        for kind in PAGE_KINDS:
            pages = kind(content, routes, lang, shared)
            assert len({p.template for p in pages}) <= 1, kind.__name__
            assert len({p.meta.torv.kind for p in pages} - {"news", "meeting"}) <= 1, kind.__name__
            urls += [p.url for p in pages]
        assert len(urls) == len(set(urls))


def test_pages_carry_the_media_they_show(site):
    content, routes, shared = made(site)
    pages = {p.url: p for p in pages_of(content, routes, "da", shared)}
    contact = pages["kontakt/"]
    assert [m.path for m in contact.files] == ["media/policy/images/birgitte-holm.svg"]
    news = pages["nyheder/groent-netvaerk/"]
    assert isinstance(news.meta.torv, NewsItemData) and news.meta.torv.image
    assert news.meta.torv.image.src == "../../media/news/2026/images/groent-netvaerk.svg"
    assert [m.path for m in news.files] == ["media/news/2026/images/groent-netvaerk.svg"]


def test_compiling_is_pure(site):
    first, second = compile_site(site), compile_site(site)
    assert first == second
    assert compile_site(site, preview=True) != first
    assert compile_site(site) == first
