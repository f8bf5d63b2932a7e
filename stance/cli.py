"""Command line: each command resolves its arguments, calls one library function, renders.

Data goes to stdout, logs and progress to stderr. Library errors (`StanceError`) become
one line on stderr and exit code 1, never a traceback.
"""
from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from . import __version__
from .errors import StanceError

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


def _write_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str = "") -> None:
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


def _documents(paths: list[str]) -> list[Any]:
    from .documents import Failure, iter_documents

    docs = []
    for item in iter_documents(paths):
        if isinstance(item, Failure):
            log.error("%s: %s", item.source, item.reason)
        else:
            docs.append(item)
    return docs


@app.command()
@command
def segment(paths: Annotated[list[str], typer.Argument(help="Files, folders (*.txt, recursive) or - for stdin.")],
            fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl) -> None:
    """Split articles into sentences and zoned lines (doc, index, start, end, kind, text)."""
    from .segment import split_sentences

    rows = [{"doc": d.doc, "index": s.index, "start": s.start, "end": s.end, "kind": s.kind, "text": s.text}
            for d in _documents(paths) for s in split_sentences(d.text)]
    _write_rows(rows, fmt.value, ["doc", "index", "start", "end", "kind", "text"])


@app.command()
@command
def attribute(paths: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
              fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl,
              speakers: Annotated[Optional[Path], typer.Option(help="TOML file adding speakers.")] = None) -> None:
    """Find claims and their speakers (no stance): the attribution stage alone."""
    from .claims import extract_claims
    from .speakers import load_registry

    registry = load_registry(speakers)
    columns = ["doc", "start", "end", "speaker", "speakers", "speaker_mention", "cue", "method", "text"]
    rows = []
    for document in _documents(paths):
        for claim in extract_claims(document.text, doc=document.doc, registry=registry):
            row = claim.to_dict()
            rows.append({c: row[c] for c in columns})
    _write_rows(rows, fmt.value, columns)


def _progress_printer(quiet: bool) -> Callable[..., None] | None:
    if quiet:
        return None
    if sys.stderr.isatty():
        from .progress import RichProgress

        return RichProgress()
    state = {"n": 0}

    def plain(item: Any, summary: Any) -> None:
        from .documents import Failure

        state["n"] += 1
        if isinstance(item, Failure):
            log.error("%s: %s (skipped)", item.source, item.reason)
        elif state["n"] % 100 == 0:
            log.info("%d documents, %d claims", summary.documents, sum(summary.claims.values()))
    return plain


@app.command()
@command
def label(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders, JSONL/CSV corpora (.gz ok), or - for stdin.")] = None,
    fmt: Annotated[Fmt, typer.Option("--format", help="jsonl, csv or table.")] = Fmt.jsonl,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here (atomically) instead of stdout.")] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out file.")] = False,
    resume: Annotated[bool, typer.Option(help="Continue an interrupted run into the same --out file.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (-1: all cores).")] = 1,
    glob: Annotated[str, typer.Option(help="File pattern inside folders.")] = "*.txt",
    from_list: Annotated[Optional[str], typer.Option(help="File listing input paths, one per line.")] = None,
    text_field: Annotated[str, typer.Option(help="Text field of JSONL/CSV corpora.")] = "text",
    id_field: Annotated[str, typer.Option(help="Id field of JSONL/CSV corpora.")] = "id",
    date_field: Annotated[str, typer.Option(help="Date field of JSONL/CSV corpora.")] = "date",
    speakers: Annotated[Optional[Path], typer.Option(help="TOML file adding or overriding speakers.")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model file (default: the shipped model).")] = None,
    min_score: Annotated[float, typer.Option(help="Drop claims whose label score is below this.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary.")] = False,
    dask: Annotated[Optional[str], typer.Option(help="Run on a Dask scheduler address, or 'local'.")] = None,
) -> None:
    """Label every claim of the given documents: speaker and stance, with what decided them."""
    from .batch import AtomicOutput, label_to_output
    from .output import csv_header, format_claim
    from .persist import load_model

    if not paths and not from_list:
        raise StanceError("give at least one path, - for stdin, or --from-list")
    if resume and not out:
        raise StanceError("--resume needs --out")
    if dask:
        from .dask import label_with_dask

        summary = label_with_dask(paths or [], dask, out=out, fmt=fmt.value, force=force, model=model,
                                  speakers=str(speakers) if speakers else None)
        _report_summary(summary, quiet)
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
        _write_rows(rows, "table", ["doc", "speaker", "label", "score", "source", "text"])
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


@app.command()
@command
def train(
    annotations: Annotated[Optional[list[Path]], typer.Argument(help="JSONL files or folders (default: the shipped corpus).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Model file to write (card written beside it).")] = Path("models/stance-default.joblib"),
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    cv: Annotated[str, typer.Option(help="Cross-validation: kfold, article or none.")] = "kfold",
    folds: Annotated[int, typer.Option(help="Folds for --cv kfold.")] = 5,
) -> None:
    """Train the hybrid model on annotations and write it with its model card."""
    from .train import train_model

    if cv not in ("kfold", "article", "none"):
        raise StanceError("--cv must be kfold, article or none")
    card = train_model(annotations, out, seed=seed, cv=cv, folds=folds,
                       progress=lambda i, n: log.info("cross-validation fold %d/%d", i, n))
    if card.get("cv_scores"):
        _print_cv(card["cv_scores"], f"{cv} cross-validation ({card['n_examples']} claims)")
    log.info("wrote %s (%s)", out, card["model_sha256"][:12])


