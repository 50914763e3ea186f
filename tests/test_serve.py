"""The live preview: `build(preview=True)` shows drafts and scheduled items with a notice (a normal
build never does), and `torv serve` serves the preview, rebuilds when a file is saved, and keeps
the last good preview when the content has an error."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from babel.dates import format_date

import sample
from conftest import BUILD_DATE, TORV, copy_repo
from sample import LANGS, LOCALES, soup, text
from torv import i18n
from torv.build import build, preview_paths
from torv.finish.theme import Texts, finish_page
from torv.incremental import PreviewBuilder

pytestmark = pytest.mark.slow

DRAFT_NOTICE = {"da": "Kladde – ikke offentliggjort", "sv": "Utkast – inte publicerat", "en": "Draft – not published"}
SCHEDULED_NOTICE = {
    "da": "Planlagt til offentliggørelse {}",
    "sv": "Schemalagd för publicering {}",
    "en": "Scheduled for publication on {}",
}


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory) -> str:
    root = copy_repo(str(tmp_path_factory.mktemp("preview")))
    lines: list[str] = []
    rc = build(root, today=dt.date.fromisoformat(BUILD_DATE), preview=True, log=lines.append)
    assert rc == 0, "\n".join(lines)
    assert not os.path.exists(os.path.join(root, "site")), "a preview never touches site/"
    return preview_paths(root)[1]


@pytest.mark.parametrize("lang", LANGS)
def test_preview_shows_the_draft_with_its_notice(preview_site, site_dir, lang):
    rel = sample.news_path(sample.DRAFT, lang)
    page = soup(preview_site, rel)
    notice = page.select_one(".torv-notice--preview")
    assert notice is not None and text(notice) == DRAFT_NOTICE[lang]
    title = sample.news(False)[sample.DRAFT][lang]["title"]
    assert text(page.select_one("article h1")) == title
    # listed, with the notice as a badge
    index = soup(preview_site, f"{lang}/{sample.segment(lang, 'news')}/")
    item = next(li for li in index.select(".torv-news__item") if title in text(li))
    assert text(item.select_one(".torv-badge--preview")) == DRAFT_NOTICE[lang]
    # the production build has none of it
    assert not os.path.exists(sample.file_of(site_dir, rel))
    assert title not in text(soup(site_dir, f"{lang}/{sample.segment(lang, 'news')}/"))


@pytest.mark.parametrize("lang", LANGS)
def test_preview_shows_the_scheduled_item_with_its_date(preview_site, site_dir, lang):
    values = sample.news(False)[sample.SCHEDULED][lang]
    assert values["date"] > sample.TODAY
    rel = sample.news_path(sample.SCHEDULED, lang)
    notice = soup(preview_site, rel).select_one(".torv-notice--preview")
    expected = SCHEDULED_NOTICE[lang].format(format_date(values["date"], "long", locale=LOCALES[lang]))
    assert notice is not None and text(notice) == expected
    assert not os.path.exists(sample.file_of(site_dir, rel))


def test_published_items_have_no_preview_notice(preview_site):
    for group in sample.news():
        assert soup(preview_site, sample.news_path(group, "da")).select_one(".torv-notice--preview") is None


# ---------------------------------------------------------------- torv serve


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"waited {seconds} s for {what}")


def replace_line(path: str, prefix: str, new: str) -> None:
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith(prefix))
    lines[i] = new
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def test_serve_rebuilds_on_save_and_keeps_the_last_good_preview(tmp_path):
    root = copy_repo(str(tmp_path))
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [*TORV, "serve", "--root", root, "--port", "0", "--today", BUILD_DATE], stdout=log, stderr=subprocess.STDOUT
        )
    try:

        def output():
            return log_path.read_text(encoding="utf-8")

        def served_url():
            if proc.poll() is not None:
                pytest.fail(f"torv serve stopped:\n{output()}")
            m = re.search(r"Preview on (http://127\.0\.0\.1:\d+/)", output())
            return m and m.group(1)

        base = wait_for(served_url, 60, "the first preview")

        def state() -> dict:
            return json.loads(fetch(base + "__torv/version")[1])

        group = "news/2026/groent-netvaerk"
        page_url = base + sample.news_path(group, "da")
        status, html = fetch(page_url)
        old_title = sample.news()[group]["da"]["title"]
        assert status == 200 and old_title in html
        # the reload script is loaded from this server (the CSP allows no inline script), polls it only
        tag = re.search(r'<script src="/__torv/reload\.js" data-version="1" data-status="/__torv/version"', html)
        assert tag, html[-500:]
        status, script = fetch(base + "__torv/reload.js")
        assert status == 200 and "fetch(status" in script and "http" not in script.split("*/", 1)[1]
        # only requests addressed to 127.0.0.1 or localhost are answered (no DNS rebinding)
        for host, want in (("evil.example", 421), ("127.0.0.1.evil.example", 421), ("localhost:8000", 200)):
            req = urllib.request.Request(page_url, headers={"Host": host})
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    got = resp.status
            except urllib.error.HTTPError as exc:
                got = exc.code
            assert got == want, (host, got)
        # hreflang links point at this server (Material's script fetches <alternate>/sitemap.xml)
        hreflang = re.findall(r'<link rel="alternate" hreflang="[^"]*" href="([^"]*)"', html)
        assert len(hreflang) == len(LANGS) + 1 and all(h.startswith("/") for h in hreflang), hreflang
        assert state() == {"version": 1, "error": None, "building": False}
        # drafts are in the preview, with their notice; site/ is not touched
        status, draft = fetch(base + sample.news_path(sample.DRAFT, "da"))
        assert status == 200 and DRAFT_NOTICE["da"] in draft
        assert not os.path.exists(os.path.join(root, "site"))

        # an editor saves a new title: the preview follows
        path = os.path.join(root, f"{group}.da.md")
        replace_line(path, "title:", "title: Netværket for grøn omstilling er i gang")
        wait_for(lambda: "Netværket for grøn omstilling er i gang" in fetch(page_url)[1], 30, "the new title")
        # the version (which makes open pages reload) moves on once the new preview is in place
        wait_for(lambda: state()["version"] >= 2, 10, "the new version")
        good = state()["version"]

        # a mistake: reported, the last good preview stays
        replace_line(path, "date:", "date: 2026-02-30")
        report = wait_for(lambda: state()["error"], 30, "the error report")
        assert f"{group}.da.md:" in report and "2026-02-30" in report
        assert f"{group}.da.md:" in output()
        status, html = fetch(page_url)
        assert status == 200 and "Netværket for grøn omstilling er i gang" in html
        assert state()["version"] >= good
        assert not os.path.exists(os.path.join(root, "site"))
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert proc.returncode == 0, output()
    assert "Stopping the preview." in output()


def test_one_preview_per_repository(tmp_path):
    from torv.serve import _lock

    first = _lock(str(tmp_path))
    assert first is not None
    assert _lock(str(tmp_path)) is None, "a second preview of the same repository is refused"
    first.close()
    again = _lock(str(tmp_path))
    assert again is not None
    again.close()


def test_serve_rebuilds_only_the_language_of_the_saved_file(tmp_path):
    """Saving a Swedish translation renders the Swedish pages it changes again, nothing of da or en; the saved
    item's Danish and English pages stay the files they were."""
    root = copy_repo(str(tmp_path))
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [*TORV, "serve", "--root", root, "--port", "0", "--today", BUILD_DATE], stdout=log, stderr=subprocess.STDOUT
        )
    try:

        def output() -> str:
            return log_path.read_text(encoding="utf-8")

        def served_url():
            if proc.poll() is not None:
                pytest.fail(f"torv serve stopped:\n{output()}")
            m = re.search(r"Preview on (http://127\.0\.0\.1:\d+/)", output())
            return m and m.group(1)

        base = wait_for(served_url, 90, "the first preview")
        assert re.search(r"Rebuilt da \(all pages\); sv \(all pages\); en \(all pages\)", output())
        group = "news/2026/groent-netvaerk"
        site = os.path.join(root, "build", "preview", "site")
        others = {lg: sample.file_of(site, sample.news_path(group, lg)) for lg in ("da", "en")}
        before = {lg: os.stat(path).st_mtime_ns for lg, path in others.items()}

        def search_locations() -> set[str]:
            status, index = fetch(base + "sv/search/search_index.json")
            assert status == 200
            return {d["location"].split("#")[0] for d in json.loads(index)["docs"]}

        indexed = search_locations()
        replace_line(os.path.join(root, f"{group}.sv.md"), "title:", "title: Det gröna nätverket har startat")
        sv_url = base + sample.news_path(group, "sv")
        wait_for(lambda: "Det gröna nätverket har startat" in fetch(sv_url)[1], 60, "the new Swedish title")

        def rebuilds() -> list[str]:
            return [line for line in output().splitlines() if line.startswith(("Rebuilt", "Nothing changed"))]

        # the pages are served as soon as they are rendered; the preview says what it did once all is compared
        rebuilt = wait_for(lambda: len(rebuilds()) >= 2 and rebuilds(), 60, "the report of the rebuild")
        assert len(rebuilt) == 2, rebuilt
        assert rebuilt[1].startswith("Rebuilt sv (") and " da (" not in rebuilt[1] and " en (" not in rebuilt[1]
        assert sample.news_path(group, "sv").split("/", 1)[1] in rebuilt[1], "the item's own page"
        assert "all pages" not in rebuilt[1], "only the changed pages of the language"
        assert {lg: os.stat(path).st_mtime_ns for lg, path in others.items()} == before
        # the Swedish news list shows the new title too, and the search index has every page still
        news_list = fetch(base + f"sv/{sample.segment('sv', 'news')}/")[1]
        assert "Det gröna nätverket har startat" in news_list
        assert search_locations() == indexed and sample.news_path(group, "sv").split("/", 1)[1] in indexed
        assert "Det gröna nätverket har startat" in fetch(base + "sv/search/search_index.json")[1]
        # what MkDocs' dirty build wrote (the page, and 404.html, which it writes every time) is finished too
        assert_finished(site, "sv", [sample.news_path(group, "sv"), "sv/404.html"])
        # the language's feeds and its tags' feeds are served anew too (files next to the pages, not pages)
        for feed in ("sv/feed.xml", "sv/feed.json", f"sv/{sample.segment('sv', 'tags')}/forum/feed.xml"):
            assert "Det gröna nätverket har startat" in fetch(base + feed)[1], feed
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def assert_finished(site: str, lang: str, paths: list[str]) -> None:
    """Pages the whole finishing pass (finish/run.py) has been over: the theme's fixes (a second pass changes
    nothing), the content sanitised (no content marker left) and one Content-Security-Policy."""
    texts = Texts.of(i18n.strings(lang))
    for rel in paths:
        with open(sample.file_of(site, rel), encoding="utf-8") as fh:
            page = fh.read()
        assert finish_page(page, texts) == page, f"{rel} is not finished"
        assert "<!--torv:begin:" not in page and "<!--torv:end:" not in page, f"{rel} is not sanitised"
        assert page.count('<meta http-equiv="Content-Security-Policy"') == 1, f"{rel} has no CSP"


