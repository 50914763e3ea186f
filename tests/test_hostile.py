"""The hostile corpus (tests/hostile/, see its README): every case is refused with the right `path:line` and
the previous site untouched, or built into a site in which nothing can run, load from another host or come
from outside the content folders. Checked by a scan of every built file and in Chromium."""

from __future__ import annotations

import contextlib
import hashlib
import html.parser
import io
import os
import re
import secrets
import shutil
import subprocess
import urllib.parse

import pytest
from PIL import Image

from conftest import BUILD_DATE, ROOT, TORV, serve
from renderers import RENDERER, search_index
from renderers import SEARCH_INDEX as SEARCH_INDEXES

pytestmark = pytest.mark.slow

HOSTILE = os.path.join(ROOT, "tests", "hostile")
BASE = os.path.join(ROOT, "tests", "golden", "base")
CONFIG = os.path.join(ROOT, "tests", "fixtures", "havbjerg", "mkdocs.yml")
LOGO = os.path.join(ROOT, "tests", "fixtures", "havbjerg", "docs", "logo.svg")
LANGS = ("da", "sv", "en")
PAYLOAD = "Ø<img src=x onerror=alert(1)// \"q\" 'a' &amp; <!--"  # fields-markup-everywhere
CANARY = "torv-canary-" + secrets.token_hex(8)
SEARCH_INDEX = SEARCH_INDEXES[RENDERER].replace(os.sep, "/")  # the renderer's search index, in a language's folder


def read_case(name: str) -> tuple[str, list[str]]:
    with open(os.path.join(HOSTILE, name, "expect.txt"), encoding="utf-8") as fh:
        lines = [line.strip() for line in fh if line.strip() and not line.startswith("#")]
    return lines[0], lines[1:]


CASES = sorted(n for n in os.listdir(HOSTILE) if os.path.isdir(os.path.join(HOSTILE, n)))
REFUSED = [n for n in CASES if read_case(n)[0].startswith("refused")]
BUILT = [n for n in CASES if read_case(n)[0] == "built"]


def overlay(name: str) -> dict[str, str | tuple[str, str]]:
    """{repo-relative path: source file, or ("link", target) for a symbolic link made from links.txt}"""
    out: dict[str, str | tuple[str, str]] = {}
    files = os.path.join(HOSTILE, name, "files")
    for dirpath, _, filenames in os.walk(files):
        for f in filenames:
            src = os.path.join(dirpath, f)
            out[os.path.relpath(src, files).replace(os.sep, "/")] = src
    renames = os.path.join(HOSTILE, name, "rename.txt")  # names git cannot check out everywhere
    if os.path.isfile(renames):
        with open(renames, encoding="utf-8") as fh:
            for line in fh:
                if "->" in line and not line.startswith("#"):
                    stored, real = (x.strip() for x in line.split("->", 1))
                    out[real] = out.pop(stored)
    links = os.path.join(HOSTILE, name, "links.txt")
    if os.path.isfile(links):
        with open(links, encoding="utf-8") as fh:
            for line in fh:
                if "->" in line:
                    rel, target = (x.strip() for x in line.split("->", 1))
                    out[rel] = ("link", target)
    return out


def lay(root: str, name: str) -> list[str]:
    """Lay a case over the tree; returns the paths it created (to be removed) after saving replaced files."""
    made = []
    for rel, src in overlay(name).items():
        dest = os.path.join(root, rel)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if os.path.lexists(dest):
            shutil.copyfile(dest, dest + ".torv-saved")
        else:
            made.append(dest)
        if isinstance(src, tuple):
            os.symlink(src[1], dest)
        else:
            shutil.copyfile(src, dest)
    return made


