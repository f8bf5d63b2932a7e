"""Command line: each command resolves its arguments, calls one library function, renders.

Data goes to stdout, logs and progress to stderr. Library errors (`StanceError`) become
one line on stderr and exit code 1, never a traceback. One module per group of commands;
importing this package registers them all on `app`.
"""
from __future__ import annotations

import sys

from . import data, inspect, label, model, results  # noqa: F401 - registers the commands
from ._common import app

__all__ = ["app", "main", "run"]


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    try:
        app(args=argv, prog_name="stance", standalone_mode=True)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0


def run() -> None:
    """``stance`` console script."""
    sys.exit(main())
