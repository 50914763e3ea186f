"""The site's settings (mkdocs.yml, `extra.torv`) are checked once, by the Settings schema: what the editor
sees for each setting that cannot be used, and the settings Torv reads from a valid file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_golden import BASE
from torv import codes
from torv.settings import ConfigError, load_settings

MKDOCS = (BASE / "mkdocs.yml").read_text(encoding="utf-8")


def problems(tmp_path: Path, *changes: tuple[str, str]) -> list[tuple[str, str]]:
    """(code, line as the editor sees it) for mkdocs.yml with each (old, new) text replaced."""
    root = tmp_path / "site"
    shutil.copytree(BASE, root)
    text = MKDOCS
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(str(root))
    return [(p.code, p.text()) for p in exc.value.report.sorted()]


def test_the_settings_of_the_golden_base():
    s = load_settings(str(BASE))
    assert s.languages == ["da", "sv", "en"] and s.default_language == "da"
    assert s.language_names == {"da": "Dansk", "sv": "Svenska", "en": "English"}
    assert s.municipality == {"da": "Havbjerg Kommune", "sv": "Havbjerg kommun", "en": "Havbjerg Municipality"}
    assert (s.timezone, s.phone_region, s.missing_translation, s.reviewed_max_age_days) == (
        "Europe/Copenhagen",
        "DK",
        "notice",
        365,
    )
    assert (s.site_url, s.repo_url, s.edit_base, s.cname) == (
        "https://havbjerg.example/",
        "https://github.com/havbjerg/torv",
        "https://github.com/havbjerg/torv/edit/main/",
        None,
    )


def test_the_default_language_may_come_later_in_the_list(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(BASE, root)
    text = MKDOCS.replace("{code: da, name: Dansk, default: true}", "{code: da, name: Dansk}")
    text = text.replace("{code: en, name: English}", "{code: en, name: English, default: true}")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    s = load_settings(str(root))
    assert s.languages == ["en", "da", "sv"] and s.default_language == "en"


def test_two_default_languages(tmp_path):
    assert problems(tmp_path, ("{code: sv, name: Svenska}", "{code: sv, name: Svenska, default: true}")) == [
        (
            codes.ONE_DEFAULT_LANGUAGE,
            "mkdocs.yml:9: error: extra.torv.languages: expected exactly one language with "
            "default: true, found several",
        )
    ]


def test_a_language_without_interface_strings_and_its_texts(tmp_path):
    assert problems(tmp_path, ("{code: en, name: English}", "{code: eng, name: English}")) == [
        (
            codes.MISSING_TRANSLATION,
            "mkdocs.yml:8: warning: extra.torv.municipality: missing translation (eng): the da text is shown instead",
        ),
        (
            codes.UNKNOWN_LANGUAGE,
            "mkdocs.yml:8: error: extra.torv.municipality.en: expected a language code "
            '(da, sv, eng), found "en" (did you mean `eng`?)',
        ),
        (
            codes.NO_INTERFACE_STRINGS,
            "mkdocs.yml:9: error: "
            'extra.torv.languages: Torv has no interface strings for "eng": '
            "expected one of da, en, fi, is, nb, nn, sv, or add scripts/torv/strings/eng.yml "
            "(did you mean `en`?)",
        ),
    ]


def test_an_unknown_time_zone(tmp_path):
    assert problems(tmp_path, ("timezone: Europe/Copenhagen", "timezone: Europe/Kopenhagen")) == [
        (
            codes.UNKNOWN_TIME_ZONE,
            "mkdocs.yml:13: error: extra.torv.timezone: expected a time zone like "
            'Europe/Copenhagen, found "Europe/Kopenhagen"',
        )
    ]


def test_cname_needs_the_host_of_site_url(tmp_path):
    assert problems(
        tmp_path,
        ("site_url: https://havbjerg.example/\n", ""),
        ("phone_region: DK", "phone_region: DK\n    cname: true"),
    ) == [
        (
            codes.CNAME_WITHOUT_SITE_URL,
            "mkdocs.yml:14: error: "
            "extra.torv.cname: expected site_url with the custom domain, "
            "e.g. site_url: https://erhverv.havbjerg.dk/, found none: cname: true "
            "publishes the host of site_url",
        )
    ]


@pytest.mark.parametrize("key, line", [("site_url", 3), ("repo_url", 4)])
def test_site_and_repo_url_must_be_text(tmp_path, key, line):
    old = next(ln for ln in MKDOCS.splitlines() if ln.startswith(f"{key}:"))
    assert problems(tmp_path, (old, f"{key}: [https://havbjerg.example/]")) == [
        (
            codes.INVALID_URL,
            f"mkdocs.yml:{line}: error: {key}: expected a web address like https://erhverv.havbjerg.dk/, found a list",
        )
    ]


def test_mkdocs_yml_nested_too_deeply(tmp_path):
    deep = "[" * 3000 + "]" * 3000
    assert problems(tmp_path, ("phone_region: DK", f"phone_region: DK\nnav: {deep}")) == [
        (
            codes.BROKEN_YAML,
            "mkdocs.yml:1: error: "
            "broken YAML: lists and groups are nested too deeply (hundreds of [ or { "
            "inside each other); write plain text, lists and `key: value` pairs",
        )
    ]


# ---------------------------------------------------------------- the README's table of settings


def readme_settings_table() -> str:
    """The table under `### Settings` in the README."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### Settings\n", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("|"))


def test_the_readme_documents_every_setting_with_its_default():
    from torv.models import Settings
    from torv.schemas import settings_table

    assert readme_settings_table() == settings_table(), (
        "README.md's table of settings differs from the Settings schema: replace it with the output of "
        "`.venv/bin/python -c 'from torv.schemas import settings_table; print(settings_table())'`"
    )
    rows = readme_settings_table().splitlines()[2:]
    assert [row.split("|")[1].strip(" `") for row in rows] == list(Settings.fields())
    assert all(row.split("|")[3].strip() for row in rows), "every setting says what it does"


def test_an_unknown_or_misspelt_setting_gets_a_did_you_mean(tmp_path):
    assert problems(tmp_path, ("phone_region: DK", 'phone_region: DK\n    brand_color: "#0b4f6c"')) == [
        (
            codes.UNKNOWN_FIELD,
            "mkdocs.yml:15: error: extra.torv.brand_color: unknown field `brand_color` (did you "
            "mean `brand_colour`?); expected one of: municipality, languages, timezone, "
            "phone_region, missing_translation, reviewed_max_age_days, brand_colour, logo, "
            "repo_edit_base, cname, renderer",
        )
    ]
