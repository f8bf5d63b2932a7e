"""`stance summary` and `stance report`: reading labelled output."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Freq, ReportFmt, app, command, log, write_rows


@app.command()
@command
def summary(paths: Annotated[list[str], typer.Argument(help="JSONL outputs of `stance label`, folders, or - for stdin.")],
            by: Annotated[str, typer.Option(help="speaker, date or speaker,date.")] = "speaker",
            freq: Annotated[Freq, typer.Option(help="Period for --by date: day, week (named by its Monday) or month.")] = Freq.week,
            fmt: Annotated[ReportFmt, typer.Option("--format", help="table, csv or json.")] = ReportFmt.table) -> None:
    """Counts and shares of each stance per speaker and/or per period (undated claims: 'undated')."""
    from ..summary import columns_for, read_output, summarize

    rows = summarize(read_output(paths), by=by, freq=freq.value)
    write_rows(rows, fmt.value if fmt != ReportFmt.json else "jsonl", columns_for(by), title=f"by {by}")


@app.command()
@command
def report(paths: Annotated[list[str], typer.Argument(help="JSONL outputs of `stance label`, or folders of them.")],
           html: Annotated[Path, typer.Option("--html", help="HTML page to write (atomically).")],
           articles: Annotated[list[Path] | None, typer.Option("--articles", help="Folder holding <doc>.txt articles (repeatable).")] = None,
           freq: Annotated[Freq, typer.Option(help="Timeline period: day, week or month.")] = Freq.week,
           title: Annotated[str, typer.Option(help="Page title.")] = "Stance report") -> None:
    """One self-contained HTML page: stances per speaker, over time, and each article highlighted."""
    from ..report import write_report

    log.info("wrote %s", write_report(paths, articles or [], html, title=title, freq=freq.value))