def unlay(root: str, name: str, made: list[str]) -> None:
    for dest in made:
        if os.path.islink(dest) or os.path.isfile(dest):
            os.remove(dest)
    for rel in overlay(name):
        dest = os.path.join(root, rel)
        if os.path.exists(dest + ".torv-saved"):
            os.replace(dest + ".torv-saved", dest)
    for top in ("docs", "news", "policy"):  # folders the case made, now empty
        for dirpath, dirnames, filenames in sorted(os.walk(os.path.join(root, top)), reverse=True):
            if not dirnames and not filenames and dirpath != os.path.join(root, top):
                os.rmdir(dirpath)


def base_tree(dest: str) -> str:
    shutil.copytree(BASE, dest)
    with open(CONFIG, encoding="utf-8") as fh:
        config = fh.read()
    with open(os.path.join(dest, "mkdocs.yml"), "w", encoding="utf-8") as fh:
        fh.write(config + f"# {CANARY}\n")  # mkdocs.yml must never be published
    shutil.copytree(os.path.join(ROOT, "overrides"), os.path.join(dest, "overrides"))
    shutil.copyfile(LOGO, os.path.join(dest, "docs", "logo.svg"))  # the fixture's extra.torv.logo
    with open(os.path.join(dest, "secret.txt"), "w", encoding="utf-8") as fh:
        fh.write(CANARY + "\n")
    return dest


def build(root: str) -> subprocess.CompletedProcess:
    """`torv build` with the renderer under test (as conftest.run_build), the canary in its environment."""
    env = dict(os.environ, TORV_CANARY=CANARY)  # the build's environment must never be published
    return subprocess.run(
        [*TORV, "build", "--root", root, "--today", BUILD_DATE, "--renderer", RENDERER],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def snapshot(folder: str) -> dict:
    out = {}
    for dirpath, _, filenames in os.walk(folder):
        for f in filenames:
            path = os.path.join(dirpath, f)
            with open(path, "rb") as fh:
                out[os.path.relpath(path, folder)] = (hashlib.sha256(fh.read()).hexdigest(), os.stat(path).st_mtime_ns)
    return out


# ---------------------------------------------------------------- refused cases


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """The base tree, built: the site every refused case must leave exactly as it is."""
    root = base_tree(str(tmp_path_factory.mktemp("hostile") / "repo"))
    proc = build(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root, snapshot(os.path.join(root, "site"))


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 60 and len(REFUSED) >= 40 and len(BUILT) >= 10


@pytest.mark.parametrize("name", REFUSED)
def test_refused(previous, name):
    root, before = previous
    kind, wanted = read_case(name)
    exit_code = int(kind.split()[1]) if " " in kind else 1  # 2: mkdocs.yml itself cannot be used
    made = lay(root, name)
    try:
        proc = build(root)
    finally:
        unlay(root, name, made)
    out = proc.stdout + proc.stderr
    assert proc.returncode == exit_code, out
    assert "Traceback" not in out and 'File "' not in out, out
    for where in wanted:
        assert re.search(rf"^{re.escape(where)}: ", out, re.M), f"{where} not reported:\n{out}"
    assert snapshot(os.path.join(root, "site")) == before, "the previous site changed"
    assert not [n for n in os.listdir(root) if n.startswith(".site-")], os.listdir(root)


# ---------------------------------------------------------------- built cases: one build for all


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    root = base_tree(str(tmp_path_factory.mktemp("hostile-built") / "repo"))
    seen: dict = {}
    for name in BUILT:
        for rel in overlay(name):
            assert rel not in seen, f"{name} and {seen[rel]} both change {rel}: they cannot be built together"
            seen[rel] = name
        lay(root, name)
    for saved in [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".torv-saved")]:
        os.remove(saved)
    proc = build(root)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    return root, out


URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",
    "ping",
    "background",
    "cite",
    "manifest",
    "icon",
    "codebase",
    "longdesc",
    "usemap",
    "lowsrc",
    "dynsrc",
    "srcset",
}
LOAD_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "ping", "xlink:href"}
LOADING_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"}
BAD_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.I)
# The theme's own script, as Material (../assets/..., /da/assets/...) and Zensical (./assets/...) name it.
THEME_SCRIPT = re.compile(r"^(\./|(\.\./)*|/(da|sv|en)/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


def squeezed(value: str) -> str:
    """An address as a browser reads it, and then some: entities are decoded by the parser; every
    whitespace and control character is removed."""
    return re.sub(r"[\x00-\x20\x7f-\x9f\u00a0\u2028\u2029]+", "", value)


def other_host(url: str) -> bool:
    url = squeezed(url)
    parts = urllib.parse.urlsplit(url)
    return bool(parts.scheme or parts.netloc or url.startswith(("//", "\\")))


class Scan(html.parser.HTMLParser):
    """What the acceptance scan looks for in one HTML text."""

    def __init__(self, theme_scripts: set | None):
        super().__init__(convert_charrefs=True)
        self.theme = theme_scripts
        self.problems: list[str] = []
        self.inline: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): v or "" for k, v in attrs}
        for name, value in a.items():
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(squeezed(value)):
                self.problems.append(f"{name}={value[:60]!r} on <{tag}>")
            if (
                name in LOAD_ATTRIBUTES
                and tag != "a"
                and other_host(value.split()[0] if name == "srcset" and value.split() else value)
            ):
                self.problems.append(f"<{tag} {name}={value[:60]!r}> loads from another host")
            if name == "style" and any(other_host(u) or BAD_SCHEME.match(squeezed(u)) for u in CSS_URL.findall(value)):
                self.problems.append(f"style loads from another host on <{tag}>")
        if tag == "link" and set(a.get("rel", "").lower().split()) & LOADING_LINKS and other_host(a.get("href", "")):
            self.problems.append(f"<link href={a.get('href')!r}> loads from another host")
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.problems.append("a meta refresh")
        if tag == "form" and other_host(a.get("action", "")):
            self.problems.append(f"a form sending to {a.get('action')!r}")
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.problems.append(f"<{tag}> element")
        if tag == "script":
            kind = a.get("type", "").lower()
            if "src" in a:
                if not THEME_SCRIPT.match(a["src"]):
                    self.problems.append(f"script from {a['src']!r}")
            elif kind in ("", "text/javascript", "module", "application/javascript"):
                self._script = ""

    def handle_data(self, data):
        if self._script is not None:
            self._script += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append(self._script)
            if self.theme is not None and normalised(self._script) not in self.theme:
                self.problems.append(f"an inline script that is not the theme's: {self._script[:80]!r}")
            self._script = None


