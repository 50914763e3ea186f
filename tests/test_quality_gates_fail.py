"""Each quality gate fails when it should: a temporary copy of the built site gets one known violation per
page (an image without alt text, a low-contrast text, a Google Fonts stylesheet, a cookie, a broken link
and anchor, invalid HTML, a too-wide box, an invisible focus), and the same check functions the real tests
use must report exactly that."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from conftest import serve
from quality import (
    DESKTOP,
    NARROW_320,
    RequestLog,
    axe_problems,
    broken_links,
    focus_problems,
    overflow_problems,
    stored,
    vnu_problems,
)

# page -> (where, what): inserted before </article> ("content") or </head> ("head")
BROKEN = {
    "da/index.html": ("content", '<p><img src="assets/logo.svg"></p>'),
    "da/nyheder/index.html": ("content", '<p style="color:#aaaaaa;background:#ffffff">Svag grå tekst</p>'),
    "da/politik/index.html": ("head", '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'),
    "da/om/index.html": ("head", "<style>*:focus-visible{outline:none!important}</style>"),
    "da/privatliv/index.html": (
        "head",
        '<script>document.cookie="seen=1; path=/";localStorage.setItem("seen","1")</script>',
    ),
    "da/kontakt/index.html": (
        "content",
        '<p><a href="#ingen-saadan">Til afsnittet</a> '
        '<a href="../politik/findes-ikke/">Til siden</a> '
        '<a href="webcal://havbjerg.example/da/findes-ikke.ics">Abonnér</a></p>',
    ),
    "da/moeder/index.html": ("content", '<div style="width:1200px">Et for bredt felt</div>'),
    "da/emner/forum/index.html": ("content", '<input type="checkbox" autocomplete="off" id="x"><div id="x"></div>'),
}


@pytest.fixture(scope="module")
def broken_site(site_dir, tmp_path_factory):
    copy = os.path.join(str(tmp_path_factory.mktemp("broken")), "site")
    shutil.copytree(site_dir, copy)
    for rel, (where, snippet) in BROKEN.items():
        path = os.path.join(copy, rel)
        with open(path, encoding="utf-8") as fh:
            html = fh.read()
        marker = "</article>" if where == "content" else "</head>"
        # the faults are injected as a broken template would: without the page's Content-Security-Policy,
        # which would otherwise block the injected script and styles (tests/test_csp.py shows it does)
        html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        assert marker in html, rel
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html.replace(marker, snippet + marker, 1))
    url, server = serve(copy)
    yield copy, url
    server.shutdown()


@pytest.fixture
def tab(browser):
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx, ctx.new_page()
    ctx.close()


@pytest.mark.browser
def test_axe_reports_an_image_without_alt_text(tab, broken_site, site_url):
    _, page = tab
    page.goto(site_url + "da/")
    assert axe_problems(page) == []
    page.goto(broken_site[1] + "da/")
    assert [p.split(" ")[0] for p in axe_problems(page)] == ["image-alt"]


@pytest.mark.browser
def test_axe_reports_low_contrast(tab, broken_site):
    _, page = tab
    page.goto(broken_site[1] + "da/nyheder/")
    problems = axe_problems(page)
    assert [p.split(" ")[0] for p in problems] == ["color-contrast"], problems


@pytest.mark.browser
def test_the_request_check_reports_google_fonts(tab, broken_site):
    ctx, page = tab
    log = RequestLog().attach(ctx)
    page.goto(broken_site[1] + "da/politik/", wait_until="networkidle")
    assert log.third_party(broken_site[1]) == [
        "request to another host: https://fonts.googleapis.com/css?family=Roboto"
    ]


@pytest.mark.browser
def test_the_storage_check_reports_a_cookie_and_local_storage(tab, broken_site):
    ctx, page = tab
    page.goto(broken_site[1] + "da/om/")
    assert stored(ctx, page) == []
    page.goto(broken_site[1] + "da/privatliv/")
    assert stored(ctx, page) == ["cookie seen (127.0.0.1)", "local: seen"]


@pytest.mark.browser
def test_the_focus_check_reports_an_invisible_focus(tab, broken_site):
    _, page = tab
    page.goto(broken_site[1] + "da/om/")
    problems = focus_problems(page, stops=10)
    assert problems and all(p.startswith("no visible focus indicator") for p in problems), problems


@pytest.mark.browser
def test_the_reflow_check_reports_a_box_too_wide_for_320px(browser, broken_site, site_url):
    ctx = browser.new_context(**NARROW_320)
    page = ctx.new_page()
    page.goto(site_url + "da/moeder/")
    assert overflow_problems(page) == []
    page.goto(broken_site[1] + "da/moeder/")
    problems = overflow_problems(page)
    ctx.close()
    assert problems[0].startswith("the page is ") and any(p.startswith("<div") for p in problems), problems


def test_the_link_check_reports_a_broken_anchor_and_page(broken_site):
    problems = broken_links(broken_site[0], "https://havbjerg.example/")
    assert problems == [
        'da/kontakt/index.html: <a href> #ingen-saadan: no element with id "ingen-saadan" on da/kontakt/index.html',
        "da/kontakt/index.html: <a href> ../politik/findes-ikke/: no such page or file",
        "da/kontakt/index.html: <a href> webcal://havbjerg.example/da/findes-ikke.ics: no such page or file",
    ]


@pytest.mark.slow
def test_the_validator_reports_invalid_html(broken_site):
    copy = broken_site[0]
    problems = vnu_problems(
        [os.path.join(copy, "da/index.html"), os.path.join(copy, "da/emner/forum/index.html")], copy
    )
    assert any(p.startswith("da/index.html:") and "img" in p and "alt" in p for p in problems), problems
    assert any(p.startswith("da/emner/forum/index.html:") and "autocomplete" in p for p in problems), problems
    assert any(p.startswith("da/emner/forum/index.html:") and "Duplicate ID" in p for p in problems), problems


@pytest.mark.slow
@pytest.mark.browser
def test_torv_check_reports_each_failing_check_of_a_broken_site(broken_site, sample_repo, browser):
    """`torv check`'s checks (the same functions) on the broken copy: each check fails, and says why."""
    from conftest import FIXTURE, ROOT
    from torv.check.run import check_site
    from torv.settings import load_settings

    checked = check_site(ROOT, broken_site[0], os.path.join(sample_repo, "build"), load_settings(FIXTURE), browser)
    outcomes = {o.name.split(" ")[0]: o.problems for o in checked}
    assert set(outcomes) == {"accessibility", "privacy", "links", "no", "HTML"}
    assert any("da/ (desktop): image-alt" in p for p in outcomes["accessibility"]), outcomes["accessibility"]
    assert "request to another host: https://fonts.googleapis.com/css?family=Roboto" in outcomes["privacy"]
    # (the cookie is set by the privacy page, and the check visits one page of each kind: da/om/ for "page")
    assert any("#ingen-saadan" in p for p in outcomes["links"])
    assert any("Duplicate ID" in p for p in outcomes["HTML"])
    assert outcomes["no"] == [], "no empty section was added"


def test_torv_check_stops_at_a_warning_and_builds_nothing(tmp_path):
    """`torv check` validates with --strict: a warning fails it, before anything is built."""
    import subprocess

    from conftest import BUILD_DATE, TORV, copy_repo

    root = copy_repo(str(tmp_path))
    os.remove(os.path.join(root, "docs", "om.sv.md"))  # a missing translation: a warning
    proc = subprocess.run([*TORV, "check", "--root", root, "--today", BUILD_DATE], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "warning" not in proc.stdout.splitlines()[0] and "missing translation" in proc.stdout
    assert "FAIL  validate --strict" in proc.stdout and not os.path.exists(os.path.join(root, "site"))
