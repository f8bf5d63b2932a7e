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
from .train import default_training_files, training_files


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
        examples = load_examples(training_files(annotations) if annotations else default_training_files())
        result["claim_level"] = {"scheme": scheme, "n": len(examples),
                                 "modes": cross_validate(examples, scheme=scheme, progress=progress)}
    if articles is not None or gold is not None:
        if articles is None or gold is None:
            raise StanceError("end-to-end scoring needs both --articles and --gold")
        result["end_to_end"] = end_to_end(articles, gold, model)
    return result
