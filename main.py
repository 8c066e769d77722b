"""民情台账 — entry point.

Without a subcommand the desktop application opens; subcommands do headless work
(``python main.py --help`` lists them). Kept tiny: the heavy imports happen later, after the
first window is painted or only in the subcommand that needs them.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
