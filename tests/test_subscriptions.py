"""What visitors subscribe to, read with real readers in every language: the calendars (icalendar: all-day
meetings as dates, SEQUENCE and LAST-MODIFIED from `updated`, cancelled meetings, webcal: links), the feeds
(feedparser: a feed per tag and per pillar; feedparser-rs: the JSON Feed) and the commitments as open data
(json, csv). Expectations come from the content files (sample.py)."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import re
import zoneinfo
from typing import Any

import feedparser
import feedparser_rs
import icalendar
import pytest

import sample
from conftest import BUILD_DATE, copy_repo
from sample import DEFAULT, LANGS, resolve, text

TZ = zoneinfo.ZoneInfo("Europe/Copenhagen")
news = functools.cache(sample.news)  # read once: sample.news() reads every content file
lang_param = pytest.mark.parametrize("lang", LANGS)


def soup(site_dir: str, rel: str) -> Any:
    """The parsed page (BeautifulSoup's elements, read as the tests read them: untyped)."""
    return sample.soup(site_dir, rel)


def read_calendar(site_dir: str, rel: str) -> tuple[bytes, Any]:
    with open(sample.file_of(site_dir, rel), "rb") as fh:
        raw = fh.read()
    return raw, icalendar.Calendar.from_ical(raw)


def events_by_url(site_dir: str, lang: str) -> dict[str, Any]:
    _, cal = read_calendar(site_dir, f"{lang}/calendar.ics")
    return {str(e["URL"]): e for e in cal.walk("VEVENT")}


def full_url(group: str, lang: str) -> str:
    return f"{sample.site_url()}{sample.news_path(group, lang)}"


def midnight_utc(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(), tzinfo=TZ).astimezone(dt.UTC)


# ---------------------------------------------------------------- calendars


@lang_param
def test_an_all_day_meeting_is_a_whole_day_in_calendars(site_dir, lang):
    all_day = {g: v for g, v in sample.meetings().items() if sample.is_all_day(v[DEFAULT]["event"])}
    assert all_day
    by_url = events_by_url(site_dir, lang)
    for group, values in all_day.items():
        ev = values[lang]["event"]
        raw, cal = read_calendar(site_dir, sample.news_path(group, lang).rstrip("/") + ".ics")
        [own] = cal.walk("VEVENT")
        for event in (own, by_url[full_url(group, lang)]):
            start, end = event["DTSTART"], event["DTEND"]
            assert start.params.get("VALUE") == "DATE" and end.params.get("VALUE") == "DATE"
            assert not isinstance(start.dt, dt.datetime) and start.dt == sample.first_day(ev)
            # DTEND is not part of the event (RFC 5545): the day after the last day
            assert end.dt == sample.last_day(ev) + dt.timedelta(days=1)
        assert f"DTSTART;VALUE=DATE:{sample.first_day(ev):%Y%m%d}".encode() in raw


@lang_param
def test_every_calendar_entry_has_sequence_last_modified_and_dtstamp_from_updated(site_dir, lang):
    by_url = events_by_url(site_dir, lang)
    for group, values in sample.meetings().items():
        v = values[DEFAULT]
        event = by_url[full_url(group, lang)]
        changed = v.get("updated") or v["date"]
        assert int(event["SEQUENCE"]) == (changed - v["date"]).days, group
        assert event["LAST-MODIFIED"].dt == midnight_utc(changed)
        assert event["DTSTAMP"].dt == midnight_utc(changed) and event["DTSTAMP"].dt.tzinfo is not None
    assert len({str(e["UID"]) for e in by_url.values()}) == len(sample.meetings())


@lang_param
def test_a_cancelled_meeting_is_cancelled_in_calendars(site_dir, lang):
    cancelled = {g: v for g, v in sample.meetings().items() if v[DEFAULT]["event"].get("cancelled")}
    assert cancelled
    by_url = events_by_url(site_dir, lang)
    for group in cancelled:
        event = by_url[full_url(group, lang)]
        assert str(event["STATUS"]) == "CANCELLED"
        assert int(event["SEQUENCE"]) > 0, "the cancellation is a change subscribers' calendars take"
        [own] = read_calendar(site_dir, sample.news_path(group, lang).rstrip("/") + ".ics")[1].walk("VEVENT")
        assert str(own["STATUS"]) == "CANCELLED"
    others = [e for url, e in by_url.items() if url not in {full_url(g, lang) for g in cancelled}]
    assert {str(e["STATUS"]) for e in others} == {"CONFIRMED"}


def compiled_calendar(root: str, lang: str = DEFAULT) -> dict[str, Any]:
    """The calendar of a content tree as the build writes it (compiled, not rendered: no MkDocs needed)."""
    from torv.compile import compile_site
    from torv.site import load_site

    site, report = load_site(root, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0
    text_ = compile_site(site)[f"{lang}/docs/calendar.ics"]
    assert isinstance(text_, str)
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text_).walk("VEVENT")}