def _print_cv(scores: dict[str, Any], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from .records import LABELS

    table = Table("mode", "macro-F1", "accuracy", *[f"{lab} F1" for lab in LABELS], title=title)
    for mode, rep in scores.items():
        table.add_row(mode, f"{rep['macro_f1']:.3f}", f"{rep['accuracy']:.3f}",
                      *[f"{rep['per_class'][lab]['f1']:.3f}" for lab in LABELS])
    Console(stderr=True).print(table)


@app.command()
@command
def evaluate(
    annotations: Annotated[Optional[list[Path]], typer.Argument(help="Annotation files for claim-level CV (default: shipped corpus).")] = None,
    articles: Annotated[Optional[Path], typer.Option(help="Folder of articles for end-to-end scoring.")] = None,
    gold: Annotated[Optional[Path], typer.Option(help="Gold JSONL for the --articles.")] = None,
    scheme: Annotated[str, typer.Option(help="Claim-level CV: article, kfold or none.")] = "article",
    model: Annotated[Optional[Path], typer.Option(help="Model for end-to-end scoring.")] = None,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="table or json.")] = ReportFmt.table,
) -> None:
    """Claim-level CV (rules, model, hybrid side by side) and end-to-end scores on articles."""
    from .report_eval import run_evaluation

    result = run_evaluation(annotations, articles, gold, scheme, model,
                            progress=lambda i, n: log.info("fold %d/%d", i, n))
    if fmt == ReportFmt.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    from .report_eval import print_evaluation

    print_evaluation(result)


@app.command()
@command
def rules(annotations: Annotated[Optional[list[Path]], typer.Argument(help="Annotation files (default: shipped corpus).")] = None,
          fmt: Annotated[ReportFmt, typer.Option("--format", help="table or json.")] = ReportFmt.table,
          errors: Annotated[int, typer.Option(help="Error examples shown per rule.")] = 2) -> None:
    """Per-rule coverage, overlaps, conflicts, accuracy and error examples on annotations."""
    from .rule_analysis import analyse_rules, print_rule_analysis

    result = analyse_rules(annotations, errors=errors)
    if fmt == ReportFmt.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        print_rule_analysis(result)


@annotations_app.command("check")
@command
def annotations_check(paths: Annotated[list[Path], typer.Argument(help="Annotation files or folders.")],
                      articles: Annotated[Optional[list[Path]], typer.Option(help="Folders holding <doc>.txt articles.")] = None) -> None:
    """Validate annotation files; print problems with file and line; exit 1 if any."""
    from .annotations import validate

    problems = validate(paths, articles or _default_article_dirs(paths))
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
    from .annotations import count_table, read_annotations
    from .records import LABELS

    examples, problems = read_annotations(paths)
    for problem in problems:
        log.warning("%s", problem)
    for key in by.split(","):
        table = count_table(examples, key.strip())
        rows = [{key: value, **{lab: counts.get(lab, 0) for lab in (*LABELS, "any")}, "total": sum(counts.values())}
                for value, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values()))]
        _write_rows(rows, fmt.value if fmt != ReportFmt.json else "jsonl", [key, *LABELS, "any", "total"], title=f"by {key}")


@app.command()
@command
def summary(paths: Annotated[list[str], typer.Argument(help="JSONL outputs of `stance label`, folders, or - for stdin.")],
            by: Annotated[str, typer.Option(help="speaker, date or speaker,date.")] = "speaker",
            freq: Annotated[Freq, typer.Option(help="Period for --by date: day, week (named by its Monday) or month.")] = Freq.week,
            fmt: Annotated[ReportFmt, typer.Option("--format", help="table, csv or json.")] = ReportFmt.table) -> None:
    """Counts and shares of each stance per speaker and/or per period (undated claims: 'undated')."""
    from .summary import columns_for, read_output, summarize

    rows = summarize(read_output(paths), by=by, freq=freq.value)
    _write_rows(rows, fmt.value if fmt != ReportFmt.json else "jsonl", columns_for(by), title=f"by {by}")


@app.command()
@command
def report(paths: Annotated[list[str], typer.Argument(help="JSONL outputs of `stance label`, or folders of them.")],
           html: Annotated[Path, typer.Option("--html", help="HTML page to write (atomically).")],
           articles: Annotated[Optional[list[Path]], typer.Option("--articles", help="Folder holding <doc>.txt articles (repeatable).")] = None,
           freq: Annotated[Freq, typer.Option(help="Timeline period: day, week or month.")] = Freq.week,
           title: Annotated[str, typer.Option(help="Page title.")] = "Stance report") -> None:
    """One self-contained HTML page: stances per speaker, over time, and each article highlighted."""
    from .report import write_report

    log.info("wrote %s", write_report(paths, articles or [], html, title=title, freq=freq.value))


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
