#!/usr/bin/env python3
"""Write the JSON Schemas for editors to scripts/schemas/ (from the same models that validate)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from torv.schemas import write  # noqa: E402

if __name__ == "__main__":
    for path in write():
        print(os.path.relpath(path))
