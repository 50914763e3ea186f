"""Every page carries a Content-Security-Policy (<meta http-equiv>): in Chromium, no page type of the sample in
any language reports a violation (with the search open too), on either renderer; an injected inline script is
blocked; the live preview's reload script works under the policy."""

from __future__ import annotations

import base64
import functools
import glob
import hashlib
import http.server
import os
import re
import threading
from typing import Any, cast

import pytest

from quality import KINDS, LANGS, ROOT_PAGES, pages_by_kind, unique_word
from renderers import RENDERER, search
from sample import soup
from torv.render import ZENSICAL_SCRIPT_STYLES

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REQUIRED = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]
RECORD = """
window.__torv_csp = [];
document.addEventListener('securitypolicyviolation', e => window.__torv_csp.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture(scope="module")
def kinds(sample_repo):
    return pages_by_kind(os.path.join(sample_repo, "build"))


def every_page_type(kinds) -> list[str]:
    return list(ROOT_PAGES.values()) + [kinds[lang][kind] for lang in LANGS for kind in KINDS]


def test_every_page_has_the_policy_first_in_its_head(site_dir, kinds):
    for rel in every_page_type(kinds):
        page = soup(site_dir, rel)
        metas = page.select('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, rel
        policy = str(metas[0]["content"])
        for directive in REQUIRED:
            assert directive in policy, (rel, directive)
        script_src = re.search(r"script-src ([^;]*)", policy)
        assert script_src and "'unsafe-inline'" not in script_src[1] and "'unsafe-eval'" not in script_src[1], rel
        head = page.head
        assert head is not None, rel
        first = head.find(["meta", "script", "link", "style", "title"])
        assert first is metas[0] or (first is not None and first.get("charset")), f"{rel}: the policy comes first"
        script = head.find("script")
        assert script is None or script.find_previous("meta", attrs={"http-equiv": "Content-Security-Policy"}), rel


def test_no_page_type_reports_a_violation_in_any_language(browser, kinds, site_dir, site_url):
    ctx = browser.new_context(locale="da-DK")
    ctx.add_init_script(RECORD)
    console: list[str] = []
    page = ctx.new_page()
    page.on(
        "console", lambda m: console.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None
    )
    problems = []
    for rel in every_page_type(kinds):
        page.goto(site_url + rel, wait_until="networkidle")  # the search index and its worker load late
        if rel != ROOT_PAGES["chooser"]:  # the chooser moves on to a language at once
            if page.query_selector(".md-select"):
                page.hover(".md-select")
            problems += [f"{rel}: {v}" for v in page.evaluate("window.__torv_csp")]
    for lang in LANGS:  # the search box, open with results (the theme's search writes into the page)
        page.goto(site_url + kinds[lang]["home"], wait_until="networkidle")
        search(page, unique_word(site_dir, lang)[0])
        page.wait_for_timeout(200)
        problems += [f"{lang} search: {v}" for v in page.evaluate("window.__torv_csp")]
    ctx.close()
    assert not problems + console, "\n".join(problems + console)


def test_the_policy_blocks_an_injected_inline_script(browser, kinds, site_url):
    """The same page bytes with an inline script added (as a template fault or a sanitiser gap would):
    Chromium refuses to run it and reports the violation."""
    url = site_url + kinds["da"]["news"]
    ctx = browser.new_context()
    ctx.add_init_script(RECORD)
    page = ctx.new_page()

    def inject(route):
        response = route.fetch()
        body = response.text().replace(
            "</article>",
            '<script>window.__torv_injected = 1</script><img src=x onerror="window.__torv_injected = 2"></article>',
            1,
        )
        route.fulfill(response=response, body=body)

    page.route(url, inject)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__torv_injected") is None, "the injected script ran"
    violations = page.evaluate("window.__torv_csp")
    ctx.close()
    assert any(v.startswith("script-src") for v in violations), violations


class _FakePreview:
    """What the preview server's handler reads from a running preview, pointed at the built sample."""

    def __init__(self, out: str) -> None:
        self.out, self.version, self.site_url = out, 1, ""
        self.error: str | None = None

    def status(self) -> dict[str, object]:
        return {"version": self.version, "error": self.error, "building": False}


def test_the_preview_reload_script_runs_under_the_policy(browser, kinds, site_dir):
    from torv.serve import PreviewHandler

    preview = _FakePreview(site_dir)
    handler = functools.partial(PreviewHandler, preview=cast(Any, preview))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        ctx = browser.new_context()
        ctx.add_init_script(RECORD)
        page = ctx.new_page()
        page.goto(base + kinds["da"]["pillar"], wait_until="load")
        assert page.evaluate("!!document.querySelector('script[src=\"/__torv/reload.js\"]')")
        preview.error = "news/x.da.md:3: title: expected a text"
        page.wait_for_selector("pre[role=alert]", timeout=5000)  # the script polls and shows the error
        assert "news/x.da.md:3" in page.inner_text("pre[role=alert]")
        with page.expect_navigation(timeout=5000):  # a new build: the page reloads
            preview.error, preview.version = None, 2
        assert page.evaluate("window.__torv_csp") == []
        ctx.close()
    finally:
        server.shutdown()


@pytest.mark.skipif(RENDERER != "zensical", reason="Zensical's own stylesheet: TORV_RENDERER=zensical")
def test_the_stylesheet_zensical_s_script_writes_is_allowed_by_its_hash(site_dir):
    """The hash in render.py is the one of the stylesheet the installed Zensical's bundle writes (its search
    dialog's, `appendChild(C("style",{},X.toString()))` with `X='...'` a plain string)."""
    [bundle] = glob.glob(os.path.join(site_dir, "da", "assets", "javascripts", "bundle.*.min.js"))
    with open(bundle, encoding="utf-8") as fh:
        js = fh.read()
    name = re.search(r'appendChild\(\w+\("style",\{\},(\w+)\.toString\(\)\)\)', js)
    assert name, "Zensical's script writes its stylesheet differently now: see render.ZENSICAL_SCRIPT_STYLES"
    css = re.search(rf"\b{name.group(1)}='([^'\\]*)'", js)
    assert css, "Zensical's stylesheet is no plain string now: see render.ZENSICAL_SCRIPT_STYLES"
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode("utf-8")).digest()).decode("ascii")
    assert (f"'sha256-{digest}'",) == ZENSICAL_SCRIPT_STYLES
