"""The accessibility statement: docs/accessibility.yml is checked like all content (golden cases: the exact
lines an editor sees), and becomes a page in every language following the national model where there is one
(Danish, Swedish: DIGG, Norwegian: uustatus.no, Finnish and the Swedish of Finland: Traficom) and the EU model
otherwise, linked from the footer of every page."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import textwrap
import urllib.parse

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_DATE, FIXTURE, TORV, copy_repo
from quality import LANGS, html_files
from soup import attr, one, text
from torv import i18n, schemas, statement
from torv.compile import compile_site
from torv.discover import discover
from torv.site import load_site
from torv.yamlio import decode, load_yaml

REL = statement.REL
FILES = len(discover(FIXTURE))  # the files the validator checks in the fixture


def validate(root: str, *args: str) -> tuple[list[str], int]:
    """The validator's lines about the statement, its summary line, and its exit code."""
    proc = subprocess.run(
        [*TORV, "validate", "--root", root, "--today", BUILD_DATE, *args], capture_output=True, text=True
    )
    lines = proc.stdout.strip().splitlines()
    return [ln for ln in lines if ln.startswith(REL)] + lines[-1:], proc.returncode


@pytest.fixture
def repo(tmp_path):
    return copy_repo(str(tmp_path))


def write(root: str, text: str) -> None:
    with open(os.path.join(root, REL), "w", encoding="utf-8") as fh:
        fh.write(textwrap.dedent(text).lstrip())


VALID = """\
    status: partially
    assessed: {assessed}
    method: self-assessment
    contact: {{email: erhverv@havbjerg.example, phone: "+45 72 10 20 00"}}
    known_issues:
      - what: Hele erhvervspolitikken som PDF-dokument
        why: Dokumentet har ingen overskrifter, som skærmlæsere kan bruge.
"""


# ---------------------------------------------------------------- golden cases of the validator


def test_an_assessment_over_a_year_old_is_a_warning(repo):
    write(repo, VALID.format(assessed="2025-10-01"))
    lines, code = validate(repo)
    assert lines == [
        "docs/accessibility.yml:2: warning: assessed: the site was last assessed 2025-10-01, 417 days ago: "
        "expected an assessment at least once a year; assess the site again and update `assessed`",
        f"0 errors, 1 warning, 2 notes, {FILES} files checked",
    ]
    assert code == 0
    lines, code = validate(repo, "--strict")
    assert code == 1 and lines[0].startswith("docs/accessibility.yml:2: error: assessed: the site was last assessed")


def test_an_assessment_within_the_year_is_fine(repo):
    write(repo, VALID.format(assessed="2025-11-22"))  # 365 days before the build date
    assert validate(repo) == ([f"0 errors, 0 warnings, 2 notes, {FILES} files checked"], 0)


