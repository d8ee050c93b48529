"""Shovel Ready's command line: `python build.py --help`."""

import sys

from generator.cli import main

if __name__ == "__main__":
    sys.exit(main())
