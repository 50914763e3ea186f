"""Export the validating schemas as JSON Schema files for editors (one per content kind).

The same `Schema` classes that validate content produce these files, so they never disagree.
"""

from __future__ import annotations

import json
import os

from .models import TAG_LABEL, Contacts, NewsItem, Page, Pillar, Policy, Settings
from .schema.limits import ID_PATTERN
from .statement import REL as STATEMENT_REL
from .statement import Statement

SCHEMA_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "schemas")
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The YAML data files and the schema each one fits. Editors get the schema from the
# `# yaml-language-server: $schema=...` line at the top of the file (any editor with the YAML language
# server: VS Code's YAML extension, Neovim, Helix, JetBrains) and from .vscode/settings.json. Markdown
# front matter gets none: the YAML extension does not read it (redhat-developer/vscode-yaml#207); the
# validator checks it (pre-commit, and the annotations on a pull request).
DATA_FILE_SCHEMAS = {
    "policy/contacts.yml": "contacts.schema.json",
    "news/tags.yml": "tags.schema.json",
    STATEMENT_REL: "accessibility.schema.json",
}


def tags_schema() -> dict:
    return {
        "title": "Tags (news/tags.yml)",
        "type": "object",
        "propertyNames": {"pattern": ID_PATTERN},
        "additionalProperties": TAG_LABEL.json(),
    }


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
    out["accessibility.schema.json"] = Statement.json_schema()
    for name, j in out.items():
        j["$schema"] = DIALECT
        j["$id"] = f"https://torv.invalid/schemas/{name}"
    return out


def modeline(rel: str) -> str:
    """The first line of a data file (path from the repository's top) that names its schema."""
    schema = os.path.relpath(os.path.join("scripts", "schemas", DATA_FILE_SCHEMAS[rel]), os.path.dirname(rel))
    return f"# yaml-language-server: $schema={schema.replace(os.sep, '/')}"


def vscode_mapping() -> dict[str, str]:
    """`yaml.schemas` of .vscode/settings.json: schema (from the repository's top) -> data file."""
    return {f"./scripts/schemas/{name}": rel for rel, name in DATA_FILE_SCHEMAS.items()}


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


def settings_table() -> str:
    """The table of Torv's settings (`extra.torv` in mkdocs.yml) in the README, from the Settings schema: every
    setting, its default and what it does (tests/test_settings.py keeps the README's table the same)."""
    from .models import Settings
    from .schema import MISSING

    rows = ["| setting | default | what it does |", "|---|---|---|"]
    for name, opt in Settings.fields().items():
        if opt.default is not MISSING:
            default = f"`{str(opt.default).lower() if isinstance(opt.default, bool) else opt.default}`"
        else:
            default = "required" if opt.required else "none"
        what = opt.help.replace("|", "\\|")
        rows.append(f"| `{name}` | {default} | {what} |")
    return "\n".join(rows)
