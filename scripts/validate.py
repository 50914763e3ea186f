#!/usr/bin/env python3
"""Check all content: `python scripts/validate.py [--strict] [--format text|github|json] [--today DATE]`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.cli import run, validate_main  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(validate_main))
