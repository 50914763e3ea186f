"""`torv init`: ask for (or take as options) what a new site needs, check it, replace the sample with the new site."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable

from .. import i18n
from ..compile import Copy
from ..languages import language
from .answers import (
    DEFAULT_COLOUR,
    Answers,
    check_colour,
    check_languages,
    check_logo,
    check_name,
    check_region,
    check_site_url,
    check_timezone,
    parse_languages,
    problems,
    proposed_region,
    proposed_timezone,
)
from .files import site_files

CONTENT = ("policy", "news", "docs")
Ask = Callable[[str], str]


def ask(prompt: str, default: str, check: Callable[[str], str | None], read: Ask = input) -> str:
    """Ask until the answer passes `check`; Enter takes the default."""
    while True:
        answer = read(f"{prompt}{f' [{default}]' if default else ''}: ").strip() or default
        problem = check(answer)
        if not problem:
            return answer
        print(f"  {problem}")


def answers_from(args: argparse.Namespace, read: Ask | None) -> Answers:
    """The answers given as options; with `read` (at a terminal) the missing ones are asked for."""
    a = Answers(
        languages=parse_languages(args.languages or "", args.default or ""),
        names=dict(args.names),
        phone_region=(args.phone_region or "").upper(),
        timezone=args.timezone or "",
        brand_colour=args.brand_colour or DEFAULT_COLOUR,
        logo=args.logo or "",
        site_url=args.site_url or "",
    )
    if read:
        if not a.languages:
            codes = ask(
                f"Languages of the site, the default first ({', '.join(i18n.available_languages())})",
                "da,sv,en",
                lambda v: check_languages(parse_languages(v)),
                read,
            )
            a.languages = parse_languages(codes)
        for lang in a.languages:
            if lang not in a.names:
                default = a.names.get(a.default_language, "")
                a.names[lang] = ask(f"The municipality's name in {language(lang).name}", default, check_name, read)
        if not args.phone_region:
            a.phone_region = ask(
                "Country of its phone numbers (DK, SE, NO, FI, IS ...)", proposed_region(a), check_region, read
            ).upper()
        if not args.timezone:
            a.timezone = ask("Time zone", proposed_timezone(a), check_timezone, read)
        if not args.brand_colour:
            a.brand_colour = ask(
                "Brand colour, #rrggbb (white text on it must be readable)", DEFAULT_COLOUR, check_colour, read
            )
        if not args.logo:
            a.logo = ask("Logo, an SVG or PNG file (Enter: none for now)", "", check_logo, read)
        if not args.site_url:
            a.site_url = ask(
                "The site's address, e.g. https://ORG.github.io/REPO/ (Enter: later)", "", check_site_url, read
            )
    else:
        a.phone_region = a.phone_region or proposed_region(a)
        a.timezone = a.timezone or proposed_timezone(a)
    if a.brand_colour and not a.brand_colour.startswith("#"):
        a.brand_colour = "#" + a.brand_colour
    return a


def is_sample(root: str) -> bool:
    """The repository still holds Torv's sample site (Havbjerg), which `torv init` replaces without asking."""
    try:
        with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as fh:
            text = fh.read()
    except OSError:
        return True
    return "Havbjerg" in text


def has_content(root: str) -> bool:
    return any(os.path.isdir(os.path.join(root, d)) and os.listdir(os.path.join(root, d)) for d in CONTENT)


def write(root: str, files: dict[str, str | Copy]) -> None:
    """Replace the content folders and mkdocs.yml with the new site's files (a logo is read first: it may be in
    one of the folders replaced)."""
    data: dict[str, str | bytes] = {}
    for rel, content in files.items():
        if isinstance(content, Copy):
            with open(content.source, "rb") as fh:
                data[rel] = fh.read()
        else:
            data[rel] = content
    for folder in CONTENT:
        shutil.rmtree(os.path.join(root, folder), ignore_errors=True)
    for rel, text in data.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(text, bytes):
            with open(path, "wb") as fh:
                fh.write(text)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    for folder in CONTENT:
        os.makedirs(os.path.join(root, folder), exist_ok=True)


def init(args: argparse.Namespace) -> int:
    root = os.path.abspath(args.root)
    read: Ask | None = input if sys.stdin.isatty() and not args.no_input else None
    try:
        a = answers_from(args, read)
    except (EOFError, KeyboardInterrupt):
        print("\nNothing was written.")
        return 2
    found = problems(a)
    if found:
        print("Nothing was written: " + ("; ".join(found) if len(found) == 1 else "\n  " + "\n  ".join(found)))
        return 2
    if has_content(root) and not is_sample(root) and not args.force:
        replace = read and read(
            f"{root} has a site of its own: replace its mkdocs.yml, policy/, news/ and docs/? [y/N]: "
        ).strip().lower() in ("y", "yes", "j", "ja")
        if not replace:
            print(
                "Nothing was written: the repository has content of its own (not the sample). Run again with "
                "--force to replace mkdocs.yml, policy/, news/ and docs/."
            )
            return 2
    today = args.today or dt.date.today()
    files = site_files(a, today, examples=args.examples)
    write(root, files)
    d = a.default_language
    print(f"Wrote a new site for {a.names[d]} ({', '.join(a.languages)}; {a.phone_region}, {a.timezone}):")
    for rel in sorted(files):
        print(f"  {rel}")
    print("Next: write your content in policy/, news/ and docs/ (CONTENT.md, EDITORS.md), then run `make check`.")
    if not args.examples:
        print("`torv init --examples` writes an example of each kind of file instead, to change or delete.")
    return 0
