"""Interview transcripts: « — » dialogue lines alternating question and answer.

French radio and press interviews print each turn as a line opening with a dash. When a
document has at least four such turns and the interviewer's turns ask questions, every
other turn is the guest's answer: a claim of the guest, whose name is taken from the
greeting (« — Hélène Castaing, bonjour. ») or, failing that, is the last person named
before the dialogue. The interviewer's turns are never claims (guide §2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Mention, Sentence
from .speakers import ascii_id

_GREETING = re.compile(r"\s*([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+)\s*,\s*bonjour\b")
_MIN_TURNS = 4


@dataclass(frozen=True)
class Interview:
    """Where the turns are, which are answers, and who answers."""

    answers: frozenset[int]  # line starts of the guest's turns
    questions: frozenset[int]
    guest: str | None
    guest_mention: str | None


def line_start(text: str, position: int) -> int:
    """Offset of the start of the line holding ``position``."""
    return text.rfind("\n", 0, position) + 1


def _turn_lines(text: str, sentences: list[Sentence]) -> list[int]:
    # a dash marker opens a turn; a turn is known by the start of its line
    return [line_start(text, s.start) for s in sentences if s.kind == "marker" and s.text in ("—", "–", "-")]


def find_interview(text: str, sentences: list[Sentence], mentions: list[Mention]) -> Interview | None:
    """The interview structure of a document, or None when it has no dialogue."""
    turns = _turn_lines(text, sentences)
    if len(turns) < _MIN_TURNS:
        return None
    lines = [text[t:text.find("\n", t) if text.find("\n", t) >= 0 else len(text)].strip(" \t—–-\u00a0")
             for t in turns]
    asked = [line.endswith(("?", "…", "...")) for line in lines]
    if sum(asked[0::2]) <= sum(asked[1::2]):  # the interviewer's turns are the ones that ask
        return None
    greeting = _GREETING.match(lines[0])
    guest, shown = None, None
    if greeting:
        shown = greeting.group(1)
        start = turns[0] + text[turns[0]:].find(shown)
        named = next((m for m in mentions if m.start <= start < m.end and m.speaker), None)
        guest = named.speaker if named else ascii_id(shown.split()[-1])
    else:
        before = [m for m in mentions if m.end <= turns[0] and m.kind == "person" and m.speaker]
        if before:
            guest, shown = before[-1].speaker, before[-1].text
    return Interview(frozenset(turns[1::2]), frozenset(turns[0::2]), guest, shown)


def turn_of(interview: Interview, text: str, sentence: Sentence) -> str | None:
    """``"answer"``, ``"question"`` or None for a sentence outside the dialogue."""
    line = line_start(text, sentence.start)
    if line in interview.answers:
        return "answer"
    if line in interview.questions:
        return "question"
    return None
