"""Records passed between pipeline stages: frozen dataclasses and the one `Label` enum."""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any


class Label(str, Enum):
    """The three stances of the annotation guide (§3)."""

    PROGRESS = "progress"
    OBSTACLE = "obstacle"
    POSITION = "position"

    def __str__(self) -> str:
        return self.value


LABELS: tuple[str, ...] = tuple(label.value for label in Label)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A unit of the original text: a sentence, or a zoned line such as a heading.

    ``text == source[start:end]`` always holds; ``kind`` is ``sentence`` for article
    prose and ``header``, ``heading``, ``boilerplate``, ``byline``, ``dateline``,
    ``caption`` or ``link`` for zoned lines that are never claims.
    """

    start: int
    end: int
    text: str
    kind: str = "sentence"
    index: int = 0
    paragraph: int = 0

    @property
    def is_prose(self) -> bool:
        """True for units that may carry a claim."""
        return self.kind == "sentence"


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a possible speaker found in the text (offsets into the original)."""

    start: int
    end: int
    text: str
    speaker: str | None
    kind: str  # person, institution, place, media, source, group, pronoun, role
    gender: str = ""  # "m", "f" or "" when unknown
    side: str = ""  # US, RU, UA, EU or ""


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement the article attributes to a source, with its stance once labelled."""

    start: int
    end: int
    text: str
    doc: str | None = None
    speaker: str | None = None
    speakers: tuple[str, ...] = ()
    speaker_mention: str | None = None
    cue: str | None = None
    method: str | None = None
    sentence: int = 0
    unit: int = 0  # claims of one sentence or one quotation share a unit
    date: str | None = None
    label: Label | None = None
    score: float | None = None
    probabilities: dict[str, float] | None = field(default=None, compare=False)
    source: str | None = None
    rule: str | None = None
    evidence: tuple[str, ...] = ()
    meta: dict[str, Any] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict with the documented output fields."""
        # field by field: dataclasses.asdict deep-copies and took most of the output time
        row = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        row["label"] = self.label.value if self.label else None
        row["speakers"] = list(self.speakers)
        row["evidence"] = list(self.evidence)
        row["probabilities"] = dict(self.probabilities) if self.probabilities is not None else None
        if self.meta is None:
            del row["meta"]
        else:
            row["meta"] = copy.deepcopy(self.meta)
        return row


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


@dataclass(frozen=True, slots=True)
class Prediction:
    """One stance decision, with what decided it."""

    label: Label
    score: float
    probabilities: dict[str, float]
    source: str  # "rule" or "model"
    rule: str | None = None
    cue: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    """One article to process: its id, its text as read, and optional metadata."""

    doc: str
    text: str
    date: str | None = None
    meta: dict[str, Any] | None = field(default=None, compare=False)
