"""Access to the package's data files (word lists, TOML rules, shipped model and corpus).

Word lists are plain text: one entry per line, ``#`` starts a comment, blank lines are
skipped. Everything is read through :mod:`importlib.resources` so it works from a wheel.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


def data_path(name: str) -> Path:
    """Path of a file in ``stance/data``."""
    return Path(str(resources.files("stance") / "data" / name))


def _shipped(package: str, folder: str) -> Path:
    # Installed, the folder is the subpackage ``package``; run from a source checkout
    # (tests, ``python -m stance`` in the repository) it is the top-level ``folder``.
    checkout = Path(__file__).resolve().parent.parent / folder
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return checkout


def models_dir() -> Path:
    """Directory holding the shipped model (``models/`` in the repository)."""
    return _shipped("stance.models", "models")


def corpus_dir() -> Path:
    """Directory holding the shipped annotations (``annotations/`` in the repository)."""
    return _shipped("stance.corpus", "annotations")


def parse_word_list(text: str) -> tuple[str, ...]:
    """Entries of a word-list text: stripped lines, comments and blanks dropped."""
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``stance/data/<name>.txt``."""
    return parse_word_list(data_path(f"{name}.txt").read_text(encoding="utf-8"))


@cache
def word_set(name: str) -> frozenset[str]:
    """Entries of ``stance/data/<name>.txt`` as a set, for membership tests."""
    return frozenset(word_list(name))


def load_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning syntax errors into a `ConfigError` naming file and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
