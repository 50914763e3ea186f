"""The files under the content folders: listed, classified by kind and grouped into translations."""

from __future__ import annotations

import os
import re

from . import codes, statement
from .problems import Problem
from .safety.files import link_problem
from .safety.names import path_problem
from .schema import did_you_mean

CONTENT_DIRS = ("policy", "news", "docs")
DATA_FILES = {"policy/contacts.yml": "contacts", "news/tags.yml": "tags", statement.REL: "accessibility statement"}
NAME_RE = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[^./]+)\.md$")


def discover(root: str) -> list[str]:
    """Every file under the content folders, repo-relative, sorted; dotfiles and folders skipped."""
    out = []
    for top in CONTENT_DIRS:
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for f in sorted(filenames):
                if f.startswith("."):
                    continue
                out.append(os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/"))
    return out


def name_problems(files: list[str], root: str, default: str) -> list[Problem]:
    """Every content file has a plain name (safety/names.py, the name proposed in the `default` language's
    spelling) and is a real file, not a symbolic link on the way (safety/files.py): a name becomes an address,
    and a link could publish any file of the machine."""
    problems = []
    for rel in files:
        name = path_problem(rel, default)
        if name:
            problems.append(Problem(codes.FILE_NAME, rel, 0, "", name))
        link = link_problem(os.path.join(root, rel), root)
        if link:
            problems.append(Problem(link[0], rel, 0, "", link[1]))
    return problems


def classify(rel: str) -> str | None:
    """Which kind of Markdown file a repo-relative path is, or None if it has no place."""
    parts = rel.split("/")
    if parts[0] == "policy":
        if len(parts) == 2 and parts[1].split(".")[0] == "policy":
            return "policy"
        if len(parts) == 3 and parts[1] == "pillars":
            return "pillar"
        return None
    if parts[0] == "news":
        return "news"
    if parts[0] == "docs":
        return "page"
    return None


Groups = dict[tuple[str, str], dict[str, str]]  # (kind, group) -> {language: repo-relative path}


def group_markdown(files: list[str], languages: list[str]) -> tuple[Groups, list[Problem]]:
    """Markdown files by (kind, group) and language (default first); a file without a place or a
    language is reported instead."""
    default = languages[0]
    groups: Groups = {}
    problems = []
    for rel in files:
        kind = classify(rel)
        m = NAME_RE.match(rel.split("/")[-1])
        if kind is None:
            problems.append(Problem(codes.MISPLACED_FILE, rel, 0, "", misplaced(rel)))
            continue
        if not m:
            problems.append(
                Problem(
                    codes.NO_LANGUAGE_IN_NAME,
                    rel,
                    0,
                    "",
                    f"missing language in the file name: expected a name like {rel[:-3]}.{default}.md "
                    f"(one file per language: {', '.join(languages)})",
                )
            )
            continue
        lang = m["lang"]
        if lang not in languages:
            problems.append(
                Problem(
                    codes.UNKNOWN_LANGUAGE,
                    rel,
                    0,
                    "",
                    f"the language `{lang}` in the file name is not configured: expected one of "
                    f"{', '.join(languages)}{did_you_mean(lang, languages)}, "
                    f"e.g. {rel[: -len(lang) - 4]}.{default}.md",
                )
            )
            continue
        group = rel[: -len(lang) - 4]
        groups.setdefault((kind, group), {})[lang] = rel
    return groups, problems


def misplaced(rel: str) -> str:
    """Why a file has no place, and where it could go."""
    if rel.startswith("policy/"):
        return (
            "this file has no place in the policy: expected policy/policy.<lang>.md, "
            "policy/pillars/<id>.<lang>.md or policy/contacts.yml"
        )
    return "this file has no place on the site"
