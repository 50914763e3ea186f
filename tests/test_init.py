"""A new municipality adopts Torv: `torv init` (make init) writes its settings and content folders, nothing of the
sample left, and refuses what cannot work (a colour white text cannot be read on, a logo that is not an SVG or
PNG, an unknown country); the new sites validate with --strict, build and pass `make check`. And Torv's own
tests do not depend on the content at the top of the repository: in a copy whose content is another
municipality's, `make check` and `make test` pass.

`make` runs in a copy of the repository (its files as `git ls-files` lists them) that uses this repository's
.venv and node_modules, which are set up already: their install stamps are newer than the copied
requirements and package files (set to 1970), so make installs nothing (see tests/test_editor_guide.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import BUILD_DATE, FIXTURES, ROOT, TORV, copy_repo
from torv.newsite.answers import Answers
from torv.newsite.run import answers_from
from torv.settings import load_settings

INSTALLED = (
    "requirements.txt",
    "requirements-test.txt",
    "requirements-bench.txt",
    "pyproject.toml",
    "package.json",
    "package-lock.json",
)
CONTENT = ("mkdocs.yml", "policy", "news", "docs")


def init(root: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*TORV, "init", "--root", root, "--today", BUILD_DATE, "--no-input", *args], capture_output=True, text=True
    )


def content_text(root: str) -> str:
    """Every text of the site's settings and content folders."""
    out = []
    for name in CONTENT:
        path = os.path.join(root, name)
        files = [path] if os.path.isfile(path) else [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs]
        for file in files:
            if file.endswith((".yml", ".md")):
                with open(file, encoding="utf-8") as fh:
                    out.append(fh.read())
    return "\n".join(out)


@pytest.fixture
def sample(tmp_path) -> str:
    """A copy of the sample site (Havbjerg) with Torv's theme, as a new municipality finds it."""
    os.makedirs(tmp_path / "repo")
    return copy_repo(str(tmp_path / "repo"))


# ---------------------------------------------------------------- what init writes, and refuses


