"""Tests for stance.turns: the labels that open an interviewer's question, quotation signatures."""
from __future__ import annotations

import pytest

from stance.attribute import mask_quotes
from stance.clean import fold
from stance.turns import question_labels, signature_below, signature_start, voice_label


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


@pytest.mark.parametrize("text, name", [
    pytest.param("« Nos conditions n'ont pas changé. » — Sergueï Lavrov, le 6 juin.", "Sergueï", id="signed"),
    pytest.param("« La prochaine fois, à Moscou. » – Vladimir Poutine.", "Vladimir", id="en-dash"),
    pytest.param("Il a dit « non » — Sergueï Lavrov a confirmé.", None, id="text-before-the-quotation"),
    pytest.param("« Non. » — et pourtant la réunion a eu lieu.", None, id="no-name-after-the-dash"),
    pytest.param("— Sergueï Lavrov, le 6 juin.", None, id="no-quotation"),
])
def test_signature_start(text: str, name: str | None) -> None:
    start = signature_start(text, mask_quotes(text, fold(text), False)[0])
    assert (text[start:].split()[0] if start is not None else None) == name


@pytest.mark.parametrize("line, name", [
    pytest.param("(SON — Steve Witkoff, traduit de l'anglais)", "Steve", id="son"),
    pytest.param("[EXTRAIT SONORE : Dmitri Peskov]", "Dmitri", id="extrait-sonore"),
    pytest.param("(DUPLEX — Mathieu Girard)", None, id="the-correspondent-is-no-voice"),
    pytest.param("(Son ministre a parlé)", None, id="no-dash"),
])
def test_voice_label(line: str, name: str | None) -> None:
    start = voice_label(fold(line), 0, len(line))
    assert (line[start:].split()[0] if start is not None else None) == name


def test_signature_below() -> None:
    text = "« Rien n'est réglé. »\n— Iouri Ouchakov"
    assert text[signature_below(text, text.index("»") + 1):] == "Iouri Ouchakov"
    assert signature_below("« Non. » — Iouri Ouchakov", 7) is None
