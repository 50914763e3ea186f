"""Live preview (`make serve`): build into build/preview/site/, serve it on 127.0.0.1, rebuild when a
content file is saved, and make open pages reload themselves.

- Drafts and scheduled news items are shown, each with a notice (`build(..., preview=True)`);
  `site/` is never touched.
- Watches news/, policy/, docs/, overrides/ and mkdocs.yml (watchdog); rebuilds once the files have
  been quiet for a moment (debounced), one build at a time, and only what changed: the languages whose
  generated files changed, within a language only the changed pages (incremental.py).
- Every served HTML page loads a small script from this server (/__torv/reload.js, the file reload.js:
  the pages' Content-Security-Policy allows no inline script but their own) that polls `/__torv/version`
  on the same server and reloads the page after a successful rebuild; it makes no other request.
- Only requests addressed to 127.0.0.1 or localhost (the Host header) are answered: a web page elsewhere
  cannot read the drafts through DNS rebinding.
- On a validation or build error the report is printed (and shown in the page), and the last good
  preview stays served.
- The hreflang links are served root-relative: Material's script fetches `<alternate>/sitemap.xml`
  for each of them, which with the public address (site_url) would be a request to another host.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import re
import threading
import time
from collections.abc import Iterable

from .build import preview_paths
from .incremental import PreviewBuilder
from .settings import ConfigError, load_settings

WATCHED_DIRS = ("news", "policy", "docs", "overrides")
WATCHED_FILES = ("mkdocs.yml",)
VERSION_PATH = "/__torv/version"
SCRIPT_PATH = "/__torv/reload.js"
SCRIPT_FILE = os.path.join(os.path.dirname(__file__), "reload.js")
# The Host header of a request the preview answers: this machine, by address or name (any port).
LOCAL_HOST = re.compile(r"^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$", re.I)
NOT_LOCAL = b"The Torv preview answers only requests to 127.0.0.1 or localhost.\n"
DEBOUNCE_S = 0.15
POLL_MS = 250

# Added before </body> of every served HTML page: the build the page came from, where to ask, how often.
RELOAD_TAG = '<script src="%(src)s" data-version="%(version)d" data-status="%(status)s" data-poll="%(poll)d"></script>'

FINISHED = '<meta http-equiv="Content-Security-Policy"'  # what the finishing pass adds to every page (finish/csp.py)
WAITING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Torv preview</title></head>
<body><main><h1>Torv preview</h1><p>%(text)s</p></main></body></html>"""


def languages_of(paths: Iterable[str]) -> list[str]:
    """The languages of saved content files (news/x.sv.md -> sv), to be rebuilt first."""
    out = []
    for path in paths:
        parts = os.path.basename(path).split(".")
        if len(parts) >= 3 and parts[-1] == "md":
            out.append(parts[-2])
    return list(dict.fromkeys(out))


