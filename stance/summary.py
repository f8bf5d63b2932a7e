"""Counts and shares of each stance per speaker and/or per period, from `stance label` output.

Rows are the JSONL lines written by ``stance label`` (see :data:`stance.output.FIELDS`).
Rows whose ``label`` is not one of the three stances are skipped; a missing speaker is
counted under ``(unknown)``; a missing date, or a date without a year (``--12-02``), goes
to the ``undated`` period.
"""
from __future__ import annotations

import gzip
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError
from .records import LABELS

FREQS: tuple[str, ...] = ("day", "week", "month")
BY_KEYS: tuple[str, ...] = ("speaker", "date")
UNDATED = "undated"
UNKNOWN_SPEAKER = "(unknown)"


def parse_by(by: str | Sequence[str]) -> tuple[str, ...]:
    """Grouping keys from ``"speaker,date"`` or a sequence, checked and deduplicated.

    Parameters
    ----------
    by : str or sequence of str
        Any of ``speaker`` and ``date`` (``period`` is accepted for ``date``).

    Returns
    -------
    tuple of str
        The keys in the order given.

    Raises
    ------
    ConfigError
        On an unknown key.

    Examples
    --------
    >>> parse_by("speaker, date")
    ('speaker', 'date')
    """
    items = by.split(",") if isinstance(by, str) else list(by)
    keys: list[str] = []
    for item in items:
        key = item.strip().lower()
        key = "date" if key == "period" else key
        if not key:
            continue
        if key not in BY_KEYS:
            raise ConfigError(f"--by: unknown key {item.strip()!r} (expected speaker, date or speaker,date)")
        if key not in keys:
            keys.append(key)
    return tuple(keys)


def _check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise ConfigError(f"--freq: unknown frequency {freq!r} (expected {', '.join(FREQS)})")
    return freq


def period_of(value: Any, freq: str = "week") -> str:
    """The period bucket of a date: ``YYYY-MM-DD`` (day, or Monday of the ISO week) or ``YYYY-MM``.

    Parameters
    ----------
    value : Any
        An ISO date (``2025-12-06``, a time part is ignored), or anything else.
    freq : {"day", "week", "month"}
        Bucket size.

    Returns
    -------
    str
        The bucket, or ``"undated"`` when ``value`` is not a full date with a year.

    Examples
    --------
    >>> period_of("2025-12-06", "week"), period_of("2025-12-06", "month"), period_of("--12-02")
    ('2025-12-01', '2025-12', 'undated')
    """
    _check_freq(freq)
    if not isinstance(value, str) or len(value) < 10:
        return UNDATED
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return UNDATED
    if freq == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if freq == "month":
        return day.isoformat()[:7]
    return day.isoformat()


def summarize(rows: Iterable[dict[str, Any]], by: str | Sequence[str] = ("speaker",),
              freq: str = "week") -> list[dict[str, Any]]:
    """Counts and shares of each stance per group of claims.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label`` (``speaker``, ``date`` and ``label`` are read).
    by : str or sequence of str
        Grouping keys: ``speaker``, ``date`` or both (``"speaker,date"``); empty for one
        overall row.
    freq : {"day", "week", "month"}
        Period size when grouping by date; weeks are named by their Monday.

    Returns
    -------
    list of dict
        One row per group: ``speaker`` and/or ``period``, ``claims``, the count of each
        stance and its share (rounded to 4 decimals). Sorted by speaker (most claims
        first, then name), then period (chronological, ``undated`` last).

    Raises
    ------
    ConfigError
        On an unknown key in ``by`` or an unknown ``freq``.

    Examples
    --------
    >>> rows = [{"speaker": "rubio", "date": "2025-12-06", "label": "progress"},
    ...         {"speaker": "rubio", "date": None, "label": "obstacle"}]
    >>> [(r["speaker"], r["claims"], r["progress_share"]) for r in summarize(rows)]
    [('rubio', 2, 0.5)]
    """
    keys = parse_by(by)
    _check_freq(freq)
    counts: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    per_speaker: Counter[str] = Counter()
    for row in rows:
        label = row.get("label")
        if label not in LABELS:
            continue
        speaker = str(row.get("speaker") or UNKNOWN_SPEAKER)
        values = {"speaker": speaker, "date": period_of(row.get("date"), freq)}
        counts[tuple(values[k] for k in keys)][label] += 1
        per_speaker[speaker] += 1

    def order(group: tuple[str, ...]) -> tuple[Any, ...]:
        parts: list[Any] = []
        for key, value in zip(keys, group):
            if key == "speaker":
                parts += [-per_speaker[value], value]
            else:
                parts += [value == UNDATED, value]
        return tuple(parts)

    out: list[dict[str, Any]] = []
    for group in sorted(counts, key=order):
        counter = counts[group]
        total = sum(counter.values())
        row_out: dict[str, Any] = {("period" if k == "date" else k): v for k, v in zip(keys, group)}
        row_out["claims"] = total
        row_out.update({label: counter[label] for label in LABELS})
        row_out.update({f"{label}_share": round(counter[label] / total, 4) for label in LABELS})
        out.append(row_out)
    return out


def columns_for(by: str | Sequence[str]) -> list[str]:
    """Column names of :func:`summarize` rows for these grouping keys, in order.

    Examples
    --------
    >>> columns_for("date")[:3]
    ['period', 'claims', 'progress']
    """
    keys = ["period" if k == "date" else k for k in parse_by(by)]
    return [*keys, "claims", *LABELS, *(f"{label}_share" for label in LABELS)]


def _open_lines(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig")


def _expand(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    for entry in paths:
        path = Path(entry)
        if str(entry) != "-" and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz")))
            if not found:
                raise InputError(f"{path}: no .jsonl files in this folder")
            yield from found
        else:
            yield entry


def read_output(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Rows of JSONL output files written by ``stance label``, in order.

    Parameters
    ----------
    paths : iterable of str or Path
        Files (``.jsonl``, ``.jsonl.gz``), folders (their ``*.jsonl`` files, recursively)
        or ``-`` for stdin. Blank lines are skipped.

    Yields
    ------
    dict
        One output row per line.

    Raises
    ------
    InputError
        When a file is missing or unreadable, or a line is not a JSON object; the
        message names the file and the line.
    """
    for entry in _expand(paths):
        lines: Any
        if str(entry) == "-":
            name, lines = "<stdin>", sys.stdin
        else:
            path = Path(entry)
            name = str(path)
            if not path.is_file():
                raise InputError(f"{path}: no such file")
            try:
                lines = _open_lines(path)
            except OSError as exc:
                raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        try:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{name}:{number}: invalid JSON ({exc.msg}, column {exc.colno})") from None
                if not isinstance(row, dict):
                    raise InputError(f"{name}:{number}: expected a JSON object, got {type(row).__name__}")
                yield row
        except (OSError, UnicodeDecodeError, EOFError) as exc:
            raise InputError(f"{name}: cannot read ({exc})") from None
        finally:
            if lines is not sys.stdin:
                lines.close()
