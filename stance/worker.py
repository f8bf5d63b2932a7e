"""Entry point of batch worker processes.

A worker unpickles the function it runs, importing its module first; this module imports
nothing heavy, so the pipeline (and NLTK with it) is imported here under
`stance.lean.lean_nltk_import`, saving each worker about a second of start-up.
"""
from __future__ import annotations

import sys
from typing import Any

from .lean import lean_nltk_import


def label_chunk_in_worker(chunk: list[Any], model: Any, speakers: str | None) -> list[Any]:
    """`stance.batch.label_chunk` in a worker process (same arguments, same result)."""
    if "nltk" not in sys.modules:
        with lean_nltk_import():
            from . import pipeline  # noqa: F401 - imports NLTK without scipy and scikit-learn
    from .batch import label_chunk

    return label_chunk(chunk, model, speakers)
