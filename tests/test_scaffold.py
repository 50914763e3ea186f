"""Scaffolding (`make news`, `make meeting`, `make commitment`, i.e. `torv new`): the new files
have the right names in every language, today's date and a unique address; the default-language
file validates at once; translations are reported until their TODO: fields are translated; then
the site builds with the new pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_DATE, FIXTURE, TORV, copy_repo, run_build
from torv import codes, i18n, scaffold
from torv.schema import PLACEHOLDER
from torv.settings import load_settings
from torv.site import load_site

SETTINGS = load_settings(FIXTURE)
TODAY = dt.date.fromisoformat(BUILD_DATE)
LANGS = SETTINGS.languages  # default first
DEFAULT = SETTINGS.default_language


def new(root: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*TORV, "new", *args, "--root", root, "--today", BUILD_DATE], capture_output=True, text=True)


def validate(root: str) -> tuple[int, list[str]]:
    proc = subprocess.run([*TORV, "validate", "--root", root, "--today", BUILD_DATE], capture_output=True, text=True)
    return proc.returncode, proc.stdout.strip().split("\n")


def read(root: str, rel: str) -> str:
    with open(os.path.join(root, rel), encoding="utf-8", newline="") as fh:
        return fh.read()


def translate(root: str, rel: str) -> None:
    """What a translator does: write the text in place of each `TODO: ...` placeholder."""
    text = read(root, rel)
    assert PLACEHOLDER in text
    lang = rel.rsplit(".", 2)[-2]
    text = re.sub(r'"TODO: ([^"]*)"', lambda m: f'"({lang}) {m[1]}"', text)
    text = re.sub(r"<!-- TODO:.*?-->", f"Translated text ({lang}).", text)
    with open(os.path.join(root, rel), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


# ---------------------------------------------------------------- pure functions

# Each language writes its own letters in ASCII its own way: Danish and Norwegian æ ø å -> ae oe aa,
# Swedish and Finnish å ä ö -> a a o, Icelandic þ ð æ ö -> th d ae o.
SLUGS = [
    ("da", "Dialogmøde på Havbjerggård", "dialogmoede-paa-havbjerggaard"),
    ("da", "Ærø, Øresund og Åbenrå", "aeroe-oeresund-og-aabenraa"),
    ("da", "  2027: Ny rådgivning  ", "2027-ny-raadgivning"),
    ("nb", "Næringsliv og grønn omstilling på Fjellstad", "naeringsliv-og-groenn-omstilling-paa-fjellstad"),
    ("nb", "Åpent møte for små bedrifter", "aapent-moete-for-smaa-bedrifter"),
    ("nn", "Møte om næringsarealet på Øyane", "moete-om-naeringsarealet-paa-oeyane"),
    ("nn", "Kvar går grensa for små verksemder?", "kvar-gaar-grensa-for-smaa-verksemder"),
    ("sv", "Näringsliv i Göteborg – café & miljö!", "naringsliv-i-goteborg-cafe-miljo"),
    ("sv", "Företagsträff på Åland", "foretagstraff-pa-aland"),
    ("fi", "Yrittäjäaamu Koskelan kirjastossa", "yrittajaaamu-koskelan-kirjastossa"),
    ("fi", "Pk-yritysten työllisyys ja Åbo Akademi", "pk-yritysten-tyollisyys-ja-abo-akademi"),
    ("is", "Þjóðhátíð í Vestmannaeyjum", "thjodhatid-i-vestmannaeyjum"),
    ("is", "Fræðslufundur um ferðaþjónustu í Örfirisey", "fraedslufundur-um-ferdathjonustu-i-orfirisey"),
    ("en", "Café Ørsted & Malmö: Élève à l'école", "cafe-orsted-malmo-eleve-a-l-ecole"),
]


@pytest.mark.parametrize("lang,title,slug", SLUGS, ids=[f"{lg}-{slug}" for lg, _, slug in SLUGS])
def test_slug_is_an_ascii_transliteration_in_the_language_of_the_text(lang, title, slug):
    assert scaffold.slugify(title, lang=lang) == slug


def test_the_same_letters_in_different_languages():
    words = {lg: scaffold.slugify("Åse Ødegård äter smörgås", lang=lg) for lg in ("da", "nb", "nn", "sv", "fi", "is")}
    assert words == {
        "da": "aase-oedegaard-aeter-smoergaas",
        "nb": "aase-oedegaard-aeter-smoergaas",
        "nn": "aase-oedegaard-aeter-smoergaas",
        "sv": "ase-odegard-ater-smorgas",
        "fi": "ase-odegard-ater-smorgas",
        "is": "ase-oedegard-ater-smorgas",
    }


def test_the_scaffolding_spells_addresses_in_the_default_language():
    settings = dataclasses.replace(SETTINGS, languages=["sv", "en"], default_language="sv")
    files = scaffold.new_news(settings, {}, "Företagsträff på Åland", TODAY)
    assert sorted(files) == [f"news/{TODAY.year}/foretagstraff-pa-aland.{lg}.md" for lg in ("en", "sv")]
    files = scaffold.new_news(SETTINGS, {}, "Företagsträff på Åland", TODAY)  # a Danish site
    assert f"news/{TODAY.year}/foeretagstraeff-paa-aaland.{DEFAULT}.md" in files


def test_slug_is_short_and_cut_at_a_word():
    slug = scaffold.slugify("Erhvervspolitikken " * 10)
    assert len(slug) <= scaffold.SLUG_MAX and not slug.endswith("-") and slug.startswith("erhvervspolitikken-")


def test_slug_is_unique_among_file_names_and_slugs_in_any_language():
    existing = {
        "news/2026/nyt-forum.da.md": "---\ntitle: x\n---\n",
        "news/2026/nyt-forum-2.da.md": "---\ntitle: x\n---\n",
        "news/2025/andet.en.md": "---\ntitle: x\nslug: dialogmoede\n---\n",
    }
    assert scaffold.news_addresses(existing) == {"nyt-forum", "nyt-forum-2", "andet", "dialogmoede"}
    files = scaffold.new_news(SETTINGS, existing, "Nyt forum", TODAY)
    assert sorted(files) == sorted(f"news/{TODAY.year}/nyt-forum-3.{lg}.md" for lg in LANGS)
    files = scaffold.new_news(SETTINGS, existing, "Dialogmøde", TODAY)
    assert f"news/{TODAY.year}/dialogmoede-2.{DEFAULT}.md" in files


@pytest.mark.parametrize(
    "text",
    [
        "Plain text",
        "Kolon: i teksten",
        "# hash first",
        "true",
        "2026-01-01",
        "123",
        "- dash",
        'Citat "her"',
        "it's",
        "null",
        "[list]",
        "&anchor",
        "*star",
        "@at",
        "%pct",
        "`tick`",
        "value #comment",
        "{a: b}",
        "|pipe",
        ">more",
    ],
)
def test_scalar_reads_back_as_the_same_text(text):
    import yaml

    assert yaml.safe_load("k: " + scaffold.scalar(text)) == {"k": text}


def test_the_default_language_file_holds_every_field_and_translations_only_todo_placeholders():
    files = scaffold.new_news(
        SETTINGS,
        {},
        "Dialogmøde om havnen",
        TODAY,
        summary="Kom og sig din mening.",
        start="2026-12-10 09:00",
        end="2026-12-10 11:00",
        location="Rådhuset, sal 1",
    )
    da = files[f"news/{TODAY.year}/dialogmoede-om-havnen.{DEFAULT}.md"]
    assert da.startswith(f"---\ntitle: Dialogmøde om havnen\nsummary: Kom og sig din mening.\ndate: {BUILD_DATE}\n")
    assert "event:\n  start: 2026-12-10 09:00\n  end: 2026-12-10 11:00\n  location: Rådhuset, sal 1\n" in da
    for lang in LANGS[1:]:
        tr = files[f"news/{TODAY.year}/dialogmoede-om-havnen.{lang}.md"]
        assert tr.startswith(
            '---\ntitle: "TODO: Dialogmøde om havnen"\nsummary: "TODO: Kom og sig din mening."\n'
            'event:\n  location: "TODO: Rådhuset, sal 1"\n---\n'
        )
        assert "date:" not in tr and "start:" not in tr, "shared fields stay in the default-language file"


def test_a_meeting_that_lasts_all_day_is_written_with_its_dates_alone():
    files = scaffold.new_news(SETTINGS, {}, "Erhvervsmessen", TODAY, start="2027-03-12", end="2027-03-13")
    da = files[f"news/{TODAY.year}/erhvervsmessen.{DEFAULT}.md"]
    assert "event:\n  start: 2027-03-12\n  end: 2027-03-13\n" in da


@pytest.mark.parametrize(
    "kw,message",
    [
        ({"title": ""}, "missing title"),
        ({"title": "x" * 121}, "at most 120"),
        ({"title": "TODO: later"}, "TODO:"),
        ({"title": "Møde", "start": "3.12.2026 8:30"}, "like 2026-12-03 08:30"),
        ({"title": "Møde", "start": "2026-02-30 08:30"}, "not a real date"),
        ({"title": "Møde", "start": "2026-12-03 10:00", "end": "2026-12-03 09:00"}, "end after the start"),
        ({"title": "Møde", "location": "Rådhuset"}, "needs its start"),
        ({"title": "Møde", "start": "2027-01-28", "end": "2027-01-28 16:00"}, "end written like the start"),
        ({"title": "Møde", "start": "2027-01-28", "end": "2027-01-27"}, "last day not before the first"),
        ({"title": "Møde", "start": "2027-02-30"}, "not a real date"),
    ],
)
def test_scaffolding_refuses_what_would_not_validate(kw, message):
    with pytest.raises(scaffold.ScaffoldError, match=re.escape(message)):
        scaffold.new_news(SETTINGS, {}, today=TODAY, **kw)


PILLAR = """---
title: Dialog
summary: Vi lytter.
order: 1
commitments:
  # the first one
  - id: hoering
    text: Vi hører virksomhederne.
    status: done

  - id: svartid
    text: Svar inden for to dage.
    status: in-progress
    due: 2027-06-30
