#!/usr/bin/env python3
"""Validate, then build site/ in every language: `python scripts/build.py [--today DATE] [--out DIR]`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.cli import build_main, run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(build_main))