class Preview:
    """The state of one live preview: the repository, the served folder, the build counter."""

    def __init__(self, root: str, today: dt.date | None = None, log=print, debounce: float = DEBOUNCE_S):
        self.root = os.path.abspath(root)
        self.today = today
        self.log = log
        self.debounce = debounce
        self.out = preview_paths(self.root)[1]
        self.builder: PreviewBuilder | None = None  # made by the first build, kept: it remembers what it built
        self.version = 0  # successful builds so far; pages reload when it changes
        self.error: str | None = None  # the last failed build's report, until a build succeeds
        self.building = False
        self.site_url = ""  # the public address, made root-relative in hreflang links
        self._lines: list[str] = []
        self._build_lock = threading.Lock()
        self._changed = threading.Event()
        self._last_change = 0.0
        self._paths: set[str] = set()  # files saved since the last rebuild
        self._stop = threading.Event()

    # ---- building
    def rebuild(self, paths: Iterable[str] = ()) -> int:
        """Build the preview once; returns build()'s exit code. Keeps the last good preview on failure."""
        with self._build_lock:
            self.building = True
            self._lines = []

            def log(text=""):
                self._lines.append(str(text))
                self.log(text)

            with contextlib.suppress(ConfigError):  # the build reports a broken mkdocs.yml
                self.site_url = load_settings(self.root).site_url
            try:
                if self.builder is None:
                    self.builder = PreviewBuilder(self.root, today=self.today, log=log)
                self.builder.log = log

                def shown(langs: list[str]) -> None:  # new pages are served: open pages reload
                    self.version += 1
                    self.error = None

                outcome = self.builder.build(first=languages_of(paths), rendered=shown)
                rc = outcome.code
            except Exception as exc:  # a crash must not stop the preview: report it, keep serving
                log(f"The preview could not be built: {exc!r}")
                rc = 1
                self.builder = None  # the next build starts afresh
            finally:
                self.building = False
            if rc == 0:
                self.error = None
            else:
                self.error = "\n".join(self._lines).strip() or f"The build failed (exit code {rc})."
                self.log(
                    "The last good preview is still served."
                    if self.version
                    else "Nothing to show yet: fix the problem above and save; the preview rebuilds."
                )
            return rc

    def status(self) -> dict:
        return {"version": self.version, "error": self.error, "building": self.building}

    # ---- watching
    def changed(self, path: str) -> None:
        """A watched file changed: rebuild after `debounce` seconds without further changes."""
        self._paths.add(path)
        self._last_change = time.monotonic()
        self._changed.set()

    def _rebuild_loop(self) -> None:
        while not self._stop.is_set():
            if not self._changed.wait(0.2):
                continue
            while time.monotonic() - self._last_change < self.debounce and not self._stop.is_set():
                time.sleep(0.05)
            if self._stop.is_set():
                return
            self._changed.clear()
            paths, self._paths = self._paths, set()
            self.log("Change seen: rebuilding the preview ...")
            self.rebuild(paths)

    def watch(self):
        """Start watching the content; returns the watchdog observer (call .stop() to end)."""
        from watchdog.events import FileSystemEventHandler

        preview = self
        watched_files = {os.path.join(self.root, f) for f in WATCHED_FILES}
        watched_dirs = [os.path.join(self.root, d) for d in WATCHED_DIRS]

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.event_type in ("opened", "closed_no_write"):
                    return
                for p in (event.src_path, getattr(event, "dest_path", "") or ""):
                    p = os.fsdecode(p) if p else ""
                    if p and relevant(p):
                        preview.changed(p)
                        return

        def relevant(path: str) -> bool:
            name = os.path.basename(path)
            if name.startswith((".#", "~")) or name.endswith(("~", ".swp", ".swx", ".tmp")):
                return False  # editors' backup and lock files
            path = os.path.abspath(path)
            return path in watched_files or any(path == d or path.startswith(d + os.sep) for d in watched_dirs)

        observer = _start_observer(Handler(), [d for d in watched_dirs if os.path.isdir(d)], self.root)
        threading.Thread(target=self._rebuild_loop, name="torv-rebuild", daemon=True).start()
        return observer

    def stop(self) -> None:
        self._stop.set()


def _start_observer(handler, dirs: list[str], root: str):
    """watchdog's native observer (inotify on Linux), or polling where that cannot start
    (e.g. the system's inotify watch limit is reached)."""
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    for make in (Observer, lambda: PollingObserver(timeout=0.5)):
        observer = make()
        for d in dirs:
            observer.schedule(handler, d, recursive=True)
        observer.schedule(handler, root, recursive=False)  # mkdocs.yml
        observer.daemon = True
        try:
            observer.start()
            return observer
        except OSError:
            continue
    raise RuntimeError("cannot watch the content folders for changes")


