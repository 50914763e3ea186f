#!/usr/bin/env python3
"""Create a new news item, meeting or commitment in every language: `python scripts/new.py news "Title"`.

`make news TITLE="..."`, `make meeting TITLE="..." START="2026-12-03 08:30"` and
`make commitment PILLAR=dialog TEXT="..."` call this.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.cli import new_main, run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(new_main))
