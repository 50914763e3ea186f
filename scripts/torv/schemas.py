"""Export the validating schemas as JSON Schema files for editors (one per content kind).

The same `Schema` classes that validate content produce these files, so they never disagree.
"""
from __future__ import annotations

import json
import os

from .models import Contacts, NewsItem, Page, Pillar, Policy, Settings
from .schema import Localized, Text

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas")
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def tags_schema() -> dict:
    label = Localized(Text(max_length=60))
    return {"title": "Tags (news/tags.yml)", "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9-]*$"}, "additionalProperties": label.json()}


def all_schemas() -> dict[str, dict]:
    """File name -> JSON Schema."""
    out = {}
    for name, schema in (("policy", Policy), ("pillar", Pillar), ("news", NewsItem), ("page", Page)):
        out[f"{name}.schema.json"] = schema.json_schema()
        tr = schema.json_schema(translation=True)
        tr["title"] = schema.schema_title + ": translation"
        out[f"{name}.translation.schema.json"] = tr
    out["contacts.schema.json"] = Contacts.json_schema()
    out["tags.schema.json"] = tags_schema()
    out["settings.schema.json"] = Settings.json_schema()
    for name, j in out.items():
        j["$schema"] = DIALECT
        j["$id"] = f"https://torv.invalid/schemas/{name}"
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write(directory: str = SCHEMA_DIR) -> list[str]:
    os.makedirs(directory, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = os.path.join(directory, name)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(render(schema))
        written.append(path)
    return written
