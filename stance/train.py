"""`stance train`: fit the hybrid on annotation files, cross-validate, write model + card.

Same files, parameters and seed give a byte-identical model file and the same card
(but for its ``date``).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .annotations import annotation_files, load_examples
from .errors import StanceError
from .estimator import StanceClassifier
from .evaluate import cross_validate
from .persist import save_model, sha256_files
from .resources import corpus_dir

EVALUATION_PREFIX = "heldout"  # held-out test sets are never trained on


def training_files(paths: Sequence[str | Path]) -> list[Path]:
    """Annotation files under ``paths``, leaving out folders named ``heldout*`` inside a folder.

    A held-out file named on its own is used: the caller asked for it.
    """
    files: list[Path] = []
    for entry in paths:
        root = Path(entry)
        found = annotation_files([root])
        if root.is_dir():
            found = [f for f in found if not any(p.startswith(EVALUATION_PREFIX) for p in f.relative_to(root).parts)]
        files.extend(found)
    return files


def default_training_files() -> list[Path]:
    """The shipped corpus: written training rows, seed gold and dev gold (not held-out)."""
    return training_files([corpus_dir()])


def _stored_name(path: Path) -> str:
    root = corpus_dir().resolve()
    resolved = path.resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else str(resolved)


def train_model(paths: Sequence[str | Path] | None, out: str | Path, *, seed: int = 0,
                params: dict[str, Any] | None = None, cv: str = "kfold", folds: int = 5,
                progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Train on ``paths`` (default: the shipped corpus), write ``out`` and its card.

    Returns the card (with cross-validated scores unless ``cv="none"``).
    """
    files = training_files(paths) if paths else default_training_files()
    if not files:
        raise StanceError("no annotation files to train on")
    examples = load_examples(files)
    if len({e.label for e in examples}) < 2:
        raise StanceError("training needs examples of at least two labels")
    params = dict(params or {})
    estimator = StanceClassifier(**params, random_state=seed)
    scores = None
    if cv != "none":
        scores = cross_validate(examples, estimator, scheme="article" if cv == "article" else "kfold",
                                folds=folds, seed=seed, progress=progress)
    model = estimator.fit([e.text for e in examples], [e.label for e in examples])
    card = {
        "name": Path(out).stem, "labels": list(model.classes_), "n_examples": len(examples),
        "counts": dict(sorted(Counter(e.label for e in examples).items())),
        "data_files": [_stored_name(f) for f in files], "data_sha256": sha256_files(files),
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in model.get_params().items()
                   if k not in ("random_state", "mode")},
        "seed": seed, "cv": cv if scores else "none",
        "cv_scores": _round({m: {k: v for k, v in r.items() if k != "errors"} for m, r in scores.items()})
        if scores else None,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    return save_model(model, out, card)


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_round(v) for v in value]
    return value