def test_every_mistake_is_reported_with_what_was_expected(repo):
    write(
        repo,
        """\
        status: mostly
        assessed: 02.11.2026
        method: other
        contact:
          email: tilgaengelighed(at)havbjerg.example
          phone: "12 34"
        known_issues:
          - what: Videoer fra byrådsmøder
            category: burden
            criteria: ["1.2", 122]
            fix_by: 2026-01-31
        was_url: https://havbjerg.example/was
        statu: fully
    """,
    )
    lines, code = validate(repo)
    assert lines == [
        'docs/accessibility.yml:1: error: status: expected one of `fully`, `partially`, `not`, found "mostly"',
        'docs/accessibility.yml:2: error: assessed: expected a date like 2026-01-30, found "02.11.2026"',
        "docs/accessibility.yml:3: error: method: missing method_text: with `method: other`, say how the site was "
        "assessed, e.g. `method_text: Test med tastatur og skærmlæser`",
        "docs/accessibility.yml:5: error: contact.email: expected an e-mail address like erhverv@havbjerg.example, "
        'found "tilgaengelighed(at)havbjerg.example"',
        'docs/accessibility.yml:6: error: contact.phone: expected a phone number like +45 72 10 20 00, found "12 34", '
        "which is not a valid phone number (check the number of digits and the country code)",
        "docs/accessibility.yml:8: error: known_issues[1].why: missing required field; expected a text of at most 400 "
        'characters like "Vi får undertekster lavet, når videoen er lagt op", or one per language like '
        "{da: Borgmester, sv: Kommunstyrelsens ordförande, en: Mayor}, e.g. `why: Vi får undertekster lavet, "
        "når videoen er lagt op`",
        "docs/accessibility.yml:9: error: known_issues[1].category: expected one of `non-compliance`, "
        '`disproportionate-burden`, `out-of-scope`, found "burden"',
        "docs/accessibility.yml:10: error: "
        'known_issues[1].criteria[1]: expected a WCAG success criterion like "1.2.2", '
        'found "1.2"',
        "docs/accessibility.yml:10: error: "
        'known_issues[1].criteria[2]: expected a WCAG success criterion like "1.2.2", '
        'found "122"',
        "docs/accessibility.yml:11: warning: known_issues[1].fix_by: the date 2026-01-31 has passed: fix the "
        "problem and remove it, or set a new date",
        "docs/accessibility.yml:12: error: was_url: expected the address of the statement on was.digst.dk like "
        'https://www.was.digst.dk/havbjerg-dk, found "https://havbjerg.example/was"',
        "docs/accessibility.yml:13: error: statu: unknown field `statu` (did you mean `status`?); expected one of: "
        "status, assessed, method, method_text, updated, contact, known_issues, was_url, uustatus_url",
        f"11 errors, 1 warning, 2 notes, {FILES} files checked",
    ]
    assert code == 1


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            """\
        status: fully
        assessed: 2026-11-02
        method: third-party
        contact: {email: erhverv@havbjerg.example, phone: "+45 72 10 20 00"}
        known_issues:
          - {what: Video, why: Ingen undertekster endnu, category: non-compliance}
     """,
            "docs/accessibility.yml:1: error: "
            "status: expected `partially` or `not`, found `fully`, while known_issues lists "
            "1 thing(s) that are not accessible (category non-compliance or disproportionate-burden)",
        ),
        (
            """\
        status: partially
        assessed: 2026-11-02
        method: self-assessment
        contact: {email: erhverv@havbjerg.example, phone: "+45 72 10 20 00"}
     """,
            "docs/accessibility.yml:1: error: status: `partially` needs the content that is not accessible: expected "
            "known_issues with at least one item like {what: ..., why: ..., category: non-compliance}, or "
            "`status: fully`",
        ),
        (
            """\
        status: fully
        assessed: 2026-12-01
        method: self-assessment
        contact: {email: erhverv@havbjerg.example, phone: "+45 72 10 20 00"}
     """,
            "docs/accessibility.yml:2: error: assessed: expected the date of an assessment that has taken place, found "
            "2026-12-01, which is after today (2026-11-22)",
        ),
        (
            """\
        status: fully
        assessed: 2026-11-02
        method: self-assessment
     """,
            "docs/accessibility.yml:1: error: contact: missing required field; expected a group of fields like "
            "{email: erhverv@havbjerg.example, phone: +45 72 10 20 00}, e.g. `contact: ...`",
        ),
        (
            "- status: fully\n",
            "docs/accessibility.yml:1: error: expected fields like `status: partially` and "
            "`assessed: 2026-11-02`, found a list",
        ),
    ],
)
def test_rules_across_fields(repo, text, expected):
    write(repo, text)
    lines, code = validate(repo)
    assert lines[0] == expected
    assert code == 1