def test_init_replaces_the_sample_with_nothing_of_havbjerg_left(sample):
    proc = init(
        sample,
        "--languages",
        "sv,en",
        "--name",
        "sv=Strömsunds kommun",
        "--name",
        "en=Strömsund Municipality",
        "--site-url",
        "https://stromsund.github.io/naringsliv/",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "havbjerg" not in content_text(sample).lower()
    assert not os.listdir(os.path.join(sample, "docs")), "no example unless asked for"
    settings = load_settings(sample)
    assert settings.languages == ["sv", "en"] and settings.language_names == {"sv": "Svenska", "en": "English"}
    assert (settings.phone_region, settings.timezone) == ("SE", "Europe/Stockholm"), "proposed from Swedish"
    assert settings.municipality == {"sv": "Strömsunds kommun", "en": "Strömsund Municipality"}
    assert settings.edit_base == "https://github.com/stromsund/naringsliv/edit/main/"
    assert settings.brand_colour == "#0b4f6c" and settings.logo is None
    proc = subprocess.run(
        [*TORV, "validate", "--root", sample, "--strict", "--today", BUILD_DATE], capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.startswith("0 errors, 0 warnings"), proc.stdout


def test_examples_of_each_kind_in_every_language_with_each_language_s_addresses(sample):
    logo = os.path.join(FIXTURES, "strandvik", "docs", "logo.png")
    proc = init(
        sample,
        "--languages",
        "fi,sv,en",
        "--name",
        "fi=Koskelan kunta",
        "--name",
        "sv=Forsby kommun",
        "--name",
        "en=Koskela Municipality",
        "--brand-colour",
        "1d5e3a",
        "--logo",
        logo,
        "--examples",
        "--site-url",
        "https://forsby.example/",
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    names = sorted(
        os.path.relpath(os.path.join(d, f), sample)
        for d, _, fs in os.walk(sample)
        for f in fs
        if not d.startswith(os.path.join(sample, "overrides"))
    )
    for lang in ("fi", "sv", "en"):
        for rel in (
            f"policy/policy.{lang}.md",
            f"policy/pillars/dialogue.{lang}.md",
            f"news/2026/welcome.{lang}.md",
            f"news/2026/business-breakfast.{lang}.md",
            f"docs/about.{lang}.md",
        ):
            assert rel in names, rel
    assert {"docs/logo.png", "docs/accessibility.yml", "policy/contacts.yml", "news/tags.yml"} <= set(names)
    with open(os.path.join(sample, "news/2026/welcome.sv.md"), encoding="utf-8") as fh:
        assert "slug: valkommen-till-var-nya-webbplats-for-foretag\n" in fh.read(), "Swedish ä is a, not ae"
    with open(os.path.join(sample, "news/2026/welcome.fi.md"), encoding="utf-8") as fh:
        assert "slug: tervetuloa-uusille-yrityssivuillemme\n" in fh.read()
    settings = load_settings(sample)
    assert (settings.phone_region, settings.timezone) == ("FI", "Europe/Helsinki")
    assert (settings.brand_colour, settings.logo) == ("#1d5e3a", "docs/logo.png")
    with open(os.path.join(sample, "policy", "contacts.yml"), encoding="utf-8") as fh:
        assert '"+358 6 1234567"' in fh.read(), "an example phone number of the site's country"


@pytest.mark.parametrize(
    "option, value, message",
    [
        (
            "--brand-colour",
            "#4a90d9",
            "white text on #4a90d9 has a contrast of 3.34:1, expected at least 4.5:1 "
            "(WCAG 2.1 AA): the nearest shade that passes is #2a78ca",
        ),
        ("--logo", "logo.gif", "expected an SVG or PNG file (.svg or .png)"),
        ("--logo", "missing.svg", 'the logo "missing.svg" does not exist'),
        ("--phone-region", "Sweden", 'expected a two-letter country code like DK, SE, NO, FI or IS, found "SWEDEN"'),
        ("--timezone", "Europe/Kopenhagen", 'expected a time zone like Europe/Copenhagen, found "Europe/Kopenhagen"'),
        ("--site-url", "havbjerg.dk", "expected the site's address like https://ORG.github.io/REPO/"),
        ("--languages", "da,de", "Torv has no interface strings for de"),
    ],
)
def test_init_refuses_what_cannot_work_and_writes_nothing(sample, option, value, message):
    if value == "logo.gif":
        open(os.path.join(sample, value), "wb").close()
    args = [
        "--languages",
        "da",
        "--name",
        "da=Lyngby-Taarbæk Kommune",
        option,
        os.path.join(sample, value) if option == "--logo" else value,
    ]
    before = content_text(sample)
    proc = init(sample, *args)
    assert proc.returncode == 2 and proc.stdout.startswith("Nothing was written:"), proc.stdout
    assert f"{option}" in proc.stdout and message in proc.stdout, proc.stdout
    assert content_text(sample) == before


def test_a_logo_kept_in_a_folder_init_replaces_is_copied_first(sample):
    logo = os.path.join(sample, "docs", "logo.svg")
    with open(logo, "rb") as fh:
        before = fh.read()
    proc = init(sample, "--languages", "da", "--name", "da=Havbjerg Kommune", "--logo", logo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with open(logo, "rb") as fh:
        assert fh.read() == before
    assert load_settings(sample).logo == "docs/logo.svg"


def test_a_name_in_every_language(sample):
    proc = init(sample, "--languages", "nb,nn,en", "--name", "nb=Fjellstad kommune")
    assert proc.returncode == 2
    assert "--name nn=...: expected the municipality's name" in proc.stdout
    assert "--name en=...: expected the municipality's name" in proc.stdout


def test_a_site_of_its_own_is_replaced_only_when_asked(sample):
    args = ("--languages", "da", "--name", "da=Lyngby-Taarbæk Kommune")
    assert init(sample, *args).returncode == 0  # the sample: replaced without asking
    with open(os.path.join(sample, "news", "2026-note.da.md"), "w", encoding="utf-8") as fh:
        fh.write("---\ntitle: x\n---\n")
    proc = init(sample, *args)
    assert proc.returncode == 2 and "--force" in proc.stdout
    assert os.path.exists(os.path.join(sample, "news", "2026-note.da.md"))
    assert init(sample, *args, "--force").returncode == 0
    assert not os.path.exists(os.path.join(sample, "news", "2026-note.da.md"))


def test_at_a_terminal_init_asks_for_what_is_missing(capsys):
    """The questions `make init` asks, answered as a person would: Enter takes what is proposed."""
    import argparse

    answers = iter(["sv,en", "Strömsunds kommun", "", "se", "", "#4a90d9", "#2a78ca", "", "https://x.example/"])
    asked: list[str] = []

    def read(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    args = argparse.Namespace(
        languages=None,
        default=None,
        names=[],
        phone_region=None,
        timezone=None,
        brand_colour=None,
        logo=None,
        site_url=None,
    )
    a = answers_from(args, read)
    assert a == Answers(
        languages=["sv", "en"],
        names={"sv": "Strömsunds kommun", "en": "Strömsunds kommun"},
        phone_region="SE",
        timezone="Europe/Stockholm",
        brand_colour="#2a78ca",
        logo="",
        site_url="https://x.example/",
    )
    assert asked[2] == "The municipality's name in English [Strömsunds kommun]: "
    assert asked[3] == "Country of its phone numbers (DK, SE, NO, FI, IS ...) [SE]: "
    assert asked[4] == "Time zone [Europe/Stockholm]: "
    assert "the nearest shade that passes is #2a78ca" in capsys.readouterr().out, "a wrong answer is asked again"


# ---------------------------------------------------------------- new sites pass make check


def repository_copy(dest: str) -> str:
    """The repository's files as a clone has them (tracked and new, not ignored), with this repository's .venv and
    node_modules, which make leaves alone (their stamps are newer than the copied install files)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    for rel in filter(None, listed):
        src = os.path.join(ROOT, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.dirname(os.path.join(dest, rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))
    for name in INSTALLED:
        os.utime(os.path.join(dest, name), (0, 0))
    # Only a set-up .venv and node_modules are shared: make would otherwise install into them (npm ci through
    # the link would empty the repository's node_modules)
    for name, stamp in ((".venv", ".test"), ("node_modules", ".installed")):
        if not os.path.exists(os.path.join(ROOT, name, stamp)):
            pytest.fail(f"{name} is not set up: run `make test` once")
        os.symlink(os.path.realpath(os.path.join(ROOT, name)), os.path.join(dest, name))
    return dest


def make(target: str, cwd: str, args: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "ARGS")}
    command = ["make", "--no-print-directory", target] + ([f"ARGS={args}"] if args else [])
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=1500)


MUNICIPALITIES = {
    "danish": [
        "--languages",
        "da,en",
        "--name",
        "da=Lyngby-Taarbæk Kommune",
        "--name",
        "en=Lyngby-Taarbæk Municipality",
        "--site-url",
        "https://ltk.github.io/erhverv/",
        "--examples",
    ],
    "swedish": [
        "--languages",
        "sv,en",
        "--name",
        "sv=Strömsunds kommun",
        "--name",
        "en=Strömsund Municipality",
        "--phone-region",
        "SE",
        "--timezone",
        "Europe/Stockholm",
        "--brand-colour",
        "#1d5e3a",
        "--site-url",
        "https://naringsliv.stromsund.example/",
    ],
    "finnish": [
        "--languages",
        "fi,sv,en",
        "--name",
        "fi=Kristiinankaupunki",
        "--name",
        "sv=Kristinestad",
        "--name",
        "en=Kristinestad",
        "--phone-region",
        "FI",
        "--timezone",
        "Europe/Helsinki",
        "--site-url",
        "https://kristinestad.github.io/elinkeino/",
        "--examples",
    ],
}


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("municipality", sorted(MUNICIPALITIES))
def test_a_new_site_validates_builds_and_passes_make_check(tmp_path, municipality):
    root = repository_copy(str(tmp_path / municipality))
    proc = init(root, *MUNICIPALITIES[municipality])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = subprocess.run(
        [*TORV, "validate", "--root", root, "--strict", "--today", BUILD_DATE], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout
    proc = make("check", root, f"--today {BUILD_DATE}")
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    assert "Everything passed" in proc.stdout
    assert re.search(r"^ok    accessibility .*: \d+ pages at desktop and mobile size$", proc.stdout, re.M)


# ---------------------------------------------------------------- Torv's tests do not read the root content

# What `make test` runs in the copy with another municipality's content: Torv's tests of the validator, the
# build, the pages, links, HTML, the statement, settings, workflows and this file's fast tests (the whole
# suite takes too long to run twice; none of these reads the root content).
SUBSET = (
    "tests/test_golden.py tests/test_codes.py tests/test_settings.py tests/test_site.py tests/test_links.py "
    "tests/test_html_valid.py tests/test_strings.py tests/test_statement.py tests/test_workflows.py "
    "tests/test_optional_parts.py tests/test_init.py -m 'not browser' -q -p no:cacheprovider"
)


@pytest.mark.slow
@pytest.mark.browser
def test_with_another_municipality_s_content_make_check_and_make_test_pass(tmp_path):
    """The root content of a copy replaced by Strandvik's (sv + en, no policy, SE): `make check` passes on it, and
    `make test` (the SUBSET above) passes there too."""
    root = repository_copy(str(tmp_path / "clone"))
    for name in CONTENT:
        path = os.path.join(root, name)
        shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    for name in CONTENT:
        src = os.path.join(FIXTURES, "strandvik", name)
        (shutil.copytree if os.path.isdir(src) else shutil.copy2)(src, os.path.join(root, name))
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as fh:
        assert yaml.safe_load(fh)["extra"]["torv"]["phone_region"] == "SE"
    proc = make("check", root, f"--today {BUILD_DATE}")
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-3000:]
    proc = make("test", root, SUBSET)
    assert proc.returncode == 0, proc.stdout[-8000:] + proc.stderr[-3000:]
    assert re.search(r"\d+ passed", proc.stdout) and " failed" not in proc.stdout
