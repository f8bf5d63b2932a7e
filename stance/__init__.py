"""stance: who said what in French news about negotiations, and is it progress, obstacle or position.

Everything public is importable from the package; heavy modules (scikit-learn, the
model) load only when first used, so ``import stance`` and ``stance --help`` stay fast.

>>> import stance
>>> [s.kind for s in stance.split_sentences("NOUVELLES DISCUSSIONS\\nLe Kremlin a parlé.")]
['heading', 'sentence']
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Claim", "Document", "Label", "Labeler", "Prediction", "Sentence", "StanceClassifier", "StanceError",
    "extract_claims", "label_files", "label_text", "score", "split_sentences", "to_dataframe",
]

_WHERE = {
    "Claim": "records", "Document": "records", "Label": "records", "Prediction": "records", "Sentence": "records",
    "StanceError": "errors", "split_sentences": "segment", "extract_claims": "claims",
    "StanceClassifier": "estimator", "Labeler": "pipeline", "label_text": "pipeline", "score": "pipeline",
    "label_files": "batch", "to_dataframe": "frames",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stance' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