def test_without_the_file_there_is_no_statement(repo):
    os.remove(os.path.join(repo, REL))
    site, report = load_site(repo, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0 and site.statement is None
    files = compile_site(site)
    assert not [p for p in files if "/docs/tilgaengelighed/" in p or "/docs/accessibility/" in p]
    assert "footer.accessibility" not in str(files["da/docs/index.md"])
    assert i18n.strings("da")["footer.accessibility"] not in str(files["da/docs/index.md"])


def test_the_json_schema_fits_the_sample_and_rejects_mistakes():
    schema = schemas.all_schemas()["accessibility.schema.json"]
    with open(os.path.join(FIXTURE, REL), "rb") as fh:
        data, _ = load_yaml(decode(fh.read()))
    assert isinstance(data, dict), data
    jsonschema.validate(data, schema)
    no_contact = {k: v for k, v in data.items() if k != "contact"}
    for bad in ({**data, "status": "mostly"}, {**data, "statu": "fully"}, no_contact):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


# ---------------------------------------------------------------- the pages


def soup(site_dir: str, rel: str) -> BeautifulSoup:
    with open(os.path.join(site_dir, rel), encoding="utf-8") as fh:
        return BeautifulSoup(fh.read(), "lxml")


def statement_page(site_dir: str, lang: str) -> BeautifulSoup:
    return soup(site_dir, f"{lang}/{i18n.segment(lang, 'accessibility')}/index.html")


def test_a_page_in_every_language_with_the_facts(site_dir):
    with open(os.path.join(FIXTURE, REL), "rb") as fh:
        data, _ = load_yaml(decode(fh.read()))
    assert isinstance(data, dict), data
    for lang in LANGS:
        page = statement_page(site_dir, lang)
        article = one(page, "article")
        assert attr(one(page, "html"), "lang") == lang
        assert text(article, "h1") == i18n.strings(lang)["footer.accessibility"]
        assert article.select_one(f'time[datetime="{data["assessed"]}"]'), lang
        assert article.select_one(f'a[href="mailto:{data["contact"]["email"]}"]'), lang
        assert article.select_one('a[href^="tel:+45"]'), lang
        for issue in data["known_issues"]:
            assert issue["what"][lang] in text(article), (lang, issue["what"][lang])
            assert " ".join(issue["why"][lang].split()) in text(article), lang


def test_danish_follows_the_danish_model_and_swedish_digg(site_dir):
    da, sv, en = (statement_page(site_dir, lang) for lang in LANGS)
    da_h2 = [text(h) for h in da.select("article h2")]
    assert da_h2[:2] == ["Overholdelsesstatus", "Ikke-tilgængeligt indhold"] and "Klagemulighed" in da_h2
    assert da.select_one(f'article a[href="{statement.DIGST_CONTACT_URL}"]')
    sv_h2 = [text(h) for h in sv.select("article h2")]
    assert sv_h2 == [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsynsmyndighet",
        "Teknisk information om webbplatsens tillgänglighet",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ]
    digg = sv.select_one('article a[href="https://www.digg.se/tdosanmalan"]')
    assert digg and text(digg).startswith("Anmäl brister")
    technical = one(sv, "#statement-technical").parent
    assert technical is not None and "delvis förenlig" in text(technical)
    en_h2 = [text(h) for h in en.select("article h2")]
    assert en_h2[0] == "Compliance status" and "Enforcement procedure" in en_h2  # phone_region DK
    assert not da.select('a[href*="was.digst.dk"]'), "no was_url in the sample: no link to was.digst.dk"


def test_the_danish_page_links_to_was_digst_dk_when_the_url_is_set(repo):
    with open(os.path.join(repo, REL), "a", encoding="utf-8") as fh:
        fh.write("was_url: https://www.was.digst.dk/havbjerg-example\n")
    site, report = load_site(repo, today=dt.date.fromisoformat(BUILD_DATE))
    assert report.errors == 0 and site.statement is not None
    data = statement.page(site.statement, "da", org="Havbjerg Kommune", site="havbjerg.example", country="DK")
    links = [p for para in data["intro"] for p in para if p.get("href")]
    assert links == [
        {
            "text": "https://www.was.digst.dk/havbjerg-example",
            "href": "https://www.was.digst.dk/havbjerg-example",
            "hreflang": "da",
        }
    ]
    sv = statement.page(site.statement, "sv", org="Havbjerg kommun", site="havbjerg.example", country="DK")
    assert not [p for para in sv["intro"] for p in para if p.get("href")], "DIGG's model has no WAS link"


def test_the_footer_of_every_page_links_to_the_statement(site_dir):
    missing = []
    for path in html_files(site_dir):
        rel = os.path.relpath(path, site_dir).replace(os.sep, "/")
        lang = rel.split("/")[0]
        if lang not in LANGS:
            continue  # the language chooser and the root 404 are in every language at once
        page = soup(site_dir, rel)
        wanted = i18n.strings(lang)["footer.accessibility"]
        links = [a for a in page.select("footer .torv-footer-links a") if text(a) == wanted]
        target = f"/{lang}/{i18n.segment(lang, 'accessibility')}/"
        if not links or urllib.parse.urljoin("/" + rel, attr(links[0], "href")) != target:
            missing.append(rel)
    assert not missing, f"no footer link to the accessibility statement on: {missing[:10]}"


# ---------------------------------------------------------------- Norway's and Finland's models, on their sites

NORDIC_STATEMENT = """\
status: partially
assessed: 2026-10-01
method: third-party
contact: {{email: {email}, phone: "{phone}"}}
known_issues:
  - what: {{{lang}: PDF}}
    why: {{{lang}: PDF}}
{extra}"""


@pytest.fixture(scope="module")
def nordic_statements(tmp_path_factory) -> dict[str, str]:
    """Koskela (fi + sv + en, FI) and Fjellstad (nb + nn + en, NO) with a statement, built: name -> site/."""
    from conftest import FIXTURES, run_build

    sites = {}
    for name, lang, email, phone, extra in (
        ("koskela", "fi", "yritys@koskela.example", "06 123 4567", ""),
        (
            "fjellstad",
            "nb",
            "naering@fjellstad.example",
            "62 43 00 00",
            "uustatus_url: https://uustatus.no/nb/erklaringer/publisert/fjellstad\n",
        ),
    ):
        root = copy_repo(str(tmp_path_factory.mktemp(name)), os.path.join(FIXTURES, name))
        with open(os.path.join(root, REL), "w", encoding="utf-8") as fh:
            fh.write(NORDIC_STATEMENT.format(email=email, phone=phone, lang=lang, extra=extra))
        proc = run_build(root)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        sites[name] = os.path.join(root, "site")
    return sites


def headings(page: BeautifulSoup) -> list[str]:
    return [text(h) for h in page.select("article h2")]


@pytest.mark.slow
def test_norway_follows_the_uustatus_model_in_bokmaal_and_nynorsk(nordic_statements):
    site = nordic_statements["fjellstad"]
    nb = soup(site, "nb/tilgjengelighet/index.html")
    assert headings(nb) == [
        "I hvilken grad er nettstedet i samsvar med kravene til universell utforming?",
        "Innhold som ikke er universelt utformet",
        "Meld gjerne fra om brudd på kravene",
        "Klage",
        "Slik har vi vurdert nettstedet",
    ]
    assert text(nb, "article h1") == "Tilgjengelighetserklæring"
    assert nb.select_one(f'a[href="{statement.DISKRIMINERINGSNEMNDA_URL}"]')
    assert nb.select_one(f'a[href="{statement.UUTILSYNET_URL}"]')
    assert nb.select_one('a[href="https://uustatus.no/nb/erklaringer/publisert/fjellstad"]'), "the official copy"
    assert [a.get_text() for a in nb.select('a[href="tel:+4762430000"]')] == ["62 43 00 00"]
    nn = soup(site, "nn/tilgjengelegheit/index.html")
    assert headings(nn)[0] == "I kva grad er nettstaden i samsvar med krava til universell utforming?"
    assert "Klage" in headings(nn) and text(nn, "article h1") == "Tilgjengelegheitserklæring"
    en = soup(site, "en/accessibility/index.html")
    assert headings(en)[-1] == "Enforcement procedure" and en.select_one(f'a[href="{statement.UUTILSYNET_URL}"]')


@pytest.mark.slow
def test_finland_follows_its_authority_s_model_in_finnish_and_in_swedish(nordic_statements):
    site = nordic_statements["koskela"]
    fi = soup(site, "fi/saavutettavuus/index.html")
    assert text(fi, "article h1") == "Saavutettavuusseloste"
    assert headings(fi) == [
        "Digipalvelun saavutettavuuden tila",
        "Sisällöt, jotka eivät ole saavutettavia",
        "Näin arvioimme saavutettavuuden",
        "Havaitsitko saavutettavuuspuutteen?",
        "Valvontaviranomainen",
    ]
    assert fi.select_one(f'a[href="{statement.TRAFICOM_URL["fi"]}"]')
    # Swedish on a Finnish site: the Finnish authority's Swedish model, not DIGG's
    sv = soup(site, "sv/tillganglighet/index.html")
    assert text(sv, "article h1") == "Tillgänglighetsutlåtande"
    assert headings(sv)[0] == "Digitjänstens tillgänglighetsstatus" and headings(sv)[-1] == "Tillsynsmyndighet"
    assert sv.select_one(f'a[href="{statement.TRAFICOM_URL["sv"]}"]') and not sv.select('a[href*="digg.se"]')
    footer = [text(a) for a in soup(site, "sv/index.html").select("footer .torv-footer-links a")]
    assert "Tillgänglighetsutlåtande" in footer
    en = soup(site, "en/accessibility/index.html")
    assert en.select_one(f'a[href="{statement.TRAFICOM_URL["fi"]}"]') and headings(en)[-1] == "Enforcement procedure"


def test_a_uustatus_address_must_be_on_uustatus_no(repo):
    write(repo, VALID.format(assessed="2026-11-02") + "    uustatus_url: https://fjellstad.example/erklaering\n")
    lines, code = validate(repo)
    assert lines[0] == (
        "docs/accessibility.yml:8: error: uustatus_url: expected the address of the statement on "
        "uustatus.no like https://uustatus.no/nb/erklaringer/publisert/..., found "
        '"https://fjellstad.example/erklaering"'
    )
    assert code == 1
