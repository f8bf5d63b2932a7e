"""French negation scope on folded text (guide §3: negation flips the cue).

A cue is negated when a negator (« pas », « jamais », « aucun », « sans »…) stands before
it in the same clause, close enough to govern it. « ne … que » restricts rather than
negates, and double negations (« ne pas exclure », « pas impossible ») read as
affirmative. Clause limits: , ; : . ! ? and « mais ».
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import word_list

_CLAUSE_LIMIT = re.compile(r"[;:.!?]|,(?!\s*(?:ni|ou)\b)|\bmais\b|\bet\s+(?:que|qu')")
_WINDOW_WORDS = 6


@lru_cache(maxsize=1)
def _negator_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in word_list("negators"))
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])")


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in word_list("negation_idioms")))


@lru_cache(maxsize=1)
def _double_negation() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in word_list("double_negation")))


def clause_start(folded: str, position: int) -> int:
    """Start of the clause holding ``position``."""
    start = 0
    for match in _CLAUSE_LIMIT.finditer(folded, 0, position):
        start = match.end()
    return start


def is_negated(folded: str, start: int) -> bool:
    """Whether the cue starting at ``start`` in ``folded`` is under negation.

    >>> is_negated("il n'y a eu aucun progres", 19)
    True
    >>> is_negated("il n'y a eu que des progres", 20)
    False
    >>> is_negated("moscou n'exclut pas un accord", 23)
    False
    """
    begin = clause_start(folded, start)
    window = folded[begin:start]
    words = re.findall(r"[\w']+", window)
    recent = _idioms().sub(" ", " ".join(words[-_WINDOW_WORDS:]))
    if _double_negation().search(recent):
        return False
    for match in _negator_pattern().finditer(recent):
        tail = recent[match.end():]
        if match.group() in ("plus", "point") and not re.search(r"(?<![\w'])(?:ne|n')", recent[:match.start()]):
            continue  # « plus de progrès » is a comparison, « le point de blocage » a noun: not « ne … plus / point »
        if re.match(r"\s+(?:seulement|uniquement)\b", tail):
            continue
        return True
    return False


def is_restriction(folded: str, start: int) -> bool:
    """« ne … que » before the cue: a restriction (« n'a fait que des progrès »), not a negation."""
    window = folded[clause_start(folded, start):start]
    return bool(re.search(r"(?<![\w'])(?:ne|n')\b.*\bque?\b", window)) and not _negator_pattern().search(window)
