"""Reading documents: text files, folders, stdin, lists of paths, and JSONL/CSV corpora.

Files are read as UTF-8 (a BOM is stripped); text that is not UTF-8 falls back to cp1252
with a logged warning. Binary files, missing paths and empty documents raise
`InputError` with the path in the message. Corpus files (``.jsonl``, ``.csv``, optionally
``.gz``) yield one document per row; unreadable rows are reported, not fatal.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .clean import fold
from .errors import InputError
from .records import Document

log = logging.getLogger("stance")
CORPUS_SUFFIXES = (".jsonl", ".csv", ".jsonl.gz", ".csv.gz")
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read: where, and why."""

    source: str
    reason: str


def decode_bytes(raw: bytes, source: str) -> str:
    """Decode file content: UTF-8 (BOM stripped), else cp1252 with a warning."""
    if raw.startswith(_BINARY_MAGIC) or b"\x00" in raw[:65536]:
        raise InputError(f"{source}: binary file, not text")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    multibyte = sum(1 for byte in raw if byte >= 0xC0)
    bad = text.count("\ufffd")
    if multibyte and bad <= max(2, multibyte // 20):
        # UTF-8 with a stray byte or two: reading it all as cp1252 would garble every accent
        log.warning("%s: %d invalid UTF-8 byte(s) replaced by U+FFFD", source, bad)
        return text
    log.warning("%s: not UTF-8, read as cp1252", source)
    return raw.decode("cp1252", errors="replace")


_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes, JSON escapes) become U+FFFD: same length, so
    offsets hold, and the text can be written as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)


def read_text(path: Path | str) -> str:
    """Text of one file, with clear errors for missing, directory, binary or empty input."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    text = clean_surrogates(decode_bytes(raw, str(path)))
    if not text.strip():
        raise InputError(f"{path}: empty document")
    return text


_MONTHS = {name: i for i, name in enumerate(
    ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
     "novembre", "decembre"], start=1)}
_ISO_HEADER = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b", re.MULTILINE)
_NUMERIC = re.compile(r"\b(?:le\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b")
_WRITTEN = re.compile(r"\b(\d{1,2})(?:er)?\s+(" + "|".join(_MONTHS) + r")(?:\s+(\d{4}))?\b")


def detect_date(text: str) -> str | None:
    """Date of an article from a ``date YYYY-MM-DD`` header, a numeric date or a dateline.

    A dateline without a year (« MOSCOU, 2 décembre (Reuters) ») gives ``--12-02``.

    >>> detect_date("MOSCOU, 2 décembre (Reuters) - Le Kremlin…")
    '--12-02'
    >>> detect_date("Publié le 23/01/2026 à 10h")
    '2026-01-23'
    """
    head = fold(text[:2000])
    match = _ISO_HEADER.search(head)
    if match:
        return "-".join(match.groups())
    match = _NUMERIC.search(head)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    for line in head.splitlines()[:6]:
        match = _WRITTEN.search(line)
        if match and ("(" in line or line[:1].isalpha()):
            day, month, year = int(match.group(1)), _MONTHS[match.group(2)], match.group(3)
            return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return None


def _open_corpus(path: Path) -> io.TextIOBase:
    raw = gzip.open(path, "rb") if path.name.endswith(".gz") else open(path, "rb")  # noqa: SIM115
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="")


def iter_corpus(path: Path, text_field: str = "text", id_field: str = "id",
                date_field: str = "date") -> Iterator[Document | Failure]:
    """Documents of a JSONL or CSV corpus file, one per row; bad rows come as `Failure`."""
    name = path.name[:-3] if path.name.endswith(".gz") else path.name
    try:
        handle = _open_corpus(path)
        rows: Iterable[tuple[int, object]]
        if name.endswith(".csv"):
            csv.field_size_limit(sys.maxsize)
            rows = enumerate(csv.DictReader(handle), start=2)
        else:
            rows = ((n, line) for n, line in enumerate(handle, start=1))
        for number, row in rows:
            where = f"{path}:{number}"
            if isinstance(row, str):
                if not row.strip():
                    continue
                try:
                    row = json.loads(row)
                except json.JSONDecodeError as exc:
                    yield Failure(where, f"invalid JSON ({exc.msg})")
                    continue
            if not isinstance(row, dict) or not isinstance(row.get(text_field), str):
                yield Failure(where, f"no text in field {text_field!r}")
                continue
            text = row[text_field]
            if not text.strip():
                yield Failure(where, "empty document")
                continue
            doc = clean_surrogates(str(row.get(id_field) or f"{path.stem}:{number}"))
            meta = json.loads(clean_surrogates(json.dumps({k: v for k, v in row.items()
                                                           if k not in (text_field, id_field, date_field)})))
            text = clean_surrogates(text)
            yield Document(doc, text, str(row.get(date_field) or "") or detect_date(text), meta or None)
    except (OSError, UnicodeDecodeError, EOFError, csv.Error, gzip.BadGzipFile) as exc:
        yield Failure(str(path), f"cannot read corpus ({exc})")


def expand_paths(paths: Iterable[str], pattern: str = "*.txt") -> Iterator[str]:
    """Files named by ``paths`` in a stable order: folders recursively (``pattern`` and
    corpus files), ``-`` for stdin kept as is."""
    for entry in paths:
        if entry == "-":
            yield entry
            continue
        path = Path(entry)
        if path.is_dir():
            # a dangling link is listed too, so that it is reported instead of silently skipped
            found = {p for p in path.rglob(pattern) if p.is_file() or p.is_symlink()}
            found |= {p for suffix in CORPUS_SUFFIXES for p in path.rglob(f"*{suffix}") if p.is_file()}
            yield from (str(p) for p in sorted(found))
        else:
            yield entry


def doc_id(path: str) -> str:
    """Document id of a file: its name without the extension (as the gold files use)."""
    return Path(path).stem if path != "-" else "stdin"


def iter_documents(paths: Iterable[str], *, pattern: str = "*.txt", text_field: str = "text",
                   id_field: str = "id", date_field: str = "date") -> Iterator[Document | Failure]:
    """Every document named by ``paths`` (files, folders, ``-``, corpus files), in order."""
    for entry in expand_paths(paths, pattern):
        if entry == "-":
            yield _read_stdin()
            continue
        path = Path(entry)
        if path.name.endswith(CORPUS_SUFFIXES) and path.is_file():
            yield from iter_corpus(path, text_field, id_field, date_field)
            continue
        try:
            text = read_text(path)
        except InputError as exc:
            yield Failure(entry, str(exc).split(": ", 1)[-1])
            continue
        yield Document(clean_surrogates(doc_id(entry)), text, detect_date(text))


def _read_stdin() -> Document | Failure:
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None or sys.stdin.closed:
        return Failure("stdin", "standard input is closed")
    try:
        raw = stream.read()
        text = decode_bytes(raw, "stdin")
    except InputError as exc:
        return Failure("stdin", str(exc).split(": ", 1)[-1])
    except OSError as exc:
        return Failure("stdin", f"cannot read ({exc})")
    if not text.strip():
        return Failure("stdin", "empty document")
    return Document("stdin", text, detect_date(text))


def read_path_list(list_file: str) -> list[str]:
    """Paths listed one per line in ``list_file`` (blank lines and # comments skipped)."""
    lines = read_text(list_file).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
