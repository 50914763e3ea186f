"""Command-line entry points. Thin: parse options, call pure functions, print, exit.

Exit codes: 0 content valid (or done), 1 content errors, 2 usage or configuration problem.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from .content import ConfigError, discover, load_settings, load_site
from .render import RENDERERS


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-01-15, found {value!r}") from None


def common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")
    parser.add_argument("--today", type=_date, default=None,
                        help="the build date, e.g. 2026-01-15 (default: today in the site's time zone)")


def validate_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="validate", description="Check all Torv content and report every problem.")
    common(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--format", choices=["text", "github", "json"], default="text",
                        help="text (default), github (Actions annotations) or json")
    args = parser.parse_args(argv)
    try:
        _, report = load_site(os.path.abspath(args.root), today=args.today)
    except ConfigError as exc:
        print(exc.report.render(args.format))
        return 2
    if args.strict:
        report = report.strict()
    print(report.render(args.format))
    return 1 if report.errors else 0


def run(func, argv=None) -> int:
    try:
        return func(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def build_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build", description="Validate the content and build site/ in every language.")
    common(parser)
    parser.add_argument("--out", default=None, help="output folder (default: site/ in the repository)")
    parser.add_argument("--no-strict", dest="strict", action="store_false",
                        help="let MkDocs warnings pass (default: any warning fails the build)")
    parser.add_argument("--renderer", choices=RENDERERS, default=None,
                        help="material (Material for MkDocs) or zensical (default: extra.torv.renderer in "
                             "mkdocs.yml, else material)")
    args = parser.parse_args(argv)
    from .build import build
    return build(args.root, today=args.today, out=args.out, strict=args.strict, renderer=args.renderer)


def new_main(argv: list[str] | None = None) -> int:
    """Create the files of a new news item, meeting or commitment (scripts/new.py, `make news` ...)."""
    parser = argparse.ArgumentParser(
        prog="new", description="Create a new news item, meeting or commitment, in every configured language.")
    kinds = parser.add_subparsers(dest="kind", metavar="news|meeting|commitment")
    kinds.required = True
    news = kinds.add_parser("news", help="a news item dated today: new.py news \"Title\"")
    meeting = kinds.add_parser("meeting", help='a meeting: new.py meeting "Title" --start "2026-12-03 08:30"')
    for p in (news, meeting):
        p.add_argument("title", nargs="?", default="", help="the title in the default language")
        p.add_argument("--summary", default="", help="one or two sentences for lists and feeds (default: the title)")
    meeting.add_argument("--start", default="", help="local date and time, e.g. 2026-12-03 08:30")
    meeting.add_argument("--end", default="", help="local date and time it ends (optional)")
    meeting.add_argument("--location", default="", help="where, e.g. Havbjerg Rådhus, mødesal 1 (optional)")
    commitment = kinds.add_parser("commitment", help='a planned commitment: new.py commitment dialog "Text"')
    commitment.add_argument("pillar", nargs="?", default="", help="the pillar's id (its file name), e.g. dialog")
    commitment.add_argument("text", nargs="?", default="", help="the commitment in the default language")
    commitment.add_argument("--id", default="", help="the commitment's id (default: made from the text)")
    for p in (news, meeting, commitment):
        common(p)
    args = parser.parse_args(argv)

    from . import scaffold
    from .content import today_in
    root = os.path.abspath(args.root)
    try:
        settings = load_settings(root)
    except ConfigError as exc:
        print(exc.report.render())
        return 2
    today = args.today or today_in(settings.timezone)
    markdown = [rel for rel in discover(root) if rel.endswith(".md")]
    try:
        if args.kind == "commitment":
            existing = _read_files(root, [rel for rel in markdown if rel.rsplit("/", 1)[0] == "policy/pillars"])
            files = scaffold.add_commitment(settings, existing, args.pillar, args.text, args.id or None)
        else:
            if args.kind == "meeting" and not args.start:
                raise scaffold.ScaffoldError('missing start: a meeting needs its local date and time, '
                                             'e.g. START="2026-12-03 08:30"')
            names = [rel for rel in markdown if rel.startswith("news/")]
            files = scaffold.new_news(settings, _read_files(root, names), args.title, today,
                                      summary=args.summary or None, start=getattr(args, "start", None) or None,
                                      end=getattr(args, "end", None) or None,
                                      location=getattr(args, "location", None) or None)
    except scaffold.ScaffoldError as exc:
        print(f"Nothing was created: {exc}")
        return 2
    for rel, text in files.items():
        path = os.path.join(root, rel)
        if args.kind != "commitment" and os.path.exists(path):
            print(f"Nothing was created: {rel} exists already")
            return 2
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    default = settings.default_language
    verb = "Changed" if args.kind == "commitment" else "Created"
    print(f"{verb}:")
    for rel in files:
        lang = rel.rsplit(".", 2)[-2]
        if args.kind == "commitment":
            note = "added with status: planned" if lang == default else "translate the text marked TODO:"
        else:
            note = "write the text here" if lang == default else "translate every text marked TODO:"
        print(f"  {rel}   {note}")
    print("Then run `make validate`: it lists every TODO: still to translate.")
    if args.kind != "commitment":
        print("Not ready to translate? Delete those files for now: the page is shown in the default language.")
    return 0


def _read_files(root: str, names: list[str]) -> dict:
    out = {}
    for rel in names:
        with open(os.path.join(root, rel), encoding="utf-8", newline="") as fh:
            out[rel] = fh.read()
    return out


def serve_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="serve", description="Live preview on http://127.0.0.1:8000: builds into build/preview/site/ "
                                  "(drafts and scheduled items included, marked as such), rebuilds when a "
                                  "file in news/, policy/, docs/, overrides/ or mkdocs.yml is saved, and "
                                  "reloads the browser. site/ is never touched.")
    common(parser)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free port)")
    args = parser.parse_args(argv)
    import functools
    import signal

    from .serve import serve

    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)   # `kill` stops the preview as cleanly as Ctrl-C
    return serve(os.path.abspath(args.root), port=args.port, today=args.today,
                 log=functools.partial(print, flush=True))
