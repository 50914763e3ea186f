"""The JSON Schemas for editors come from the validating models, are up to date, and fit the sample."""

import glob
import os

import jsonschema
import pytest

from conftest import FIXTURE
from torv import schemas
from torv.discover import NAME_RE, classify
from torv.yamlio import decode, load_yaml, split_front_matter

SAMPLE_DEFAULT = "da"


def test_checked_in_schemas_are_generated_from_the_models():
    expected = schemas.all_schemas()
    on_disk = sorted(os.path.basename(p) for p in glob.glob(os.path.join(schemas.SCHEMA_DIR, "*.json")))
    assert on_disk == sorted(expected), "run `make schemas` and commit scripts/schemas/"
    for name, schema in expected.items():
        with open(os.path.join(schemas.SCHEMA_DIR, name), encoding="utf-8") as fh:
            assert fh.read() == schemas.render(schema), f"{name} is stale: run `make schemas`"


def test_every_schema_is_valid_json_schema():
    for schema in schemas.all_schemas().values():
        jsonschema.Draft202012Validator.check_schema(schema)


def _front_matter(path):
    with open(path, "rb") as fh:
        return split_front_matter(decode(fh.read())).meta


def sample_markdown():
    out = []
    for top in ("policy", "news", "docs"):
        for path in sorted(glob.glob(os.path.join(FIXTURE, top, "**", "*.md"), recursive=True)):
            rel = os.path.relpath(path, FIXTURE).replace(os.sep, "/")
            name = NAME_RE.match(os.path.basename(rel))
            assert name, f"{rel}: not a <stem>.<lang>.md file name"
            out.append((rel, classify(rel), name["lang"]))
    return out


KIND_FILE = {"policy": "policy", "pillar": "pillar", "news": "news", "page": "page"}


@pytest.mark.parametrize("rel,kind,lang", sample_markdown())
def test_sample_markdown_fits_its_schema(rel, kind, lang):
    name = KIND_FILE[kind] + (".schema.json" if lang == SAMPLE_DEFAULT else ".translation.schema.json")
    jsonschema.validate(_front_matter(os.path.join(FIXTURE, rel)), schemas.all_schemas()[name])


@pytest.mark.parametrize("rel,name", sorted(schemas.DATA_FILE_SCHEMAS.items()))
def test_sample_data_fits_its_schema(rel, name):
    with open(os.path.join(FIXTURE, rel), "rb") as fh:
        data, _ = load_yaml(decode(fh.read()))
    jsonschema.validate(data, schemas.all_schemas()[name])


def test_schema_rejects_what_the_validator_rejects():
    news = schemas.all_schemas()["news.schema.json"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"titel": "x", "summary": "y", "date": "2026-01-01"}, news)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x", "summary": "y", "date": "30.01.2025"}, news)
