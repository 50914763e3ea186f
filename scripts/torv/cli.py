"""The `torv` command: parse the options of a subcommand, call the pure functions, print, exit.

    torv validate | build | assemble | check | serve | new | init | schemas | bench    (each with --help)

Exit codes: 0 content valid (or done), 1 content errors, 2 usage or configuration problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from .render import RENDERERS
from .settings import ConfigError
from .site import load_site


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2026-01-15, found {value!r}") from None


def common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")
    parser.add_argument(
        "--today",
        type=_date,
        default=None,
        help="the build date, e.g. 2026-01-15 (default: today in the site's time zone)",
    )


# ---------------------------------------------------------------- torv validate


def validate_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text (default), github (Actions annotations) or json",
    )


def validate(args: argparse.Namespace) -> int:
    try:
        _, report = load_site(os.path.abspath(args.root), today=args.today)
    except ConfigError as exc:
        print(exc.report.render(args.format))
        return 2
    if args.strict:
        report = report.strict()
    print(report.render(args.format))
    return 1 if report.errors else 0


# ---------------------------------------------------------------- torv build


def build_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument("--out", default=None, help="output folder (default: site/ in the repository)")
    parser.add_argument(
        "--for-files",
        action="store_true",
        help="build a site that works opened from disk (links name their HTML files), for reviewers to download; "
        "into site-preview/ unless --out is given",
    )
    parser.add_argument(
        "--no-strict",
        dest="strict",
        action="store_false",
        help="let MkDocs warnings pass (default: any warning fails the build)",
    )
    parser.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="CODE",
        help="build only this language (repeat for more), into <out>/<CODE>/ without the root pages; "
        "`torv assemble` puts the languages together (e.g. built on separate CI runners)",
    )
    parser.add_argument(
        "--renderer",
        choices=RENDERERS,
        default=None,
        help="material (Material for MkDocs) or zensical (default: extra.torv.renderer in mkdocs.yml, else material)",
    )


def build(args: argparse.Namespace) -> int:
    from .build import build as build_site

    langs = [code.strip() for value in args.lang for code in value.split(",") if code.strip()]
    return build_site(
        args.root,
        today=args.today,
        out=args.out,
        strict=args.strict,
        for_files=args.for_files,
        languages=langs,
        renderer=args.renderer,
    )


# ---------------------------------------------------------------- torv check


def check_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument(
        "--renderer",
        choices=RENDERERS,
        default=None,
        help="build with material or zensical (default: extra.torv.renderer in mkdocs.yml, else material)",
    )


def check(args: argparse.Namespace) -> int:
    from .check.run import check as check_site

    return check_site(args.root, today=args.today, log=functools.partial(print, flush=True), renderer=args.renderer)


# ---------------------------------------------------------------- torv assemble


def assemble_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument("--out", default=None, help="output folder (default: site/ in the repository)")
    parser.add_argument("shards", nargs="+", metavar="FOLDER", help="folders from `torv build --lang CODE --out ...`")


def assemble(args: argparse.Namespace) -> int:
    from .build import assemble as assemble_site

    return assemble_site(args.root, args.shards, out=args.out, today=args.today)


# ---------------------------------------------------------------- torv serve


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free port)")


def serve(args: argparse.Namespace) -> int:
    import signal

    from .serve import serve as serve_preview

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # `kill` stops the preview as cleanly as Ctrl-C
    return serve_preview(
        os.path.abspath(args.root), port=args.port, today=args.today, log=functools.partial(print, flush=True)
    )


# ---------------------------------------------------------------- torv new


def new_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="news|meeting|commitment", required=True)
    news = kinds.add_parser(
        "news",
        help='a news item dated today: torv new news "Title"',
        description="A news item dated today, one file per language; translations are marked TODO:.",
    )
    meeting = kinds.add_parser(
        "meeting",
        help='a meeting: torv new meeting "Title" --start "2026-12-03 08:30"',
        description="A meeting, one file per language; translations are marked TODO:.",
    )
    for p in (news, meeting):
        p.add_argument("title", nargs="?", default="", help="the title in the default language")
        p.add_argument("--summary", default="", help="one or two sentences for lists and feeds (default: the title)")
    meeting.add_argument(
        "--start", default="", help="local date and time, e.g. 2026-12-03 08:30; a date alone (2027-01-28): all day"
    )
    meeting.add_argument("--end", default="", help="local date and time it ends, or its last day (optional)")
    meeting.add_argument("--location", default="", help="where, e.g. Havbjerg Rådhus, mødesal 1 (optional)")
    commitment = kinds.add_parser(
        "commitment",
        help='a planned commitment: torv new commitment dialog "Text"',
        description="A planned commitment added to a pillar, in every language.",
    )
    commitment.add_argument("pillar", nargs="?", default="", help="the pillar's id (its file name), e.g. dialog")
    commitment.add_argument("text", nargs="?", default="", help="the commitment in the default language")
    commitment.add_argument("--id", default="", help="the commitment's id (default: made from the text)")
    for p in (news, meeting, commitment):
        common(p)


def new(args: argparse.Namespace) -> int:
    """Create the files of a new news item, meeting or commitment (`make news`, `make meeting` ...)."""
    from .newfiles import NewContent, write_new

    wanted = NewContent(
        kind=args.kind,
        title=getattr(args, "title", ""),
        summary=getattr(args, "summary", "") or None,
        start=getattr(args, "start", None) or None,
        end=getattr(args, "end", None) or None,
        location=getattr(args, "location", None) or None,
        pillar=getattr(args, "pillar", ""),
        text=getattr(args, "text", ""),
        id=getattr(args, "id", "") or None,
    )
    return write_new(os.path.abspath(args.root), args.today, wanted)


# ---------------------------------------------------------------- torv init


def names(value: str) -> tuple[str, str]:
    lang, sep, name = value.partition("=")
    if not sep or not lang.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f'expected LANGUAGE=NAME like da="Havbjerg Kommune", found {value!r}')
    return lang.strip().lower(), name.strip()


def init_arguments(parser: argparse.ArgumentParser) -> None:
    common(parser)
    parser.add_argument("--languages", help="the site's languages, the default first, e.g. da,sv,en")
    parser.add_argument("--default", help="the default language (default: the first of --languages)")
    parser.add_argument(
        "--name",
        dest="names",
        type=names,
        action="append",
        default=[],
        metavar="LANG=NAME",
        help='the municipality\'s name in a language, once per language: --name "da=Havbjerg Kommune"',
    )
    parser.add_argument(
        "--phone-region",
        help="the country of the site's phone numbers: DK, SE, NO, FI, IS ... (default: the default language's)",
    )
    parser.add_argument("--timezone", help="e.g. Europe/Stockholm (default: the phone region's)")
    parser.add_argument(
        "--brand-colour", help="#rrggbb of the header and links; white text on it needs 4.5:1 (default: #0b4f6c)"
    )
    parser.add_argument("--logo", help="an SVG or PNG file, copied to docs/ (default: Torv's symbol)")
    parser.add_argument("--site-url", help="the site's address, e.g. https://ORG.github.io/REPO/")
    parser.add_argument("--examples", action="store_true", help="an example of each kind of content, to replace")
    parser.add_argument("--force", action="store_true", help="replace content that is not Torv's sample site")
    parser.add_argument("--no-input", action="store_true", help="never ask: take the options and the defaults")


def init(args: argparse.Namespace) -> int:
    from .newsite.run import init as init_site

    return init_site(args)


# ---------------------------------------------------------------- torv schemas


def schemas_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=os.getcwd(), help="the repository folder (default: here)")


def schemas(args: argparse.Namespace) -> int:
    from .schemas import write

    root = os.path.abspath(args.root)
    for path in write(os.path.join(root, "scripts", "schemas")):
        print(os.path.relpath(path))
    return 0


# ---------------------------------------------------------------- torv bench


def bench_arguments(parser: argparse.ArgumentParser) -> None:
    from .bench import run as benchmark

    benchmark.arguments(parser)


def bench(args: argparse.Namespace) -> int:
    from .bench import run as benchmark

    return benchmark.run(args)


# ---------------------------------------------------------------- the command


@dataclass(frozen=True)
class Command:
    name: str
    summary: str  # its line in `torv --help`
    description: str  # the top of `torv <name> --help`
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS = [
    Command(
        "validate",
        "check all content and report every problem",
        "Check all Torv content and report every problem.",
        validate_arguments,
        validate,
    ),
    Command(
        "build",
        "validate, then build site/ in every language",
        "Validate the content and build site/ in every language. site/ changes only when everything succeeded.",
        build_arguments,
        build,
    ),
    Command(
        "assemble",
        "put languages built apart together with the root pages",
        "Put the languages built apart (`torv build --lang CODE --out FOLDER`, e.g. on separate CI runners) "
        "together with the root pages (language chooser, 404, sitemap index) into site/. site/ changes only "
        "when every language of the site is there.",
        assemble_arguments,
        assemble,
    ),
    Command(
        "check",
        "the pull-request check: validate --strict, build, check the built site",
        "The check of the site's own content (`make check`, run on every pull request): validate with --strict, "
        "build site/, then check what was built: every kind of page in every language with axe-core in Chromium "
        "at desktop and mobile size, no request to another host and no cookie, links and anchors, the W3C HTML "
        "validator, no empty section. Exit 0 only when everything passes.",
        check_arguments,
        check,
    ),
    Command(
        "serve",
        "live preview with drafts and scheduled items, rebuilt on save",
        "Live preview on http://127.0.0.1:8000: builds into build/preview/site/ (drafts and scheduled items "
        "included, marked as such), rebuilds when a file in news/, policy/, docs/, overrides/ or mkdocs.yml "
        "is saved, and reloads the browser. site/ is never touched.",
        serve_arguments,
        serve,
    ),
    Command(
        "new",
        "create a news item, meeting or commitment in every language",
        "Create a new news item, meeting or commitment, in every configured language.",
        new_arguments,
        new,
    ),
    Command(
        "init",
        "a new site for your municipality: settings and content folders",
        "Set up Torv for a municipality: asks for (or takes as options) its name in each language, the languages "
        "and the default one, the phone region, the time zone, the brand colour, the logo and the site's address; "
        "checks them, then writes mkdocs.yml and the content folders policy/, news/ and docs/ in place of the "
        "sample (with --examples: an example of each kind of content). Asks for what is missing at a terminal.",
        init_arguments,
        init,
    ),
    Command(
        "schemas",
        "write the JSON Schemas for editors to scripts/schemas/",
        "Write the JSON Schemas for editors to scripts/schemas/ (from the same models that validate).",
        schemas_arguments,
        schemas,
    ),
    Command(
        "bench",
        "print speed and size figures",
        "Speed, memory and size figures, printed: a generated news archive (N items per language) built by "
        "Torv and by plain Material for MkDocs + mkdocs-static-i18n, alternating; what a visitor loads; "
        "the live preview's save-to-browser time.",
        bench_arguments,
        bench,
    ),
]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="torv",
        description="Torv checks the content of a municipality's business policy site and builds the site.",
        epilog="`torv <command> --help` describes each command. Exit codes: 0 valid (or done), "
        "1 content errors, 2 a usage or configuration problem.",
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {metadata.version('torv')}")
    commands = top.add_subparsers(dest="command", metavar="command", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.summary, description=command.description)
        command.arguments(sub)
        sub.set_defaults(run=command.run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.run(args)
        return result
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
