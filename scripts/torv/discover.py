"""The files under the content folders: listed, classified by kind and grouped into translations."""
from __future__ import annotations

import os
import re

from . import codes, statement
from .problems import Problem
from .scaffold import slugify
from .schema import did_you_mean
from .schema.limits import ID_RE

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


Groups = dict[tuple[str, str], dict[str, str]]   # (kind, group) -> {language: repo-relative path}


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
            problems.append(Problem(codes.NO_LANGUAGE_IN_NAME, rel, 0, "",
                                    f"missing language in the file name: expected a name like {rel[:-3]}.{default}.md "
                                    f"(one file per language: {', '.join(languages)})"))
            continue
        lang = m["lang"]
        if lang not in languages:
            problems.append(Problem(codes.UNKNOWN_LANGUAGE, rel, 0, "",
                                    f"the language `{lang}` in the file name is not configured: expected one of "
                                    f"{', '.join(languages)}{did_you_mean(lang, languages)}, "
                                    f"e.g. {rel[:-len(lang) - 4]}.{default}.md"))
            continue
        group = rel[: -len(lang) - 4]
        if kind in ("news", "page") and not ID_RE.match(m["stem"]):
            problems.append(Problem(codes.FILE_NAME, rel, 0, "", bad_name(rel, m["stem"], lang, default)))
        groups.setdefault((kind, group), {})[lang] = rel
    return groups, problems


def bad_name(rel: str, stem: str, lang: str, default: str) -> str:
    """A file name that would make a poor address, and the name to give it instead."""
    folder = rel.rsplit("/", 1)[0]
    name = slugify(stem, lang=default) or "side"
    found = [what for what, has in (("spaces", " " in stem), ("capitals", stem != stem.lower()),
                                    ("letters outside a-z", any(ord(c) > 127 for c in stem)),
                                    ("other characters", bool(re.search(r"[^\w\s-]|_", stem)))) if has]
    return (f"the file name is the page's address: expected lowercase letters a-z, digits and -, found "
            f"{_listed(found) or 'a name that does not start with a letter or digit'}; "
            f"rename the file to {folder}/{name}.{lang}.md")


def misplaced(rel: str) -> str:
    """Why a file has no place, and where it could go."""
    if rel.startswith("policy/"):
        return ("this file has no place in the policy: expected policy/policy.<lang>.md, "
                "policy/pillars/<id>.<lang>.md or policy/contacts.yml")
    return "this file has no place on the site"


def _listed(words: list[str]) -> str:
    return ", ".join(words[:-1]) + f" and {words[-1]}" if len(words) > 1 else "".join(words)
