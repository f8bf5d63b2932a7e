"""`stance train`, `stance evaluate` and `stance rules`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import StanceError
from ._common import ReportFmt, app, command, log


@app.command()
@command
def train(
    annotations: Annotated[list[Path] | None, typer.Argument(help="JSONL files or folders (default: the shipped corpus).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Model file to write (card written beside it).")] = Path("models/stance-default.joblib"),
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    cv: Annotated[str, typer.Option(help="Cross-validation: kfold, article or none.")] = "kfold",
    folds: Annotated[int, typer.Option(help="Folds for --cv kfold.")] = 5,
) -> None:
    """Train the hybrid model on annotations and write it with its model card."""
    from ..train import train_model

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

    from ..records import LABELS

    table = Table("mode", "macro-F1", "accuracy", *[f"{lab} F1" for lab in LABELS], title=title)
    for mode, rep in scores.items():
        table.add_row(mode, f"{rep['macro_f1']:.3f}", f"{rep['accuracy']:.3f}",
                      *[f"{rep['per_class'][lab]['f1']:.3f}" for lab in LABELS])
    Console(stderr=True).print(table)


@app.command()
@command
def evaluate(
    annotations: Annotated[list[Path] | None, typer.Argument(help="Annotation files for claim-level CV (default: shipped corpus).")] = None,
    articles: Annotated[Path | None, typer.Option(help="Folder of articles for end-to-end scoring.")] = None,
    gold: Annotated[Path | None, typer.Option(help="Gold JSONL for the --articles.")] = None,
    scheme: Annotated[str, typer.Option(help="Claim-level CV: article, kfold or none.")] = "article",
    model: Annotated[Path | None, typer.Option(help="Model for end-to-end scoring.")] = None,
    fmt: Annotated[ReportFmt, typer.Option("--format", help="table or json.")] = ReportFmt.table,
) -> None:
    """Claim-level CV (rules, model, hybrid side by side) and end-to-end scores on articles."""
    from ..report_eval import run_evaluation

    result = run_evaluation(annotations, articles, gold, scheme, model,
                            progress=lambda i, n: log.info("fold %d/%d", i, n))
    if fmt == ReportFmt.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        return
    from .render import print_evaluation

    print_evaluation(result)


@app.command()
@command
def rules(annotations: Annotated[list[Path] | None, typer.Argument(help="Annotation files (default: shipped corpus).")] = None,
          fmt: Annotated[ReportFmt, typer.Option("--format", help="table or json.")] = ReportFmt.table,
          errors: Annotated[int, typer.Option(help="Error examples shown per rule.")] = 2) -> None:
    """Per-rule coverage, overlaps, conflicts, accuracy and error examples on annotations."""
    from ..rule_analysis import analyse_rules
    from .render import print_rule_analysis

    result = analyse_rules(annotations, errors=errors)
    if fmt == ReportFmt.json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
    else:
        print_rule_analysis(result)
