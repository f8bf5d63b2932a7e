"""Annotation files: loading, validation and counts (guide §4).

A row is a claim (``text``, ``speakers``, ``label``; ``doc``/``start``/``end`` when it
comes from an article) or an ``ignore`` span. Validation names file and line for every
problem: bad JSON, unknown label, malformed speaker id, offsets that do not match the
article, duplicate or near-duplicate rows across files, and training rows that overlap
evaluation text.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .clean import fold
from .documents import decode_bytes
from .errors import AnnotationError
from .records import LABELS

SPEAKER_ID = re.compile(r"(?:\*|[a-z][a-z0-9_]*)\Z")
VALID_LABELS = (*LABELS, "any")
_SHINGLE = 5


@dataclass(frozen=True)
class Example:
    """One annotation row."""

    text: str
    label: str | None
    speakers: tuple[str, ...] = ()
    doc: str | None = None
    start: int | None = None
    end: int | None = None
    ignore: bool = False
    file: str = ""
    line: int = 0
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def trainable(self) -> bool:
        """Rows that teach a label (not ignore, not ``any``)."""
        return not self.ignore and self.label in LABELS


@dataclass(frozen=True, slots=True)
class Problem:
    """A validation problem at a file and line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def annotation_files(paths: Iterable[str | Path]) -> list[Path]:
    """JSONL files named by ``paths`` (folders searched recursively), in a stable order."""
    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*.jsonl") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise AnnotationError(f"{path}: no such file or directory")
    return files


def _parse_row(row: object, where: str, file: str, line: int) -> tuple[Example | None, list[Problem]]:
    if not isinstance(row, dict):
        return None, [Problem(file, line, "row is not a JSON object")]
    problems = []
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append(Problem(file, line, "missing or empty 'text'"))
        text = ""
    ignore = bool(row.get("ignore", False))
    label = row.get("label")
    speakers = row.get("speakers", [row["speaker"]] if "speaker" in row else [])
    if not ignore:
        if label not in VALID_LABELS:
            problems.append(Problem(file, line, f"unknown label {label!r} (expected {', '.join(VALID_LABELS)})"))
        if not isinstance(speakers, list) or not speakers:
            problems.append(Problem(file, line, "'speakers' must be a non-empty list"))
            speakers = []
        for sid in speakers:
            if not isinstance(sid, str) or not SPEAKER_ID.match(sid):
                problems.append(Problem(file, line, f"malformed speaker id {sid!r} (lowercase ascii, or *)"))
    start, end, doc = row.get("start"), row.get("end"), row.get("doc")
    if (start is None) != (end is None) or (start is not None and not (isinstance(start, int) and isinstance(end, int)
                                                                      and 0 <= start < end)):
        problems.append(Problem(file, line, "'start' and 'end' must be integers with 0 <= start < end"))
        start = end = None
    if start is not None and not doc:
        problems.append(Problem(file, line, "offsets given without 'doc'"))
    known = {"text", "label", "speakers", "speaker", "doc", "start", "end", "ignore"}
    example = Example(text, None if ignore else label, tuple(s for s in speakers if isinstance(s, str)),
                      doc, start, end, ignore, file, line, {k: v for k, v in row.items() if k not in known})
    return example, problems


def read_annotations(paths: Iterable[str | Path]) -> tuple[list[Example], list[Problem]]:
    """All rows of the files named by ``paths`` and the problems found while parsing."""
    examples, problems = [], []
    for path in annotation_files(paths):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), 0, f"cannot read ({exc})"))
            continue
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as exc:
                problems.append(Problem(str(path), number, f"invalid JSON: {exc.msg} (column {exc.colno})"))
                continue
            example, found = _parse_row(row, f"{path}:{number}", str(path), number)
            problems.extend(found)
            if example is not None and not found:
                examples.append(example)
    return examples, problems


def load_examples(paths: Iterable[str | Path]) -> list[Example]:
    """Trainable rows of the files; raises `AnnotationError` naming the first problem."""
    examples, problems = read_annotations(paths)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise AnnotationError(f"{problems[0]}{more}")
    return [e for e in examples if e.trainable]


def normalize_text(text: str) -> str:
    """Key for near-duplicate detection: folded, punctuation dropped, spaces collapsed."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _shingles(text: str) -> set[str]:
    words = normalize_text(text).split()
    return {" ".join(words[i:i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}


def find_articles(doc: str, article_dirs: Iterable[Path]) -> Path | None:
    """The article file ``<doc>.txt`` in one of ``article_dirs``."""
    for folder in article_dirs:
        candidate = folder / f"{doc}.txt"
        if candidate.exists():
            return candidate
    return None


def validate(paths: Iterable[str | Path], article_dirs: Iterable[str | Path] = (),
             overlap: float = 0.6) -> list[Problem]:
    """Every problem of the annotation files (empty list when all is well).

    Offsets are checked against ``<doc>.txt`` in ``article_dirs``; rows without offsets
    (training rows) must not share more than ``overlap`` of their 5-word shingles with a
    row that has offsets (evaluation text), and no training row may normalise to the same
    text as another row (nor two spans of one article).
    """
    examples, problems = read_annotations(paths)
    folders = [Path(d) for d in article_dirs]
    cache: dict[str, str | None] = {}
    seen: dict[str, Example] = {}
    index: dict[str, set[int]] = defaultdict(set)
    evaluation = [e for e in examples if e.start is not None]
    for i, example in enumerate(evaluation):
        for shingle in _shingles(example.text):
            index[shingle].add(i)
    for example in examples:
        if example.start is not None and folders:
            if example.doc not in cache:
                found = find_articles(example.doc, folders)
                cache[example.doc] = decode_bytes(found.read_bytes(), str(found)) if found else None
            article = cache[example.doc]
            if article is None:
                problems.append(Problem(example.file, example.line, f"article {example.doc}.txt not found"))
            elif article[example.start:example.end] != example.text:
                problems.append(Problem(example.file, example.line, "text differs from article[start:end]"))
        key = normalize_text(example.text)
        # two articles may both quote a stock phrase (« C'est un pas important. »), and a wire
        # feed repeats its paragraphs in later dispatches (each span is then checked against the
        # article above): only a training row, or the same span twice, repeats data
        first = seen.get(key)
        if first and not example.ignore and (example.start is None or first.start is None
                                             or (first.doc, first.start) == (example.doc, example.start)):
            problems.append(Problem(example.file, example.line,
                                    f"duplicate of {first.file}:{first.line} (same text once normalised)"))
        elif not example.ignore:
            seen[key] = example
        if example.start is None:
            shingles = _shingles(example.text)
            hits = Counter(j for s in shingles for j in index.get(s, ()))
            if hits:
                j, count = hits.most_common(1)[0]
                if count / len(shingles) >= overlap:
                    other = evaluation[j]
                    problems.append(Problem(example.file, example.line,
                                            f"overlaps evaluation text {other.file}:{other.line}"))
    return problems


def count_table(examples: Iterable[Example], key: str) -> dict[str, Counter]:
    """Counts of labels per value of ``key`` (``speaker``, ``topic``, ``file``, ``hard``…)."""
    table: dict[str, Counter] = defaultdict(Counter)
    for example in examples:
        if example.ignore:
            continue
        if key == "speaker":
            values = list(example.speakers) or ["-"]
        elif key == "file":
            values = [Path(example.file).name]
        else:
            values = [str(example.extra.get(key, "-"))]
        for value in values:
            table[value][example.label or "-"] += 1
    return dict(table)
