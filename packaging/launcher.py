"""The bundle's entry point (PyInstaller needs a script): the same `main` as the `advisor-app` command."""

import sys

from advisor_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
