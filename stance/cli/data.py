"""`stance annotations check|stats`, and exchange with annotation tools."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ._common import ReportFmt, annotations_app, app, command, fail, log, write_rows


@annotations_app.command("check")
@command
def annotations_check(paths: Annotated[list[Path], typer.Argument(help="Annotation files or folders.")],
                      articles: Annotated[list[Path] | None, typer.Option(help="More folders holding <doc>.txt articles (seeds/ and articles/ folders beside the files are always searched).")] = None) -> None:
    """Validate annotation files; print problems with file and line; exit 1 if any."""
    from ..annotations import validate

    problems = validate(paths, [*(articles or []), *_default_article_dirs(paths)])
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise fail(f"{len(problems)} problem(s)")
    log.info("no problems")


def _default_article_dirs(paths: list[Path]) -> list[Path]:
    dirs = [Path("seeds")]
    for path in paths:
        base = path if path.is_dir() else path.parent
        dirs += [p for p in base.rglob("articles") if p.is_dir()] + [base / "articles"]
    return [d for d in dirs if d.is_dir()]


@annotations_app.command("stats")
@command
def annotations_stats(paths: Annotated[list[Path], typer.Argument(help="Annotation files or folders.")],
                      by: Annotated[str, typer.Option(help="Comma-separated keys: file, speaker, topic, hard, origin, style.")] = "file,speaker,topic,hard",
                      fmt: Annotated[ReportFmt, typer.Option("--format", help="table, csv or json.")] = ReportFmt.table) -> None:
    """Counts of labels per file, speaker, topic and hard-case kind."""
    from ..annotations import count_table, read_annotations
    from ..records import LABELS

    examples, problems = read_annotations(paths)
    for problem in problems:
        log.warning("%s", problem)
    for key in by.split(","):
        table = count_table(examples, key.strip())
        rows = [{key: value, **{lab: counts.get(lab, 0) for lab in (*LABELS, "any")}, "total": sum(counts.values())}
                for value, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values()))]
        write_rows(rows, fmt.value if fmt != ReportFmt.json else "jsonl", [key, *LABELS, "any", "total"], title=f"by {key}")


class Tool(str, Enum):
    labelstudio = "labelstudio"
    doccano = "doccano"


@app.command()
@command
def export(
    predictions: Annotated[Path, typer.Argument(help="JSONL output of stance label.")],
    to: Annotated[Tool, typer.Option("--to", help="labelstudio or doccano.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Tasks file to write (atomically).")],
    articles: Annotated[list[Path] | None, typer.Option(help="Folders holding <doc>.txt (default: seeds and articles/ folders beside the predictions).")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out file.")] = False,
) -> None:
    """Write predictions as pre-annotations for Label Studio or doccano, one task per article."""
    from ..exchange import export_file

    count = export_file(predictions, articles or _default_article_dirs([predictions]), out, to=to.value, force=force)
    log.info("wrote %d task(s) to %s", count, out)
    if to == Tool.labelstudio:
        log.info("set up the Label Studio project with stance.exchange.LABEL_CONFIG")


@app.command(name="import")
@command
def import_(
    export_path: Annotated[Path, typer.Argument(metavar="EXPORT", help="Label Studio JSON export or doccano JSONL export.")],
    from_: Annotated[Tool, typer.Option("--from", help="labelstudio or doccano.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Annotation file to write, e.g. annotations/new.jsonl.")],
    articles: Annotated[list[Path] | None, typer.Option(help="Folders holding <doc>.txt to check the spans against.")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out file.")] = False,
) -> None:
    """Turn a corrected Label Studio or doccano export into an annotation file (guide §4)."""
    from ..exchange import import_file

    count = import_file(export_path, out, from_=from_.value, force=force, article_dirs=articles or [])
    log.info("wrote %d annotation row(s) to %s; check with: stance annotations check %s", count, out, out)
