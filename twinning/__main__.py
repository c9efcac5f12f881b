import sys

from twinning.cli import main

sys.exit(main())