icon: material/handshake
---
Brødtekst med --- og commitments: i teksten.
"""


def test_commitment_is_appended_keeping_every_other_byte():
    existing = {
        "policy/pillars/dialog.da.md": PILLAR,
        "policy/pillars/dialog.en.md": "---\r\ntitle: Dialogue\r\nsummary: We listen.\r\n---\r\nText\r\n",
    }
    out = scaffold.add_commitment(SETTINGS, existing, "dialog", "Vi holder åbent hus: to gange om året.")
    added = [
        "  - id: vi-holder-aabent-hus-to-gange",
        '    text: "Vi holder åbent hus: to gange om året."',
        "    status: planned",
    ]
    lines = PILLAR.split("\n")
    assert out["policy/pillars/dialog.da.md"] == "\n".join(lines[:14] + added + lines[14:])
    # a translation without commitments gets the list; its CRLF line ends stay
    assert out["policy/pillars/dialog.en.md"] == (
        "---\r\ntitle: Dialogue\r\nsummary: We listen.\r\ncommitments:\r\n  - id: vi-holder-aabent-hus-to-gange\r\n"
        '    text: "TODO: Vi holder åbent hus: to gange om året."\r\n---\r\nText\r\n'
    )
    assert "policy/pillars/dialog.sv.md" not in out, "only files that exist are changed"


def test_commitment_ids_are_unique_and_unknown_pillars_are_refused():
    existing = {"policy/pillars/dialog.da.md": PILLAR}
    out = scaffold.add_commitment(SETTINGS, existing, "dialog", "Høring")
    assert "- id: hoering-2\n" in out["policy/pillars/dialog.da.md"]
    with pytest.raises(scaffold.ScaffoldError, match="already has a commitment with the id svartid"):
        scaffold.add_commitment(SETTINGS, existing, "dialog", "Svar", commitment_id="svartid")
    with pytest.raises(scaffold.ScaffoldError, match='unknown pillar "dialgo": expected one of dialog'):
        scaffold.add_commitment(SETTINGS, existing, "dialgo", "Svar")
    flow = PILLAR.replace("commitments:\n", "commitments: []\n", 1).split("  # the first one")[0] + "---\n"
    out = scaffold.add_commitment(SETTINGS, {"policy/pillars/dialog.da.md": flow}, "dialog", "Ny")
    assert out["policy/pillars/dialog.da.md"].endswith(
        "commitments:\n  - id: ny\n    text: Ny\n    status: planned\n---\n"
    )


# ---------------------------------------------------------------- the command, the validator, the build


def test_new_news_meeting_and_commitment_validate_once_translated_and_build(tmp_path):
    root = copy_repo(str(tmp_path))
    pillar_before = {lg: read(root, f"policy/pillars/dialog.{lg}.md") for lg in LANGS}

    proc = new(root, "news", "Ny rådgivning for iværksættere", "--summary", "Gratis hjælp i de første år.")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = new(
        root,
        "meeting",
        "Dialogmøde om havnen",
        "--start",
        "2026-12-10 09:00",
        "--end",
        "2026-12-10 11:00",
        "--location",
        "Havbjerg Rådhus, mødesal 1",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = new(root, "commitment", "dialog", "Vi holder åbent hus for virksomheder to gange om året.")
    assert proc.returncode == 0, proc.stdout + proc.stderr

    year = TODAY.year
    news = [f"news/{year}/ny-raadgivning-for-ivaerksaettere.{lg}.md" for lg in LANGS]
    meeting = [f"news/{year}/dialogmoede-om-havnen.{lg}.md" for lg in LANGS]
    for rel in news + meeting:
        assert os.path.isfile(os.path.join(root, rel)), rel
    assert f"date: {BUILD_DATE}\n" in read(root, news[0])

    # the pillar files: the commitment appended, everything else byte for byte as it was
    for lg in LANGS:
        after = read(root, f"policy/pillars/dialog.{lg}.md")
        before_lines, after_lines = pillar_before[lg].split("\n"), after.split("\n")
        extra = len(after_lines) - len(before_lines)
        assert extra == (3 if lg == DEFAULT else 2)
        at = next(i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=False)) if a != b)
        assert after_lines[:at] + after_lines[at + extra :] == before_lines
        assert after_lines[at].strip() == "- id: vi-holder-aabent-hus-for"

    # the default-language files validate at once; every TODO: is an error, on its line
    code, out = validate(root)
    assert code == 1
    errors = [line for line in out if "placeholder" in line]
    translations = [rel for rel in news + meeting if not rel.endswith(f".{DEFAULT}.md")]
    expected = []
    for rel in translations + [f"policy/pillars/dialog.{lg}.md" for lg in LANGS[1:]]:
        for n, line in enumerate(read(root, rel).split("\n"), 1):
            if re.match(r'^\s*(- )?\w+: "TODO: ', line):
                field = line.split(":")[0].strip().lstrip("- ")
                expected.append((rel, n, field))
    assert len(expected) == 2 * 2 + 2 * 3 + 2 * 1
    for rel, n, field in expected:
        assert any(
            e.startswith(f"{rel}:{n}: ") and f'{field}: expected a translated text, found the placeholder "TODO: ' in e
            for e in errors
        ), (rel, n, field, errors)
    # the text to translate is marked too (an error), and the default-language text is still to be written (a warning)
    _, report = load_site(root, today=TODAY)
    markers = [p.path for p in report.problems if p.field == "body" and p.code == codes.PLACEHOLDER]
    assert sorted(markers) == sorted(translations)
    empty = [p.path for p in report.problems if p.code == codes.EMPTY_BODY]
    assert sorted(empty) == sorted([news[0], meeting[0]])
    assert len(errors) == len(expected) and out[-1].startswith(
        f"{len(expected) + len(translations)} errors, 2 warnings, "
    )

    for rel in translations + [f"policy/pillars/dialog.{lg}.md" for lg in LANGS[1:]]:
        translate(root, rel)
    for rel in (news[0], meeting[0]):  # what the editor writes in the default language
        text = re.sub(r"<!-- Write the text below.*?-->", "Tekst.", read(root, rel))
        with open(os.path.join(root, rel), "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    code, out = validate(root)
    assert code == 0 and out[-1].startswith("0 errors, 0 warnings"), out

    site, _ = load_site(root, today=TODAY)
    item = next(e for e in site.news if e.id == "ny-raadgivning-for-ivaerksaettere")
    assert item.state == "published" and sorted(item.sources) == sorted(LANGS)

    proc = run_build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site_dir = os.path.join(root, "site")
    for lg in LANGS:
        for slug in ("ny-raadgivning-for-ivaerksaettere", "dialogmoede-om-havnen"):
            page = os.path.join(site_dir, lg, i18n.segment(lg, "news"), slug, "index.html")
            assert os.path.isfile(page), page
        with open(os.path.join(site_dir, lg, i18n.segment(lg, "meetings"), "index.html"), encoding="utf-8") as fh:
            assert "dialogmoede-om-havnen" in fh.read(), "the new meeting is listed"
    with open(
        os.path.join(site_dir, "en", i18n.segment("en", "news"), "dialogmoede-om-havnen", "index.html"),
        encoding="utf-8",
    ) as fh:
        soup = BeautifulSoup(fh.read(), "lxml")
    h1 = soup.find("h1")
    assert h1 is not None and h1.get_text(strip=True) == "(en) Dialogmøde om havnen"
    pillar = next(p for p in site.pillars if p.id == "dialog")
    page = os.path.join(site_dir, DEFAULT, pillar.urls[DEFAULT], "index.html")
    with open(page, encoding="utf-8") as fh:
        assert "Vi holder åbent hus for virksomheder to gange om året." in fh.read()


def test_the_command_says_what_is_wrong_and_creates_nothing(tmp_path):
    root = copy_repo(str(tmp_path))
    proc = new(root, "meeting", "Dialogmøde")
    assert proc.returncode == 2 and "missing start" in proc.stdout
    proc = new(root, "news")
    assert proc.returncode == 2 and "missing title" in proc.stdout
    proc = new(root, "commitment", "dialgo", "Tekst")
    assert proc.returncode == 2 and "unknown pillar" in proc.stdout
    assert not os.path.exists(os.path.join(root, "news", str(TODAY.year), "dialogmoede.da.md"))
