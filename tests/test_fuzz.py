"""Property-based test of the validator: whatever an editor (or a broken upload) puts into a file,
`load_site` returns a report instead of raising, and every problem points at a file and a line,
carries a code from the catalogue and says something an editor can read (no Python internals)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from torv.codes import CATALOGUE
from torv.models import Contacts, NewsItem, Page, Pillar, Policy
from torv.schema import ListOf, walk_options
from torv.settings import load_settings
from torv.site import load_site

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "tests" / "golden" / "base"
TODAY = dt.date(2026, 11, 22)

NEWS = "news/2026/politik-vedtaget.da.md"
NEWS_SV = "news/2026/politik-vedtaget.sv.md"
MEETING = "news/2026/dialogmoede.da.md"
PILLAR = "policy/pillars/dialog.da.md"
POLICY = "policy/policy.da.md"
PAGE = "docs/om.da.md"
CONTACTS = "policy/contacts.yml"
TAGS = "news/tags.yml"
MARKDOWN_TARGETS = [NEWS, NEWS_SV, MEETING, PILLAR, POLICY, PAGE]
ALL_TARGETS = MARKDOWN_TARGETS + [CONTACTS, TAGS]

# Python leaking into an editor's message. Generated input containing these is skipped (a message
# may quote the editor's own text back).
INTERNALS = re.compile(
    r"<class|Traceback|\bNone\b|\bNoneType\b|\bdict\b|\bstr\b|object at 0x"
    r"|\{'[^']*': |\['[^']*'[,\]]"
)  # and reprs: {'a': ...}, ['a', ...]

# About 150 examples in all; TORV_FUZZ_SCALE=20 runs twenty times as many (and random ones).
SCALE = int(os.environ.get("TORV_FUZZ_SCALE", "1"))
FUZZ = settings(
    max_examples=30 * SCALE,
    deadline=None,
    derandomize=SCALE == 1,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)


class Tree:
    """One copy of the golden base; each example rewrites one file and puts it back afterwards."""

    def __init__(self, root: Path):
        self.root = root
        self.settings = load_settings(str(root))

    def check(self, rel: str, content: bytes) -> None:
        target = self.root / rel
        original = target.read_bytes()
        try:
            target.write_bytes(content)
            _, report = load_site(str(self.root), today=TODAY, settings=self.settings)
        finally:
            target.write_bytes(original)
        assert_editor_friendly(report, str(self.root))


def assert_editor_friendly(report, root: str) -> None:
    for p in report.problems:
        where = f"{p.path}:{p.line}: {p.field}: {p.message}"
        assert isinstance(p.path, str) and p.path, where
        assert not p.path.startswith("/") and root not in p.path, where
        assert isinstance(p.line, int) and p.line >= 1, where
        assert isinstance(p.message, str) and p.message.strip(), where
        assert isinstance(p.field, str), where
        assert p.code in CATALOGUE, where
        assert root not in p.message, where
        leak = INTERNALS.search(p.field + " " + p.message)
        assert not leak, f"Python internals ({leak.group(0)!r}) in: {where}"
    for fmt in ("text", "github", "json"):
        assert report.render(fmt)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Tree:
    root = tmp_path_factory.mktemp("fuzz") / "site"
    shutil.copytree(BASE, root)
    return Tree(root)


def clean(text: str) -> str:
    assume(not INTERNALS.search(text))
    return text


def as_file(rel: str, front_matter: str, body: str = "Tekst.\n") -> bytes:
    if rel.endswith(".md"):
        return f"---\n{front_matter}\n---\n{body}".encode("utf-8", "surrogatepass")
    return front_matter.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------- strategies

# Text made of the characters that matter to YAML and Markdown, plus some ordinary letters.
YAML_CHARS = st.sampled_from(
    list(":-[]{},#&*!|>'\"%@`?~ \t\n\r\\/.0123456789")
    + list("abcdefxyzæøåÆØÅ")
    + ["\u00a0", "\ufeff", "\u2028", "\x85", "\x00", "é"]
)
yamlish = st.text(YAML_CHARS, max_size=200)
# Markdown bodies: pieces that the body checks look for, in any order.
markdown = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "![",
                "](",
                ")",
                "<",
                ">",
                "images/x.jpg",
                "../x.png",
                "<img src=x>",
                '<img alt="" src=y>',
                "<script>",
                "<IFRAME ",
                " onclick=",
                " onload =",
                "javascript:",
                "[a](javascript:x)",
                "http://havbjerg.example.",
                "https://x",
                "```",
                "~~~",
                "\n",
                "\n\n",
                "#",
                "data:",
                "<a href='",
                "%",
                "\t",
                " ",
            ]
        ),
        st.text(YAML_CHARS, max_size=10),
    ),
    max_size=30,
).map("".join)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "2026-02-30",
            "30.01.2025",
            "2026-12-03 25:00",
            "2026-12-03 08:30",
            "2026-01-30",
            "+45 72 10 20 00",
            "12345",
            "x@y",
            "https://havbjerg.example",
            "http://x",
            "javascript:x",
            "08:00-16:00",
            "16:00-08:00",
            "material/handshake",
            "dialog",
            "dialog/hoering",
            "borgmester",
            "erhvervsservice",
            "forum",
            "images/x.jpg",
            "../../../etc/passwd",
            "",
            " ",
            "yes",
            "no",
            "~",
            "null",
            "true",
            "1e999",
            "0x1F",
            "da",
            "sv",
            "en",
            "de",
        ]
    ),
)
nested = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none()), inner, max_size=4),
    ),
    max_leaves=12,
)


def field_paths(schema) -> list[tuple]:
    return [path for path, _ in walk_options(schema)]


SCHEMA_OF = {
    NEWS: NewsItem,
    NEWS_SV: NewsItem,
    MEETING: NewsItem,
    PILLAR: Pillar,
    POLICY: Policy,
    PAGE: Page,
    CONTACTS: Contacts,
}
LANG_KEYS = ["da", "sv", "en", "de", 1]


LIST_FIELDS = {
    path[-1] for schema in (NewsItem, Pillar, Contacts) for path, opt in walk_options(schema) if isinstance(opt, ListOf)
}


def put(data: dict, path: tuple, value) -> None:
    """Set a value at a field path, making the groups (and one-entry lists of groups) on the way."""
    node = data
    for key in path[:-1]:
        nxt = node.get(key)
        if key in LIST_FIELDS:
            if not (isinstance(nxt, list) and nxt and isinstance(nxt[0], dict)):
                nxt = node[key] = [{}]
            node = nxt[0]
        else:
            if not isinstance(nxt, dict):
                nxt = node[key] = {}
            node = nxt
    node[path[-1]] = value


@st.composite
def schema_shaped(draw, rel: str):
    """Front matter with the schema's real field names (nested too) and random values."""
    if rel == TAGS:
        keys = st.one_of(st.sampled_from(["forum", "dialogmoede", "Forum", "ny-tag", "x y"]), st.integers())
        value = st.one_of(nested, st.dictionaries(st.sampled_from(LANG_KEYS), scalars, max_size=4))
        return draw(st.dictionaries(keys, value, max_size=5))
    paths = field_paths(SCHEMA_OF[rel])
    chosen = draw(st.lists(st.sampled_from(paths), max_size=8))
    data: dict = {}
    for path in chosen:
        put(data, path, draw(st.one_of(nested, st.dictionaries(st.sampled_from(LANG_KEYS), scalars, max_size=3))))
    if draw(st.booleans()):
        data[draw(st.sampled_from(["titel", "sumary", "Title", "2026", "commitment"]))] = draw(scalars)
    return data


