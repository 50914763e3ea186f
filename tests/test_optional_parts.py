"""The optional parts of a site: the policy, pillars, the main unit, people, a postcode and a commitment's status.

- Strandvik (tests/fixtures/strandvik) has news and contacts only: no policy, no pillar, no main unit, nobody
  named, a visiting address without a postcode. It builds, and no page has a section with nothing in it.
- Havbjerg with a commitment whose status is left out and a pillar without commitments: the commitment has no
  badge and is not counted; the pillar's page has no commitments heading.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re

import pytest
import yaml

from conftest import BUILD_DATE, FIXTURES, copy_repo, run_build
from sample import soup, text
from torv import i18n
from torv.check import empty_sections
from torv.check.sections import empty_headings
from torv.site import load_site

pytestmark = pytest.mark.slow


# ---------------------------------------------------------------- news and contacts only


def test_a_site_of_news_and_contacts_validates_without_a_policy():
    site, report = load_site(os.path.join(FIXTURES, "strandvik"), today=dt.date.fromisoformat(BUILD_DATE))
    assert (report.errors, report.warnings) == (0, 0), report.render()
    assert site.policy is None and site.pillars == []
    assert site.contacts["main_unit"] is None and site.contacts["people"] == {}


def test_no_page_of_a_news_and_contacts_site_has_an_empty_section(built):
    site_dir = built("strandvik")
    assert empty_sections(site_dir) == []


def test_without_a_policy_the_home_page_and_menu_show_news_and_contacts_only(built):
    site_dir = built("strandvik")
    for lang, policy_word in (("sv", "Näringslivspolicy"), ("en", "Business policy")):
        home = soup(site_dir, f"{lang}/")
        tabs = [text(a) for a in home.select(".md-tabs__link")]
        assert policy_word not in tabs, tabs
        headings = [text(h) for h in home.select("article h2")]
        expected = ["Kommande möten", "Senaste nytt"] if lang == "sv" else ["Upcoming meetings", "Latest news"]
        assert headings == expected
        assert not home.select(".torv-vision, .torv-cards, .torv-contact"), "no vision, pillars or main contact"
    assert not os.path.exists(os.path.join(site_dir, "sv", "policy")), "no policy page"


def test_without_a_policy_there_is_no_open_data_and_no_pillar_feed(built):
    site_dir = built("strandvik")
    for lang in ("sv", "en"):
        for name in ("commitments.json", "commitments.csv"):
            assert not os.path.exists(os.path.join(site_dir, lang, name)), (lang, name)
    feeds = [
        os.path.relpath(os.path.join(d, f), site_dir).replace(os.sep, "/")
        for d, _, fs in os.walk(site_dir)
        for f in fs
        if f == "feed.xml"
    ]
    allowed = re.compile(rf"(sv|en)/(({i18n.segment('sv', 'tags')}|{i18n.segment('en', 'tags')})/[a-z0-9-]+/)?feed.xml")
    assert {"sv/feed.xml", "en/feed.xml"} <= set(feeds), feeds
    assert all(allowed.fullmatch(f) for f in feeds), "a language's feed and its tags' feeds only: " + str(feeds)
    assert not soup(site_dir, "sv/").select(".torv-open-data")


def test_a_contact_page_without_people_and_an_address_without_postcode(built):
    contact = soup(built("strandvik"), "sv/kontakt/")
    assert [text(h) for h in contact.select("article h2")] == ["Näringslivskontoret"], "no People heading"
    addresses = [text(dd) for dd in contact.select("dd.torv-address")]
    assert addresses == ["Storgatan 1 Strandvik", "Box 100 444 80 Strandvik"]


def test_the_empty_section_check_finds_a_heading_with_nothing_under_it():
    page = (
        b"<html><body><article><h1>Title</h1><h2>Empty</h2><h2>Full</h2><p>text</p>"
        b"<h2>Cards</h2><div><h3>Name</h3><p>role</p></div><h2>Nested empty</h2><h3>Nothing</h3>"
        b"<section><h2>Picture</h2><img src=x alt=y></section></article></body></html>"
    )
    assert empty_headings(page) == ["h2 'Empty'", "h2 'Nested empty'", "h3 'Nothing'"]


# ---------------------------------------------------------------- commitments without a status

UNTRACKED = "servicedag"  # in policy/pillars/dialog.da.md: its status is taken out
NEW_PILLAR = """---
title: Turisme
summary: Flere gæster i Havbjerg hele året, til gavn for handel, overnatning og kultur.
order: 5
---
Kommunen vil arbejde for flere gæster uden for sommerferien.
"""


@pytest.fixture(scope="module")
def untracked(tmp_path_factory) -> str:
    """Havbjerg with one commitment without a status and a pillar without commitments (da only), built."""
    root = copy_repo(str(tmp_path_factory.mktemp("untracked")))
    path = os.path.join(root, "policy", "pillars", "dialog.da.md")
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    changed = re.sub(rf"(  - id: {UNTRACKED}\n(?:    .*\n)*?)    status: done\n", r"\1", source)
    assert changed != source
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(changed)
    with open(os.path.join(root, "policy", "pillars", "turisme.da.md"), "w", encoding="utf-8") as fh:
        fh.write(NEW_PILLAR)
    proc = run_build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


def tracked_commitments(root: str) -> int:
    total = 0
    for name in os.listdir(os.path.join(root, "policy", "pillars")):
        if name.endswith(".da.md"):
            with open(os.path.join(root, "policy", "pillars", name), encoding="utf-8") as fh:
                fields = yaml.safe_load(fh.read().split("---")[1])
            total += sum(1 for c in fields.get("commitments", []) if "status" in c)
    return total


def test_a_commitment_without_status_has_no_badge_and_is_not_counted(untracked):
    site_dir = os.path.join(untracked, "site")
    pillar = soup(site_dir, "da/politik/dialog/")
    item = pillar.select_one(f"#dialog-{UNTRACKED}")
    assert item is not None and not item.select(".torv-status"), "no badge"
    assert "torv-commitment--" not in " ".join(item["class"])
    assert all(li.select(".torv-status") for li in pillar.select(".torv-commitment") if li is not item)
    policy = soup(site_dir, "da/politik/")
    total = tracked_commitments(untracked)
    progress = policy.select_one(".torv-progress")
    assert progress is not None
    assert progress["data-total"] == str(total) and text(progress).startswith(f"{total} ")
    assert policy.select_one(f"#dialog-{UNTRACKED}") and not policy.select(f"#dialog-{UNTRACKED} .torv-status")


def test_a_commitment_without_status_is_open_data_without_a_status(untracked):
    site_dir = os.path.join(untracked, "site")
    with open(os.path.join(site_dir, "da", "commitments.json"), encoding="utf-8") as fh:
        rows = {r["id"]: r for r in json.load(fh)["commitments"]}
    row = rows[f"dialog/{UNTRACKED}"]
    assert (row["status"], row["status_text"]) == (None, None)
    assert all(r["status"] and r["status_text"] for ident, r in rows.items() if ident != f"dialog/{UNTRACKED}")
    with open(os.path.join(site_dir, "da", "commitments.csv"), encoding="utf-8", newline="") as fh:
        found = {r["id"]: r for r in csv.DictReader(fh)}
    assert (found[f"dialog/{UNTRACKED}"]["status"], found[f"dialog/{UNTRACKED}"]["status_text"]) == ("", "")


def test_a_pillar_without_commitments_has_no_commitments_heading(untracked):
    site_dir = os.path.join(untracked, "site")
    page = soup(site_dir, "da/politik/turisme/")
    assert not page.select("#torv-commitments") and not page.select(".torv-commitments")
    assert [text(h) for h in page.select("article h2")] == ["Det har vi gjort"]
    assert not [p for p in empty_sections(site_dir) if "/turisme/" in p or p.startswith("da/politik/index")]


def test_a_policy_without_tracked_commitments_shows_no_count(tmp_path):
    from torv.compile import compile_site

    root = copy_repo(str(tmp_path))
    pillars = os.path.join(root, "policy", "pillars")
    for name in os.listdir(pillars):
        path = os.path.join(pillars, name)
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(re.sub(r"    status: [a-z-]+\n", "", source))
    site, report = load_site(root, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0, report.render()
    policy = str(compile_site(site)["da/docs/politik/index.md"])
    assert '"progress": null' in policy and '"total": 0' in policy


def test_a_policy_without_commitments_has_no_open_data(tmp_path):
    """Pillars without commitments: no commitments.json or .csv, no link to them on the policy page."""
    from torv.compile import compile_site

    root = copy_repo(str(tmp_path))
    pillars = os.path.join(root, "policy", "pillars")
    for name in os.listdir(pillars):
        path = os.path.join(pillars, name)
        with open(path, encoding="utf-8") as fh:
            head, body = fh.read().split("---\n", 2)[1:]
        fields = {k: v for k, v in yaml.safe_load(head).items() if k != "commitments"}
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n" + body)
    for folder, _, names in os.walk(os.path.join(root, "news")):  # news items name a pillar, not a commitment
        for name in names:
            if name.endswith(".md"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as fh:
                    source = fh.read()
                with open(path, "w", encoding="utf-8") as fh:
                    source = re.sub(r"(?m)^pillars: \[([a-z0-9-]+)[^\]]*\]", r"pillars: [\1]", source)
                    fh.write(re.sub(r"(pillars/[a-z0-9-]+\.md)#[a-z0-9-]+", r"\1", source))  # and no link to one
    site, report = load_site(root, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0, report.render()
    files = compile_site(site)
    assert not [path for path in files if path.endswith(("commitments.json", "commitments.csv"))]
    policy = str(files["da/docs/politik/index.md"])
    assert '"open_data": []' in policy
