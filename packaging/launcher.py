"""The bundle's entry point (PyInstaller needs a script): the same `main` as the `advisor-app` command."""

import multiprocessing
import sys

from advisor_app.cli.main import main

if __name__ == "__main__":
    # The window's sync runs in a spawned process: the bundle's executable is started again for
    # it, and this hands such a start to multiprocessing instead of the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
