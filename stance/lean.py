"""Keep NLTK's optional scientific imports out of the processes stance runs itself.

``import nltk`` imports scipy.stats (for ``nltk.metrics.association``) and scikit-learn (for
``nltk.classify.scikitlearn``) even though Punkt and the Snowball stemmer, the only parts stance
uses, need neither. Both imports sit in ``try/except ImportError`` in NLTK, so refusing them
costs NLTK nothing we use and saves about one second of every ``stance`` start.

Only imports issued *by NLTK's own modules* are refused; scipy and scikit-learn stay importable
for stance itself (training, rebuilding a model). The finder is used only in processes stance
owns: the console script installs it for its whole run, and batch worker processes hold it
while they first import the pipeline (and NLTK with it). A library user's own process is
never changed. The one visible effect, in those processes only: NLTK's ``SklearnClassifier``
and ``fisher_exact``, which stance never uses, are unavailable.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from types import FrameType, ModuleType

_HELD_BACK = frozenset({"scipy", "sklearn"})


def _importing_module(frame: FrameType | None) -> str:
    """Name of the module whose code runs the import (importlib's own frames skipped)."""
    while frame is not None:
        name = str(frame.f_globals.get("__name__", ""))
        if not name.startswith(("importlib", "_frozen_importlib")):
            return name
        frame = frame.f_back
    return ""


class NltkOptionalImportBlocker:
    """Meta path finder refusing scipy and scikit-learn when NLTK asks for them.

    (A plain class with ``find_spec``: ``importlib.abc`` itself costs 10 ms to import.)
    """

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname.partition(".")[0] in _HELD_BACK:
            importer = _importing_module(sys._getframe(1))
            if importer == "nltk" or importer.startswith("nltk."):
                raise ImportError(f"{fullname} is not needed by stance's use of NLTK")
        return None


def install_lean_nltk_import() -> None:
    """Put the blocker first on ``sys.meta_path`` (once) unless NLTK is already imported."""
    if "nltk" in sys.modules:
        return
    if not any(isinstance(finder, NltkOptionalImportBlocker) for finder in sys.meta_path):
        sys.meta_path.insert(0, NltkOptionalImportBlocker())


@contextmanager
def lean_nltk_import() -> Iterator[None]:
    """Hold the blocker while the body runs (the body imports NLTK), then remove it."""
    blocker = NltkOptionalImportBlocker()
    sys.meta_path.insert(0, blocker)
    try:
        yield
    finally:
        sys.meta_path.remove(blocker)
