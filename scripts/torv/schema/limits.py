"""The form of an id and the maximum length of each kind of text, for the checks, JSON Schemas and scaffolding."""

from __future__ import annotations

import re

from ..safety.names import ID  # an id, a slug or a file name: lowercase letters, digits and -

ID_PATTERN = f"^{ID}$"
ID_RE = re.compile(ID_PATTERN)
PILLAR_OR_COMMITMENT_PATTERN = f"^{ID}(/{ID})?$"  # `dialog` or `dialog/hoering`

TITLE_MAX = 120  # the title of the policy, a pillar, a news item or a page
SUMMARY_MAX = 300  # a summary: a sentence or two for lists, search results and feeds
VISION_MAX = 400  # the policy's vision
COMMITMENT_MAX = 300  # the text of a commitment
ICON_MAX = 80  # a Material icon name
LOCATION_MAX = 200  # where a meeting takes place: location, address; who it is for
ALT_MAX = 250  # what a picture shows
CAPTION_MAX = 250  # a picture's caption
NAME_MAX = 120  # the name of a person, a unit or the municipality; a role; a reason for closing
STREET_MAX = 120
POSTCODE_MAX = 12
CITY_MAX = 80
TAG_LABEL_MAX = 60  # the label of a tag
