"""Tests for stance.verbs: the reporting-verb lexicon read from data."""
from __future__ import annotations

import re

import pytest

from stance.clean import fold
from stance.resources import word_list
from stance.verbs import verb_lexicon, verb_pattern


def _listed_entries() -> list[tuple[str, list[str]]]:
    entries = []
    for line in word_list("reporting_verbs"):
        head = re.match(r"[^\[{:]+", line).group().strip()
        tail = re.sub(r"\[[^\]]*\]|\{[^}]*\}", "", line)
        forms = tail.split(":", 1)[1] if ":" in tail else ""
        entries.append((fold(head), [fold(f).strip() for f in forms.split(",") if f.strip()]))
    return entries


@pytest.mark.parametrize("lemma,forms", [e for e in _listed_entries() if e[1]], ids=lambda v: v if isinstance(v, str) else "")
def test_listed_forms_map_to_their_verb(lemma: str, forms: list[str]) -> None:
    # a colon inside « [que|qu'|:] » once swallowed the form list of répondre and exprimer
    lexicon = verb_lexicon()
    for form in forms:
        assert lexicon[form].lemma == lemma


@pytest.mark.parametrize("sentence,verb", [
    pytest.param("il a repondu que rien n'etait decide", "repondu", id="repondre-que"),
    pytest.param("elle a exprime son inquietude", "exprime", id="exprimer-son"),
    pytest.param("il a souligne que le texte etait pret", "souligne", id="first-group-generated"),
    pytest.param("il a laisse entendre qu'un geste etait possible", "laisse entendre", id="multiword-first-group"),
    pytest.param("il n'exclut pas un accord", "exclut", id="elided-ne-without-auxiliary"),
    pytest.param("il s'est contente d'indiquer que rien n'etait fait", "indiquer", id="elided-filler"),
])
def test_verb_pattern_finds_forms(sentence: str, verb: str) -> None:
    assert [m.group("verb") for m in verb_pattern().finditer(sentence)] == [verb]
