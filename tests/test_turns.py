"""Tests for stance.turns: the labels that open an interviewer's question."""
from __future__ import annotations

import pytest

from stance.clean import fold
from stance.turns import question_labels


@pytest.mark.parametrize("line, asking_only, always", [
    pytest.param("Q : Où en sont les discussions ?", False, True, id="q"),
    pytest.param("Question : Moscou recule-t-il ?", False, True, id="question"),
    pytest.param("QUESTION (Reuters) : Le président a exclu tout retrait.", False, True, id="with-the-askers-outlet"),
    pytest.param("JOURNALISTE : Plus prudent, en tout cas.", True, False, id="journalist-counts-only-if-it-asks"),
    pytest.param("Quelle question : la paix ?", False, False, id="no-label"),
])
def test_question_labels(line: str, asking_only: bool, always: bool) -> None:
    asking, labelled = question_labels()
    assert (asking.match(fold(line)) is not None, labelled.match(fold(line)) is not None) == (asking_only, always)
