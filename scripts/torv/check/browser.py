"""The checks in Chromium: axe-core's WCAG 2.1 A/AA rules, every request a page makes, cookies and storage."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field
from typing import Any

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 740}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def axe_problems(page: Any, context: Any = None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, context=context, options=AXE_OPTIONS)
    out = []
    for v in result.response["violations"]:
        # a target in a shadow root (Zensical's search dialog) is a list: host, then the path inside
        targets = "; ".join(
            " ".join(" >>> ".join(t) if isinstance(t, list) else t for t in n["target"]) for n in v["nodes"][:5]
        )
        out.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])}x: {targets}]")
    return out


def without_scripts(page: Any, url: str) -> None:
    """Load `url` as a visitor without JavaScript sees it (the root page's script redirects at once):
    the same bytes, served with a Content-Security-Policy that blocks the page's own scripts."""

    def handle(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "script-src 'none'"})

    page.route(url, handle)
    try:
        page.goto(url)
    finally:
        page.unroute(url)


@dataclass
class RequestLog:
    """Every request a browser context makes (pages and their workers), and every response's status."""

    urls: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)

    def attach(self, context: Any) -> RequestLog:
        context.on("request", lambda r: self.urls.append(r.url))
        context.on("response", lambda r: self.statuses.__setitem__(r.url, r.status))
        return self

    def third_party(self, origin: str) -> list[str]:
        """Requests to anywhere but `origin` (like http://127.0.0.1:8000)."""
        own = urllib.parse.urlsplit(origin)
        out = []
        for url in self.urls:
            u = urllib.parse.urlsplit(url)
            if u.scheme in ("data", "blob", "about"):
                continue
            if (u.scheme, u.netloc) != (own.scheme, own.netloc):
                out.append(f"request to another host: {url}")
        return sorted(set(out))

    def failed(self) -> list[str]:
        return sorted(f"HTTP {status}: {url}" for url, status in self.statuses.items() if status >= 400)


STORAGE_JS = """async () => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  indexeddb: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
  caches: (await caches.keys())
})"""


def stored(context: Any, page: Any) -> list[str]:
    """Cookies in the context, and what the page's origin keeps in the browser."""
    out = [f"cookie {c['name']} ({c['domain']})" for c in context.cookies()]
    found = page.evaluate(STORAGE_JS)
    for kind, names in found.items():
        out += [f"{kind}: {name}" for name in names]
    return out
