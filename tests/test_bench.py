"""The benchmark's smoke run at N = 20 (scripts/torv/bench): Torv and plain Material + mkdocs-static-i18n
build the same news pages from the generated archive, in every language. No timing is asserted."""

from __future__ import annotations

import glob
import os

import pytest
from bs4 import BeautifulSoup

from sample import DEFAULT, LANGS, front_matter
from soup import one
from torv.bench import report
from torv.bench.run import bench_one

pytestmark = pytest.mark.slow
N = 20


@pytest.fixture(scope="module")
def smoke(tmp_path_factory):
    result, archive = bench_one(N, str(tmp_path_factory.mktemp("bench")), runs=1, log=lambda text: None)
    return result, archive


def written(root: str, lang: str) -> dict:
    """{item id: title} of the archive's news items in one language, read from its files."""
    out = {}
    for path in glob.glob(os.path.join(root, "news", "*", f"*.{lang}.md")):
        out[os.path.basename(path).split(".")[0]] = front_matter(path)["title"]
    return out


def heading(site: str, rel: str) -> str:
    with open(os.path.join(site, rel), encoding="utf-8") as fh:
        return one(BeautifulSoup(fh.read(), "lxml"), "h1").get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGS)
def test_both_builds_have_a_page_for_every_news_item(smoke, lang):
    result, archive = smoke
    items = written(archive.root, lang)
    assert len(items) == N
    assert set(result.torv_news[lang]) == set(items)
    assert set(result.baseline_news[lang]) == set(result.torv_news[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_each_news_page_shows_its_item_in_its_language(smoke, lang):
    result, archive = smoke
    items = written(archive.root, lang)
    others = tuple(f"{lg}/" for lg in LANGS if lg != lang)
    for site, found in ((result.torv_out, result.torv_news[lang]), (result.baseline_out, result.baseline_news[lang])):
        assert len(set(found.values())) == N, "one page per item"
        for item, rel in found.items():
            assert heading(site, rel) == items[item]
            if site == result.torv_out or lang != DEFAULT:
                assert rel.startswith(f"{lang}/"), rel
            else:
                assert not rel.startswith(others), rel  # the baseline's default language is at the root


def test_a_third_of_the_items_are_meetings_with_tags_pillars_and_contacts(smoke):
    _, archive = smoke
    files = [front_matter(p) for p in glob.glob(os.path.join(archive.root, "news", "*", f"*.{DEFAULT}.md"))]
    assert sum("event" in fm for fm in files) == (N + 2) // 3
    assert all(fm["tags"] and fm["pillars"] and fm["contacts"] for fm in files)
    assert any("/" in p for fm in files for p in fm["pillars"]), "some items name a commitment"


def test_the_report_shows_both_builds(smoke):
    result, _ = smoke
    text = report.result(result)
    assert text.startswith(f"N = {N} news items per language")
    assert "| Torv / baseline" in text
    assert text.count(f"{N}/{N}/{N}") == 2, "news pages found in each language, by each build"
