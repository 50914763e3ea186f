"""`python -m torv ...`: the same as the `torv` command."""

import sys

from .cli import main

sys.exit(main())