# ---------------------------------------------------------------- serving


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview folder; adds the reload script to HTML pages; answers /__torv/version."""

    preview: Preview  # passed in by make_server

    def __init__(self, *args, preview: Preview, **kwargs):
        self.preview = preview
        super().__init__(*args, directory=preview.out, **kwargs)

    def log_message(self, format, *args):  # keep the terminal for build reports
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def local(self) -> bool:
        """Whether the request is addressed to this machine (no DNS rebinding); answers 421 if not."""
        if LOCAL_HOST.match(self.headers.get("Host") or ""):
            return True
        self._send(421, "text/plain; charset=utf-8", b"" if self.command == "HEAD" else NOT_LOCAL)
        return False

    def do_HEAD(self):
        if self.local():
            super().do_HEAD()

    def do_GET(self):
        if not self.local():
            return None
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == SCRIPT_PATH:
            with open(SCRIPT_FILE, "rb") as fh:
                return self._send(200, "text/javascript; charset=utf-8", fh.read())
        if path == VERSION_PATH:
            return self._send(200, "application/json", json.dumps(self.preview.status()).encode())
        if not os.path.isdir(self.preview.out):
            text = (
                "The preview is being built ..."
                if self.preview.error is None
                else "The preview could not be built: see the report in the terminal."
            )
            return self._send(503, "text/html; charset=utf-8", self._inject(WAITING_PAGE % {"text": text}))
        fs_path = self.translate_path(self.path)
        if os.path.isdir(fs_path):
            if not path.endswith("/"):
                return super().do_GET()  # redirect to the folder URL
            fs_path = os.path.join(fs_path, "index.html")
        if fs_path.endswith(".html") and os.path.isfile(fs_path):
            with open(fs_path, encoding="utf-8") as fh:
                return self._send_page(200, fh.read())
        if not os.path.exists(fs_path):
            notfound = os.path.join(self.preview.out, "404.html")
            if os.path.isfile(notfound):
                with open(notfound, encoding="utf-8") as fh:
                    return self._send_page(404, fh.read())
        return super().do_GET()

    def _send_page(self, code: int, page: str):
        """A built page, only once it is finished (sanitised, with its CSP): a page the live preview's partial
        render has just written and not yet finished is answered as being rebuilt, and reloads when it is."""
        if FINISHED not in page[:4096]:
            text = "This page is being rebuilt ..."
            return self._send(503, "text/html; charset=utf-8", self._inject(WAITING_PAGE % {"text": text}))
        return self._send(code, "text/html; charset=utf-8", self._inject(page))

    def _inject(self, page: str) -> bytes:
        script = RELOAD_TAG % {
            "src": SCRIPT_PATH,
            "version": self.preview.version,
            "status": VERSION_PATH,
            "poll": POLL_MS,
        }
        if self.preview.site_url:
            page = re.sub(
                r'(<link rel="alternate" hreflang="[^"]*" href=")' + re.escape(self.preview.site_url), r"\1/", page
            )
        at = page.rfind("</body>")
        page = page[:at] + script + page[at:] if at >= 0 else page + script
        return page.encode("utf-8")

    def _send(self, code: int, ctype: str, body: bytes):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_server(preview: Preview, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """Bind the preview server (port 0: any free port); raises OSError when the port is taken."""
    handler = functools.partial(PreviewHandler, preview=preview)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def serve(root: str, port: int = 8000, today: dt.date | None = None, host: str = "127.0.0.1", log=print) -> int:
    """Run the live preview until interrupted (Ctrl-C). Returns an exit code."""
    preview = Preview(root, today=today, log=log)
    lock = _lock(os.path.dirname(preview.out))
    if lock is None:
        log(f"Another preview of {preview.root} is running: stop it first (Ctrl-C in its terminal).")
        return 2
    try:
        server = make_server(preview, host, port)
    except OSError as exc:
        lock.close()
        log(
            f"Cannot serve on {host}:{port} ({exc.strerror or exc}): is another program using the port? "
            f"Try another one, e.g. --port {port + 1}"
        )
        return 2
    url = f"http://{host}:{server.server_address[1]}/"
    threading.Thread(target=server.serve_forever, name="torv-http", daemon=True).start()
    observer = preview.watch()  # first: a file saved during the first build is not missed
    log(f"Building the preview of {preview.root} ...")
    preview.rebuild()
    log(
        f"Preview on {url} (drafts and scheduled items included). Watching "
        f"{', '.join(d + '/' for d in WATCHED_DIRS)} and {', '.join(WATCHED_FILES)}; Ctrl-C stops."
    )
    try:
        while True:  # short sleeps: a signal the kernel hands to another thread is still seen within a second
            time.sleep(1)
    except KeyboardInterrupt:
        log("Stopping the preview.")
        return 0
    finally:
        preview.stop()
        observer.stop()
        server.shutdown()
        server.server_close()
        lock.close()


def _lock(folder: str):
    """An exclusive lock on the preview folder (two previews would overwrite each other's build):
    an open file while held, None when another process holds it."""
    os.makedirs(folder, exist_ok=True)
    fh = open(os.path.join(folder, ".lock"), "a")  # noqa: SIM115 - held open while the preview runs
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return fh
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        return None
    return fh
