"""Allow ``python -m twinning.extraction``."""

import sys

from twinning.extraction.cli import main

sys.exit(main())
