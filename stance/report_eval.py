"""`stance evaluate`: claim-level CV side by side and end-to-end scores, as data and as tables."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .annotations import load_examples
from .errors import StanceError
from .evaluate import cross_validate, score_predictions
from .output import claim_row
from .pipeline import Labeler
from .records import LABELS
from .train import default_training_files


def end_to_end(articles: Path, gold: Path, model: Path | None = None) -> dict[str, Any]:
    """Label every ``*.txt`` of ``articles`` and score against ``gold`` (as ``score.py`` does)."""
    if not articles.is_dir():
        raise StanceError(f"{articles}: not a folder of articles")
    try:
        gold_rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise StanceError(f"{gold}: cannot read gold JSONL ({exc})") from None
    labeler = Labeler.load(model)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))}
    predictions = [claim_row(c) for doc, text in texts.items() for c in labeler.label(text, doc=doc)]
    return score_predictions(predictions, gold_rows, texts)


def run_evaluation(annotations: list[Path] | None, articles: Path | None, gold: Path | None, scheme: str,
                   model: Path | None, progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Claim-level CV (unless ``scheme == "none"``) and end-to-end scores (when articles given)."""
    result: dict[str, Any] = {}
    if scheme != "none":
        examples = load_examples(annotations or default_training_files())
        result["claim_level"] = {"scheme": scheme, "n": len(examples),
                                 "modes": cross_validate(examples, scheme=scheme, progress=progress)}
    if articles is not None or gold is not None:
        if articles is None or gold is None:
            raise StanceError("end-to-end scoring needs both --articles and --gold")
        result["end_to_end"] = end_to_end(articles, gold, model)
    return result


def print_evaluation(result: dict[str, Any]) -> None:
    """Render the evaluation as rich tables on stdout."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    claim = result.get("claim_level")
    if claim:
        table = Table("mode", "macro-F1", "accuracy", *[f"{lab} P/R/F1" for lab in LABELS],
                      title=f"claim level, {claim['scheme']} CV, {claim['n']} claims")
        for mode, rep in claim["modes"].items():
            cells = [f"{rep['per_class'][lab]['precision']:.2f}/{rep['per_class'][lab]['recall']:.2f}/"
                     f"{rep['per_class'][lab]['f1']:.3f}" for lab in LABELS]
            table.add_row(mode, f"{rep['macro_f1']:.3f}", f"{rep['accuracy']:.3f}", *cells)
        console.print(table)
        confusion = Table("gold \\ predicted", *LABELS, title="hybrid confusion matrix")
        for lab, row in zip(LABELS, claim["modes"]["hybrid"]["confusion"]):
            confusion.add_row(lab, *[str(v) for v in row])
        console.print(confusion)
    e2e = result.get("end_to_end")
    if e2e:
        table = Table("measure", "value", title="end to end")
        for key in ("gold_claims", "predicted_matched", "false_positives", "detection_p", "detection_r",
                    "detection_f1", "speaker_acc", "label_acc", "label_macro_f1", "strict_recall"):
            table.add_row(key, str(e2e[key]))
        console.print(table)
