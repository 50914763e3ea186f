"""The built site served on 127.0.0.1 the way a static host serves it: under site_url's path (a project site's
/repo/), folders by their index.html, and the root 404.html with status 404 for anything missing (GitHub Pages)."""

from __future__ import annotations

import functools
import http.server
import os
import threading
import urllib.parse
from typing import Any


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def __init__(self, *args: Any, prefix: str = "/", **kw: Any) -> None:
        self.prefix = prefix
        super().__init__(*args, **kw)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        bare = urllib.parse.urlsplit(path).path
        if not bare.startswith(self.prefix):
            return os.path.join(self.directory, ".not-here")
        return super().translate_path("/" + bare[len(self.prefix) :])

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.not_found()  # a host lists no folders
        return None

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.not_found()
            return None
        return super().send_head()

    def not_found(self) -> None:
        page = os.path.join(self.directory, "404.html")
        body = b"Not found"
        if os.path.isfile(page):
            with open(page, "rb") as fh:
                body = fh.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class SiteServer:
    """A folder served in a thread on 127.0.0.1 (a free port) under `prefix` (`/` or `/repo/`); `url` is its address."""

    def __init__(self, directory: str, prefix: str = "/", port: int = 0) -> None:
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = functools.partial(_Handler, directory=directory, prefix=prefix)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def url_path(site_url: str) -> str:
    """The path of a site_url (`/repo/` of https://org.github.io/repo/), `/` without one."""
    return urllib.parse.urlsplit(site_url).path or "/" if site_url else "/"
