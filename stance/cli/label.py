"""`stance label`: batch labelling of files, folders, stdin and corpora."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import StanceError
from ._common import Fmt, app, command, log, write_rows


def _report_failures(item: Any, summary: Any) -> None:
    from ..documents import Failure

    if isinstance(item, Failure):
        log.error("%s: %s (skipped)", item.source, item.reason)


def _progress_printer(quiet: bool) -> Callable[..., None]:
    if quiet:
        return _report_failures  # --quiet drops progress, never the reason a document failed
    if sys.stderr.isatty():
        from .render import RichProgress

        return RichProgress()
    state = {"n": 0}

    def plain(item: Any, summary: Any) -> None:
        from ..documents import Failure

        state["n"] += 1
        if isinstance(item, Failure):
            log.error("%s: %s (skipped)", item.source, item.reason)
        elif state["n"] % 100 == 0:
            log.info("%d documents, %d claims", summary.documents, sum(summary.claims.values()))
    return plain


@app.command()
@command
def label(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders, JSONL/CSV corpora (.gz ok), or - for stdin.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="jsonl, csv or table.")] = Fmt.jsonl,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here (atomically) instead of stdout.")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out file.")] = False,
    resume: Annotated[bool, typer.Option(help="Continue an interrupted run into the same --out file.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (-1: all cores).")] = 1,
    glob: Annotated[str, typer.Option(help="File pattern inside folders.")] = "*.txt",
    from_list: Annotated[str | None, typer.Option(help="File listing input paths, one per line.")] = None,
    text_field: Annotated[str, typer.Option(help="Text field of JSONL/CSV corpora.")] = "text",
    id_field: Annotated[str, typer.Option(help="Id field of JSONL/CSV corpora.")] = "id",
    date_field: Annotated[str, typer.Option(help="Date field of JSONL/CSV corpora.")] = "date",
    speakers: Annotated[Path | None, typer.Option(help="TOML file adding or overriding speakers.")] = None,
    model: Annotated[Path | None, typer.Option(help="Model file (default: the shipped model).")] = None,
    min_score: Annotated[float, typer.Option(help="Drop claims whose label score is below this.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    dask: Annotated[str | None, typer.Option(help="Run on a Dask scheduler address, or 'local'.")] = None,
) -> None:
    """Label every claim of the given documents: speaker and stance, with what decided them."""
    from ..batch import AtomicOutput, label_to_output
    from ..output import csv_header, format_claim
    from ..persist import load_model

    if not paths and not from_list:
        raise StanceError("give at least one path, - for stdin, or --from-list")
    if resume and not out:
        raise StanceError("--resume needs --out")
    if dask:
        if resume or jobs != 1:
            raise StanceError("--resume and --jobs do not apply with --dask (the cluster sets the parallelism)")
        from ..dask import label_with_dask

        summary = label_with_dask(paths or [], dask, out=out, fmt=fmt.value, force=force, model=model,
                                  speakers=str(speakers) if speakers else None, min_score=min_score, pattern=glob,
                                  text_field=text_field, id_field=id_field, date_field=date_field,
                                  from_list=from_list)
        for failure in summary.failures:
            log.error("%s: %s (skipped)", failure.source, failure.reason)
        _report_summary(summary, quiet)
        if summary.failures:
            raise typer.Exit(1)
        return
    loaded = load_model(model)
    options = dict(jobs=jobs, model=loaded if jobs == 1 else (str(model) if model else None),
                   speakers=str(speakers) if speakers else None, pattern=glob, text_field=text_field,
                   id_field=id_field, date_field=date_field, from_list=from_list)
    progress = _progress_printer(quiet)
    if out is not None:
        target = AtomicOutput(out, "csv" if fmt == Fmt.csv else "jsonl", force=force, resume=resume)
        try:
            summary = label_to_output(paths or [], target.write, min_score=min_score, on_progress=progress,
                                      skip=target.done, **options)
        except BaseException:
            target.close()
            raise
        target.commit()
    elif fmt == Fmt.table:
        rows: list[dict[str, Any]] = []
        summary = label_to_output(paths or [], lambda d, cs: rows.extend(c.to_dict() for c in cs),
                                  min_score=min_score, on_progress=progress, **options)
        write_rows(rows, "table", ["doc", "speaker", "label", "score", "source", "text"])
    else:
        if fmt == Fmt.csv:
            sys.stdout.write(csv_header())
        summary = label_to_output(paths or [], lambda d, cs: sys.stdout.write("".join(format_claim(c, fmt.value) for c in cs)),
                                  min_score=min_score, on_progress=progress, **options)
    if hasattr(progress, "close"):
        progress.close()
    _report_summary(summary, quiet)
    if summary.failures:
        raise typer.Exit(1)


def _report_summary(summary: Any, quiet: bool) -> None:
    if quiet:
        return
    data = summary.as_dict()
    labels = ", ".join(f"{k} {v}" for k, v in sorted(data["claims_per_label"].items())) or "none"
    log.info("%d documents, %d claims (%s), %d failed, %.2f s, %.2f MB/s", data["documents"], data["claims"],
             labels, data["failures"], data["seconds"], data["mb_per_s"])