def test_sequence_grows_when_updated_changes(tmp_path):
    root = copy_repo(str(tmp_path))
    group = next(g for g, v in sample.meetings().items() if v[DEFAULT].get("updated"))
    before = compiled_calendar(root)
    path = os.path.join(root, f"{group}.{DEFAULT}.md")
    with open(path, encoding="utf-8") as fh:
        text_ = fh.read()
    updated = sample.meetings()[group][DEFAULT]["updated"]
    moved = re.sub(r"^updated: .*$", f"updated: {updated + dt.timedelta(days=3)}", text_, count=1, flags=re.M)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(moved)
    after = compiled_calendar(root)
    uid = next(u for u, e in after.items() if str(e["URL"]).endswith(sample.news_path(group, DEFAULT)))
    assert int(after[uid]["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + 3
    assert after[uid]["LAST-MODIFIED"].dt > before[uid]["LAST-MODIFIED"].dt
    assert {u: int(e["SEQUENCE"]) for u, e in after.items() if u != uid} == {
        u: int(e["SEQUENCE"]) for u, e in before.items() if u != uid
    }


@lang_param
def test_each_calendar_link_has_a_webcal_subscription_beside_it(site_dir, lang):
    pages = [f"{lang}/{sample.segment(lang, 'meetings')}/"]
    pages += [
        sample.news_path(g, lang)
        for g, v in sample.meetings().items()
        if sample.is_upcoming(v[DEFAULT]) and not v[DEFAULT]["event"].get("cancelled")
    ]
    host_path = sample.site_url().split("://", 1)[1]
    for rel in pages:
        page = soup(site_dir, rel)
        links = page.select("a[type='text/calendar']")
        assert links, rel
        for a in links:
            [webcal] = a.find_parent("p").select("a[href^='webcal:']")
            assert webcal["href"] == "webcal://" + host_path + resolve(rel, a["href"]), rel
            assert text(webcal) in (sample.strings(lang)["event.subscribe"], sample.strings(lang)["meetings.subscribe"])


# ---------------------------------------------------------------- feeds


def newest_first(groups) -> list[str]:
    items = news()
    return sorted(groups, key=lambda g: (items[g][DEFAULT]["date"], g.rsplit("/", 1)[-1]), reverse=True)


def check_atom(site_dir: str, rel: str, feed_rel: str, expected: list[str], title: str, lang: str) -> None:
    """The page announces and links its feed; feedparser reads it as Atom with the expected entries."""
    page = soup(site_dir, rel)
    announced = [resolve(rel, link["href"]) for link in page.select('head link[type="application/atom+xml"]')]
    assert feed_rel in announced, rel
    visible = [a for a in page.select('a[type="application/atom+xml"]') if resolve(rel, a["href"]) == feed_rel]
    assert len(visible) == 1, f"{rel}: one link to its feed"
    parsed = feedparser.parse(sample.file_of(site_dir, feed_rel))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == f"{sample.mkdocs_config()['extra']['torv']['municipality'][lang]}: {title}"
    assert parsed.feed.language == lang
    assert [e.link for e in parsed.entries] == [full_url(g, lang) for g in newest_first(expected)][:20]
    assert [e.title for e in parsed.entries] == [news()[g][lang]["title"] for g in newest_first(expected)][:20]
    self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
    assert self_link == sample.site_url() + feed_rel


@lang_param
def test_each_tag_has_its_feed(site_dir, lang):
    labels = sample.read_yaml("news/tags.yml")
    s = sample.strings(lang)
    for tag in sample.used_tags():
        rel = f"{lang}/{sample.segment(lang, 'tags')}/{tag}/"
        tagged = [g for g, v in news().items() if tag in v[DEFAULT].get("tags", [])]
        check_atom(site_dir, rel, rel + "feed.xml", tagged, s["news.tag_title"].format(tag=labels[tag][lang]), lang)


@lang_param
def test_each_pillar_has_its_feed(site_dir, lang):
    s = sample.strings(lang)
    for group, values in sample.pillars().items():
        pid = group.rsplit("/", 1)[-1]
        rel = f"{lang}/{sample.segment(lang, 'policy')}/{sample.slug(group, values[lang])}/"
        about = [
            g
            for g, v in news().items()
            if any(r == pid or r.startswith(pid + "/") for r in v[DEFAULT].get("pillars", []))
        ]
        check_atom(site_dir, rel, rel + "feed.xml", about, s["news.tag_title"].format(tag=values[lang]["title"]), lang)


@lang_param
def test_the_json_feed_holds_the_languages_news(site_dir, lang):
    path = sample.file_of(site_dir, f"{lang}/feed.json")
    with open(path, "rb") as fh:
        raw = fh.read()
    parsed = feedparser_rs.parse(raw)
    assert not parsed.bozo and parsed.version == "json11"
    assert (
        parsed.feed.language == lang
        and parsed.feed.link == f"{sample.site_url()}{lang}/{sample.segment(lang, 'news')}/"
    )
    expected = newest_first(news())[:20]
    assert [e.id for e in parsed.entries] == [full_url(g, lang) for g in expected]
    labels = sample.read_yaml("news/tags.yml")
    for entry, group in zip(parsed.entries, expected, strict=True):
        v = news()[group][lang]
        assert (entry.title, entry.summary) == (v["title"], v["summary"])
        assert entry.published.startswith(v["date"].isoformat())
        assert entry.updated.startswith((v.get("updated") or v["date"]).isoformat())
        assert [t.term for t in entry.tags] == [labels[t][lang] for t in v.get("tags", [])]
    doc = json.loads(raw)  # what JSON Feed 1.1 requires of every item: an id and a content
    assert (
        doc["version"] == "https://jsonfeed.org/version/1.1"
        and doc["feed_url"] == f"{sample.site_url()}{lang}/feed.json"
    )
    assert all(item["id"] and item["content_text"] for item in doc["items"])


# ---------------------------------------------------------------- open data


def expected_commitments(lang: str) -> list[dict]:
    contacts = sample.read_yaml("policy/contacts.yml")
    names = {p["id"]: f"{p['name']}, {p['role'][lang]}" for p in contacts["people"]}
    names |= {u["id"]: u["name"][lang] for u in contacts["units"]}
    pillars = sorted(sample.pillars().items(), key=lambda kv: kv[1][DEFAULT]["order"])
    out = []
    for group, values in pillars:
        pid = group.rsplit("/", 1)[-1]
        texts = {c["id"]: c["text"] for c in values[lang].get("commitments", [])}
        for c in values[DEFAULT].get("commitments", []):
            ref = f"{pid}/{c['id']}"
            out.append(
                {
                    "id": ref,
                    "pillar": pid,
                    "text": texts[c["id"]],
                    "status": c["status"],
                    "owner": c.get("owner"),
                    "owner_name": names.get(c.get("owner")),
                    "due": c["due"].isoformat() if c.get("due") else None,
                    "news": [
                        full_url(g, lang) for g in newest_first(news()) if ref in news()[g][DEFAULT].get("pillars", [])
                    ],
                }
            )
    return out


@lang_param
def test_the_commitments_are_open_data_linked_from_the_policy_page(site_dir, lang):
    rel = f"{lang}/{sample.segment(lang, 'policy')}/"
    links = {a.get_text(strip=True): resolve(rel, a["href"]) for a in soup(site_dir, rel).select(".torv-open-data a")}
    assert links == {"JSON": f"{lang}/commitments.json", "CSV": f"{lang}/commitments.csv"}
    expected = expected_commitments(lang)
    assert expected and any(c["news"] for c in expected)
    with open(sample.file_of(site_dir, links["JSON"]), encoding="utf-8") as fh:
        doc = json.load(fh)
    assert doc["language"] == lang
    keys = list(expected[0])
    assert [{k: c[k] for k in keys} for c in doc["commitments"]] == expected
    with open(sample.file_of(site_dir, links["CSV"]), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [{k: r[k] for k in keys} for r in rows] == [
        {k: (" ".join(c[k]) if k == "news" else c[k] or "") for k in keys} for c in expected
    ]
