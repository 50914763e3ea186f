"""`torv check`: validate --strict, build, then check what was built, whatever the content; exit 0 only if all pass.

The checks know nothing of the content: every kind of page the site has, in every language, with axe-core in
Chromium at desktop and mobile size; every request those pages make goes to the site itself and nothing is
stored in the browser; every link and anchor resolves; the W3C validator finds no error; no section is empty.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..settings import ConfigError, SiteSettings, load_settings
from .html import VNU_JAR, ToolMissing, Validator, html_files
from .links import broken_links
from .pages import ROOT_PAGES, pages_by_kind
from .sections import empty_sections
from .server import SiteServer, url_path

Log = Callable[[str], None]
SHOWN = 25  # problems listed per check; the count says how many more


@dataclass
class Outcome:
    """One check's result: its name, what it looked at, and its problems (none: passed)."""

    name: str
    scope: str
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        if not self.problems:
            return [f"ok    {self.name}: {self.scope}"]
        out = [f"FAIL  {self.name}: {self.scope}: {len(self.problems)} problem(s)"]
        out += [f"      {p}" for p in self.problems[:SHOWN]]
        if len(self.problems) > SHOWN:
            out.append(f"      ... and {len(self.problems) - SHOWN} more")
        return out


def browser_checks(
    site_dir: str, build_dir: str, settings: SiteSettings, browser: Any = None
) -> tuple[Outcome, Outcome, int]:
    """axe-core on every kind of page in every language at desktop and mobile size, and every request and cookie
    of those visits; the site served under site_url's path, as the host will serve it. In Chromium, started here
    unless a running `browser` (Playwright's) is given."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        from ..screenshot import CHROMIUM, CHROMIUM_ARGS

        if not os.path.exists(CHROMIUM):
            raise ToolMissing("Chromium is not installed: `make check` installs it (apt-get install chromium)")
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                return browser_checks(site_dir, build_dir, settings, chromium)
            finally:
                chromium.close()
    from .browser import VIEWPORTS, RequestLog, axe_problems, stored, without_scripts

    kinds = pages_by_kind(build_dir, settings.languages)
    pages = [address for lang in settings.languages for address in kinds[lang].values()]
    axe, privacy = [], []
    with SiteServer(site_dir, url_path(settings.site_url)) as server:
        for name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport)
            log = RequestLog().attach(context)
            page = context.new_page()
            for address in pages:
                # the first page of a language loads its search index and worker: wait for them
                first = address.endswith("/") and address.count("/") == 1
                page.goto(server.url + address, wait_until="networkidle" if first else "load")
                axe += [f"{address} ({name}): {problem}" for problem in axe_problems(page)]
            for root_page, address in ROOT_PAGES.items():
                if root_page == "chooser":
                    without_scripts(page, server.url + address)  # with scripts it sends the visitor on
                else:
                    page.goto(server.url + address)
                axe += [f"{address} ({name}): {problem}" for problem in axe_problems(page)]
            privacy += log.third_party(server.url) + log.failed()
            privacy += [f"stored in the browser: {what}" for what in stored(context, page)]
            context.close()
    count = len(pages) + len(ROOT_PAGES)
    return (
        Outcome("accessibility (axe-core, WCAG 2.1 AA)", f"{count} pages at desktop and mobile size", axe),
        Outcome("privacy", "every request to the site itself, no cookie, nothing stored", sorted(set(privacy))),
        count,
    )


def check_site(root: str, site_dir: str, build_dir: str, settings: SiteSettings, browser: Any = None) -> list[Outcome]:
    """The checks of a built site (site_dir, from the build tree build_dir); `browser`: a running Chromium."""
    pages = html_files(site_dir)
    validator = Validator(pages, site_dir, os.path.join(root, VNU_JAR))  # in the background, one Java process
    try:
        outcomes = list(browser_checks(site_dir, build_dir, settings, browser)[:2])
        outcomes.append(Outcome("links and anchors", f"{len(pages)} pages", broken_links(site_dir, settings.site_url)))
        outcomes.append(Outcome("no empty section", f"{len(pages)} pages", empty_sections(site_dir)))
        outcomes.append(Outcome("HTML (W3C Nu validator)", f"{len(pages)} pages", validator.problems()))
    finally:
        if validator.proc.poll() is None:
            validator.proc.kill()
    return outcomes


def check(root: str, today: dt.date | None = None, log: Log = print, renderer: str | None = None) -> int:
    """Validate (--strict), build site/ (with `renderer`, default the setting's), check it. 0: everything passed;
    1: a problem; 2: a configuration problem or a tool that is missing."""
    from ..build import build
    from ..site import load_site

    started = time.monotonic()
    root = os.path.abspath(root)
    try:
        settings = load_settings(root)
        _, report = load_site(root, today=today, settings=settings)
    except ConfigError as exc:
        log(exc.report.render())
        return 2
    report = report.strict()
    if report.errors:
        log(report.render())
        log("FAIL  validate --strict: fix the problems above (warnings count as errors here); nothing was built.")
        return 1
    log(f"ok    validate --strict: {report.summary()}")
    if build(root, today=today, log=lambda line: log(f"      {line}"), renderer=renderer) != 0:
        log("FAIL  build: see above.")
        return 1
    try:
        outcomes = check_site(root, os.path.join(root, "site"), os.path.join(root, "build"), settings)
    except ToolMissing as exc:
        log(f"FAIL  {exc}")
        return 2
    except ModuleNotFoundError as exc:
        log(f"FAIL  {exc.name} is not installed: `make check` installs what the check needs (requirements-test.txt)")
        return 2
    for outcome in outcomes:
        for line in outcome.lines():
            log(line)
    failed = [o for o in outcomes if o.problems]
    seconds = time.monotonic() - started
    if failed:
        log(f"The check failed ({', '.join(o.name for o in failed)}), in {seconds:.0f} s.")
        _annotate(failed, log)
        return 1
    log(f"Everything passed, in {seconds:.0f} s.")
    return 0


def _annotate(failed: list[Outcome], log: Log) -> None:
    """In GitHub Actions: one annotation per failed check on the run's summary page."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    for o in failed:
        first = o.problems[0].replace("%", "%25").replace("\r", "").replace("\n", " ")
        log(f"::error title=Torv check: {o.name}::{len(o.problems)} problem(s), the first: {first}")


__all__ = ["Outcome", "check", "check_site"]
