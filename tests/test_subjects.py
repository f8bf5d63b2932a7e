"""Tests for stance.subjects: which mention may be, or is, the subject of a reporting verb."""
from __future__ import annotations

import pytest

from stance.clean import fold
from stance.eligibility import subjects_possible
from stance.mentions import find_mentions
from stance.speakers import load_registry
from stance.subjects import coordinated, subject_of_verb
from stance.verbs import verb_pattern


def _parts(text: str):
    folded = fold(text)
    mentions = [m for m in find_mentions(text, folded, 0, len(text), load_registry()) if m.speaker]
    return folded, mentions


def test_coordinated_list_needs_et_at_the_end() -> None:
    text = "Marco Rubio, Steve Witkoff et Jared Kushner ont parlé."
    _, mentions = _parts(text)
    assert [m.speaker for m in coordinated(text, mentions, mentions[0])] == ["rubio", "witkoff", "kushner"]
    text = "Selon le Kremlin, Kiev refuse."
    _, mentions = _parts(text)
    assert [m.speaker for m in coordinated(text, mentions, mentions[0])] == ["kremlin"]


@pytest.mark.parametrize("text, speaker, method", [
    pytest.param("« Rien n'est fait », a déclaré Marco Rubio.", "rubio", "inverted", id="inverted"),
    pytest.param("La proposition a été rejetée par Sergueï Lavrov.", "lavrov", "passive", id="passive-agent"),
    pytest.param("Marco Rubio a estimé que rien n'était fait.", "rubio", "subject", id="subject"),
    pytest.param("Au lendemain de la réunion, en présence des émissaires américains, le vice-président américain "
                 "a estimé que rien n'était fait.", "vance", "subject", id="after-opening-adverbials"),
    pytest.param("Dans une déclaration lue par la présentatrice Ekaterina Andreïeva, le Kremlin a estimé que rien "
                 "n'était fait.", "kremlin", "subject", id="agent-inside-opening-phrase"),
    pytest.param("Lors de son entretien avec Sergueï Lavrov, Marco Rubio a estimé que rien n'était fait.", "rubio",
                 "subject", id="opening-phrase-with-complement"),
    pytest.param("Interrogé sur une rencontre entre Donald Trump, Vladimir Poutine et Volodymyr Zelensky, JD Vance a "
                 "estimé que rien n'était fait.", "vance", "subject", id="opening-participle-with-a-list"),
    pytest.param("Voyageant avec son ministre, Sergueï Lavrov, Maria Zakharova a estimé que rien n'était fait.", "zakharova",
                 "subject", id="opening-present-participle"),
    pytest.param("Après la réunion, Vladimir Poutine et Volodymyr Zelensky, réunis à Istanbul, ont estimé que rien "
                 "n'était fait.", "poutine", "subject", id="list-subject-after-an-opening-phrase"),
])
def test_subject_of_verb(text: str, speaker: str, method: str) -> None:
    folded, mentions = _parts(text)
    masked = folded.replace("« rien n'est fait »", " " * len("« rien n'est fait »"))
    verb = next(verb_pattern().finditer(masked))
    found = subject_of_verb(text, masked, verb, mentions, subjects_possible(masked, mentions, 0), 0)
    assert found is not None and (found[0].speaker, found[1]) == (speaker, method)
