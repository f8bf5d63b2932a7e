"""The two parts of NLTK stance uses (Punkt, the Snowball French stemmer), imported alone.

``import nltk.tokenize.punkt`` first runs NLTK's package ``__init__``, which imports nearly
all of NLTK and, when they are installed, scipy.stats and scikit-learn: 0.3 s with those two
held back, over a second with them, in every process that labels anything. Punkt and the
stemmer need a dozen small modules (about 0.08 s). So they are executed under placeholder
``nltk``, ``nltk.tokenize``, ``nltk.stem`` and ``nltk.corpus`` packages, and every NLTK
module loaded that way is then removed from ``sys.modules``: a later ``import nltk`` (by the
user's own code) builds the real package from scratch, untouched by stance. The classes
stance holds are then distinct objects from the ones ``import nltk`` gives, and are only
used by stance.

If NLTK is already imported, or the light import fails (a future NLTK that needs more of
itself at import time), the normal import is used: slower, never wrong. Not thread-safe
against another thread importing NLTK during the first call (a fraction of a second at
start-up), which stance itself never does.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

_PLACEHOLDER_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")


class NltkParts(NamedTuple):
    """The NLTK modules stance uses."""

    punkt: ModuleType
    snowball: ModuleType


def _import_normally() -> NltkParts:
    return NltkParts(importlib.import_module("nltk.tokenize.punkt"), importlib.import_module("nltk.stem.snowball"))


def _import_without_package_init() -> NltkParts:
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed as a package")
    root = Path(next(iter(spec.submodule_search_locations)))
    before = set(sys.modules)
    try:
        for name in _PLACEHOLDER_PACKAGES:
            package = ModuleType(name)
            package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
            sys.modules[name] = package
        # snowball.py imports the stop-word corpus loader, used only with ignore_stopwords=True
        sys.modules["nltk.corpus"].stopwords = None  # type: ignore[attr-defined]
        return NltkParts(importlib.import_module("nltk.tokenize.punkt"),
                         importlib.import_module("nltk.stem.snowball"))
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


@lru_cache(maxsize=1)
def load_nltk_parts() -> NltkParts:
    """Punkt and Snowball modules, without running NLTK's package ``__init__`` when possible.

    Returns
    -------
    NltkParts
        ``punkt`` (``nltk.tokenize.punkt``) and ``snowball`` (``nltk.stem.snowball``).
    """
    if "nltk" in sys.modules:  # already paid for by someone: nothing to save
        return _import_normally()
    try:
        return _import_without_package_init()
    except Exception:  # noqa: BLE001 - any failure of the shortcut falls back to the plain import
        return _import_normally()