def normalised(script: str) -> str:
    """Theme scripts differ from page to page only in the path of the site's root."""
    return re.sub(r'new URL\("[^"]*",location\)', 'new URL("",location)', script)


def theme_scripts(site: str) -> set[str]:
    found: set[str] = set()
    for dirpath, _, filenames in os.walk(site):
        for f in filenames:
            if f.endswith(".html"):
                scan = Scan(None)
                with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                    scan.feed(fh.read())
                found.update(normalised(s) for s in scan.inline)
    return found


def scan_site(site: str, root: str, theme: set) -> list[str]:
    problems = []
    for dirpath, _, filenames in os.walk(site):
        for f in filenames:
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, site).replace(os.sep, "/")
            with open(path, "rb") as fh:
                data = fh.read()
            if CANARY.encode() in data:
                problems.append(f"{rel}: holds a file from outside the content folders (or the environment)")
            text = data.decode("utf-8", "replace")
            if f.endswith((".html", ".svg")):
                scan = Scan(theme if f.endswith(".html") else set())
                scan.feed(text)
                problems += [f"{rel}: {p}" for p in scan.problems]
            if rel.split("/")[0] in LANGS and rel.split("/", 1)[1] == SEARCH_INDEX:
                for doc in search_index(site, rel.split("/")[0])["docs"]:
                    scan = Scan(set())
                    scan.feed(doc.get("title", "") + " " + doc.get("text", ""))
                    where = doc.get("location") or doc.get("url") or "?"
                    problems += [f"{rel} ({where}): {p}" for p in scan.problems if "inline script" not in p]
            m = re.match(r"^(da|sv|en)/media/(.*)$", rel)
            if m:
                # a smaller copy of a picture (pictures.renditions: <picture>.<width>w.<format>) is made from it
                copy = re.match(r"^(.*)\.(\d+)w\.(jpg|jpeg|png|webp)$", m.group(2))
                named = copy.group(1) if copy else m.group(2)
                source = os.path.join(root, named)
                if named.split("/")[0] not in ("policy", "news", "docs") or os.path.islink(source):
                    problems.append(f"{rel}: a file from outside the content folders")
                elif copy:
                    with Image.open(io.BytesIO(data)) as made, Image.open(source) as original:
                        if made.width != int(copy.group(2)) or made.width > original.width:
                            problems.append(f"{rel}: not a smaller copy of the picture {copy.group(1)}")
                else:
                    with open(source, "rb") as fh:
                        if fh.read() != data:
                            problems.append(f"{rel}: not the content file it was copied from")
    return problems