@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="Zensical is not installed")
def test_with_zensical_the_preview_renders_a_changed_language_whole(tmp_path):
    """Zensical has no dirty build: a save renders the changed language again whole (with Zensical, finished),
    the other languages not at all."""
    root = copy_repo(str(tmp_path))
    config = os.path.join(root, "mkdocs.yml")
    replace_line(config, "    timezone:", "    timezone: Europe/Copenhagen\n    renderer: zensical")
    lines: list[str] = []
    builder = PreviewBuilder(root, today=dt.date.fromisoformat(BUILD_DATE), log=lines.append)
    first = builder.build()
    assert first.code == 0, "\n".join(lines)
    assert first.rendered == dict.fromkeys(LANGS), first.rendered
    site = builder.out
    assert os.path.isfile(os.path.join(site, "sv", "search.json")), "Zensical's search index"
    group = "news/2026/groent-netvaerk"
    others = {lg: sample.file_of(site, sample.news_path(group, lg)) for lg in ("da", "en")}
    before = {lg: os.stat(path).st_mtime_ns for lg, path in others.items()}
    pages = sample.html_pages(site, "sv", with_404=True)
    replace_line(os.path.join(root, f"{group}.sv.md"), "title:", "title: Det gröna nätverket har startat")
    shown: list[list[str]] = []
    again = builder.build(first=["sv"], rendered=shown.append)
    assert again.code == 0, "\n".join(lines)
    assert again.rendered == {"sv": None} and shown == [["sv"]], (again.rendered, shown)
    with open(sample.file_of(site, sample.news_path(group, "sv")), encoding="utf-8") as fh:
        assert "Det gröna nätverket har startat" in fh.read()
    assert {lg: os.stat(path).st_mtime_ns for lg, path in others.items()} == before
    assert sample.html_pages(site, "sv", with_404=True) == pages, "every Swedish page, not only those Zensical cached"
    assert_finished(site, "sv", [sample.news_path(group, "sv"), "sv/404.html", "sv/"])


def test_a_page_the_preview_has_not_finished_is_not_served(tmp_path):
    """Between MkDocs' partial render writing a page into the served folder and the finishing pass, the page is
    neither sanitised nor under its CSP: the server answers it as being rebuilt, and a finished page as it is."""
    import threading

    from torv.serve import Preview, make_server

    preview = Preview(str(tmp_path))
    os.makedirs(os.path.join(preview.out, "da"))
    raw = '<html><head><meta charset="utf-8"></head><body><img src=x onerror="alert(1)"></body></html>'
    done = raw.replace(
        '<meta charset="utf-8">',
        '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
    ).replace(' onerror="alert(1)"', "")
    for name, page in (("raw.html", raw), ("done.html", done)):
        with open(os.path.join(preview.out, "da", name), "w", encoding="utf-8") as fh:
            fh.write(page)
    server = make_server(preview, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/da/"
        status, text = fetch(base + "raw.html")
        assert status == 503 and "being rebuilt" in text and "alert(1)" not in text
        status, text = fetch(base + "done.html")
        assert status == 200 and "Content-Security-Policy" in text
    finally:
        server.shutdown()
        server.server_close()
