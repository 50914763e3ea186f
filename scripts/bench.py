#!/usr/bin/env python3
"""Speed and size figures, printed (never asserted in tests): `make bench [ARGS="--items 100,300 --runs 1"]`.

Builds a generated news archive with Torv and the same news pages with plain Material for MkDocs +
mkdocs-static-i18n, alternating; see scripts/torv/bench/ and `--help`.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.bench.run import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