def test_built_cases_hold_nothing_that_runs_or_loads_from_elsewhere(previous, accepted):
    root, _ = accepted
    site = os.path.join(root, "site")
    theme = theme_scripts(os.path.join(previous[0], "site"))
    assert theme, "the base site has the theme's inline scripts"
    problems = scan_site(site, root, theme)
    assert not problems, "\n".join(problems)


def test_the_scan_finds_what_it_looks_for(previous, tmp_path):
    """The scan itself: a page with each kind of problem is reported."""
    site = tmp_path / "site"
    (site / "da").mkdir(parents=True)
    (site / "da" / "index.html").write_text(
        '<a href="jav&#x61;script:x">a</a><img src="https://evil.example/x.png"><p ONCLICK="x">'
        '<a href=" java\tscript:x">b</a><script>alert(1)</script><script src="https://evil.example/x.js"></script>'
        '<p style="background:url(//evil.example/x)"></p><iframe src="x"></iframe>',
        encoding="utf-8",
    )
    problems = scan_site(str(site), str(tmp_path), theme_scripts(os.path.join(previous[0], "site")))
    assert len(problems) == 9, problems  # the foreign script counts twice: a script, and a load


def test_nothing_from_outside_the_content_folders_is_published(accepted):
    root, _ = accepted
    for dirpath, _, filenames in os.walk(os.path.join(root, "site")):
        for f in filenames:
            with open(os.path.join(dirpath, f), "rb") as fh:
                data = fh.read()
            assert b"hemmelig-kommentar-7f3a" not in data, "an HTML comment was published"
            assert b"root:x:0:0" not in data and CANARY.encode() not in data


def page_files(site: str) -> list[str]:
    return sorted(
        os.path.relpath(os.path.join(d, f), site).replace(os.sep, "/")
        for d, _, fs in os.walk(site)
        for f in fs
        if f.endswith(".html")
    )