def dump(data) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        assume(False)
        raise


# ---------------------------------------------------------------- properties


@FUZZ
@given(rel=st.sampled_from(ALL_TARGETS), text=yamlish, body=markdown)
def test_yamlish_text(tree, rel, text, body):
    tree.check(rel, as_file(rel, clean(text), clean(body)))


@FUZZ
@given(rel=st.sampled_from(ALL_TARGETS), raw=st.binary(max_size=300), wrap=st.booleans())
def test_random_bytes(tree, rel, raw, wrap):
    clean(raw.decode("utf-8", "ignore"))
    content = (b"---\ntitle: x\n" + raw + b"\n---\nbody\n") if wrap and rel.endswith(".md") else raw
    tree.check(rel, content)


@FUZZ
@given(rel=st.sampled_from(ALL_TARGETS), data=nested, body=markdown)
def test_random_structures(tree, rel, data, body):
    tree.check(rel, as_file(rel, clean(dump(data)), clean(body)))


@settings(FUZZ, max_examples=60 * SCALE)
@given(data=st.data())
def test_real_field_names(tree, data):
    rel = data.draw(st.sampled_from(ALL_TARGETS))
    tree.check(rel, as_file(rel, clean(dump(data.draw(schema_shaped(rel))))))


def test_base_tree_is_clean(tree):
    _, report = load_site(str(tree.root), today=TODAY, settings=tree.settings)
    assert report.problems == []


def _laughs() -> str:
    text, prev = 'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\n', "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ", ".join(["*" + prev] * 9) + "]\n"
        prev = name
    return text


@pytest.mark.parametrize("rel", [NEWS, CONTACTS, TAGS])
@pytest.mark.parametrize(
    "text",
    [
        "title: " + "[" * 3000 + "]" * 3000,  # deeper than Python's recursion limit
        "title: " + "{a: " * 2000 + "1" + "}" * 2000,
        "- " * 2000 + "x",
        _laughs(),  # aliases that expand to 9**9 values
        "title: &a [*a]",  # an alias inside itself
    ],
    ids=["lists", "groups", "items", "billion-laughs", "recursive-alias"],
)
def test_hostile_yaml(tree, rel, text):
    tree.check(rel, as_file(rel, text))
