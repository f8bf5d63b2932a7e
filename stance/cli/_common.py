"""Shared pieces of the command line: the app, error handling, rendering of rows."""
from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import typer

from .. import __version__
from ..errors import StanceError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Find who said what in French news about negotiations, and label each claim "
                       "progress, obstacle or position.")
annotations_app = typer.Typer(no_args_is_help=True, help="Check annotation files and count them.")
app.add_typer(annotations_app, name="annotations")
log = logging.getLogger("stance")


class Fmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class ReportFmt(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Freq(str, Enum):
    day = "day"
    week = "week"
    month = "month"


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr and return the exit to raise."""
    typer.echo(f"stance: error: {message}", err=True)
    return typer.Exit(code)


def command(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one stderr line and exit code 1 (also under CliRunner)."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StanceError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"stance {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More log lines on stderr.")] = False,
) -> None:
    """Configure logging to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("stance: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False
def write_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, show_lines=False)
        for column in columns:
            wide = column == "text"
            table.add_column(column, overflow="fold", ratio=4 if wide else None, min_width=40 if wide else None)
        for row in rows:
            table.add_row(*[str(row.get(c, "")) if row.get(c) is not None else "" for c in columns])
        Console().print(table)
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_documents(paths: list[str]) -> tuple[list[Any], int]:
    """Readable documents of ``paths``, and how many could not be read (each logged)."""
    from ..documents import Failure, iter_documents

    docs, failed = [], 0
    for item in iter_documents(paths):
        if isinstance(item, Failure):
            log.error("%s: %s", item.source, item.reason)
            failed += 1
        else:
            docs.append(item)
    return docs, failed