def visible_text(page: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    for el in soup(["script", "style"]):
        el.decompose()
    return soup.get_text(" ")


def test_markup_in_text_fields_is_shown_as_text_on_every_page(accepted):
    """The municipality's name (with markup) is on every page of every language; the other fields on theirs."""
    root, _ = accepted
    site = os.path.join(root, "site")
    pages = [p for p in page_files(site) if p.split("/")[0] in LANGS] + ["index.html", "404.html"]
    assert len(pages) > 40
    for rel in pages:
        with open(os.path.join(site, rel), encoding="utf-8") as fh:
            page = fh.read()
        assert PAYLOAD in visible_text(page), f"{rel}: the name is not shown as text"
        assert "<img src=x" not in page, f"{rel}: the markup became an element"
    # each field on its page (Danish): pillar, policy, news item, meeting, tag, contact, page
    expected_on = {
        "da/politik/dialog/index.html": 3,
        "da/politik/index.html": 4,
        "da/kontakt/index.html": 6,
        "da/nyheder/dialogmoede/index.html": 6,
        "da/om/index.html": 3,
    }
    for rel, at_least in expected_on.items():
        with open(os.path.join(site, rel), encoding="utf-8") as fh:
            count = visible_text(fh.read()).count(PAYLOAD)
        assert count >= at_least, f"{rel}: {count} texts with markup shown, expected {at_least}"


# ---------------------------------------------------------------- Chromium

HOOKS = """
(() => {
  const ran = window.__torv_ran = [];
  const csp = window.__torv_csp = [];
  for (const f of ['alert', 'confirm', 'prompt', 'print', 'open']) window[f] = (...a) => { ran.push(f); };
  const fetch0 = window.fetch;
  window.fetch = (u, ...a) => { const url = new URL(String(u && u.url || u), location.href);
    if (url.origin !== location.origin) ran.push('fetch ' + url); return fetch0(u, ...a); };
  const open0 = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (m, u, ...a) { const url = new URL(String(u), location.href);
    if (url.origin !== location.origin) ran.push('xhr ' + url); return open0.call(this, m, u, ...a); };
  navigator.sendBeacon = (u) => { ran.push('beacon ' + u); return true; };
  document.addEventListener('securitypolicyviolation',
    e => csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
})();
"""


@pytest.mark.browser
def test_in_chromium_nothing_from_the_built_cases_runs(browser, accepted):
    root, _ = accepted
    site = os.path.join(root, "site")
    base, server = serve(site)
    try:
        ctx = browser.new_context()
        ctx.add_init_script(HOOKS)
        dialogs: list[str] = []
        requests: list[str] = []
        errors: list[str] = []
        ctx.on("request", lambda r: requests.append(r.url))
        page = ctx.new_page()

        def dismiss(dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", dismiss)
        page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
        problems = []
        for rel in page_files(site):
            if rel == "index.html":
                continue  # the language chooser navigates on purpose (checked in the CSP test)
            url = base + rel
            page.goto(url, wait_until="load")
            for link in page.query_selector_all("article a, article img, article details, article summary")[:40]:
                with contextlib.suppress(Exception):
                    link.hover(timeout=500)
            page.wait_for_timeout(50)
            state = page.evaluate("({ran: window.__torv_ran, csp: window.__torv_csp})")
            if page.url != url:
                problems.append(f"{rel}: navigated to {page.url}")
            if state["ran"] or state["csp"]:
                problems.append(f"{rel}: ran {state['ran']}, CSP violations {state['csp']}")
        ctx.close()
        problems += [f"dialog: {d}" for d in dialogs] + [f"console: {e}" for e in errors]
        problems += [f"request to another host: {u}" for u in requests if not u.startswith(base)]
        assert not problems, "\n".join(problems)
    finally:
        server.shutdown()


def test_feeds_and_calendars_hold_the_markup_as_text(accepted):
    """The news feed parses as XML and the calendars as iCalendar, with the texts exactly as written: no
    element, no property injected."""
    import xml.etree.ElementTree as ET

    import icalendar

    root, _ = accepted
    atom = "{http://www.w3.org/2005/Atom}"
    for lang in LANGS:
        feed = ET.parse(os.path.join(root, "site", lang, "feed.xml")).getroot()
        assert feed.findtext(f"{atom}author/{atom}name") == PAYLOAD
        with open(os.path.join(root, "site", lang, "calendar.ics"), "rb") as fh:
            calendar = icalendar.Calendar.from_ical(fh.read())
        events = calendar.walk("VEVENT")
        assert len(events) == 1, [str(e.get("SUMMARY")) for e in events]
        assert str(calendar["X-WR-CALNAME"]).startswith(PAYLOAD)
    feed = ET.parse(os.path.join(root, "site", "da", "feed.xml")).getroot()
    assert PAYLOAD in [e.findtext(f"{atom}title") for e in feed.findall(f"{atom}entry")]
    with open(os.path.join(root, "site", "da", "calendar.ics"), "rb") as fh:
        [event] = icalendar.Calendar.from_ical(fh.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == PAYLOAD and str(event["LOCATION"]).startswith(PAYLOAD)
