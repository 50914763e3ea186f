"""Command-line entry points. Thin: parse options, call pure functions, print, exit.

Exit codes: 0 content valid (or done), 1 content errors, 2 usage or configuration problem.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from .content import ConfigError, load_site


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
    args = parser.parse_args(argv)
    from .build import build
    return build(args.root, today=args.today, out=args.out, strict=args.strict)
