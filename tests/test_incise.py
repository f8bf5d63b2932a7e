"""Tests for stance.incise: incises left inside a quotation."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stance.attribute import mask_quotes
from stance.claims import extract_claims
from stance.clean import fold
from stance.incise import unmask_incise


def _opened(sentence: str) -> str | None:
    folded = fold(sentence)
    masked, _ = mask_quotes(sentence, folded, False)
    opened = unmask_incise(folded, masked)
    return None if opened is None else " ".join(opened.split())


@pytest.mark.parametrize("sentence, visible", [
    pytest.param("« La paix, a-t-il dit, est encore loin. »", ", a-t-il dit,", id="inverted-pronoun"),
    pytest.param("« Nous avons obtenu un échange, a déclaré Roustem Oumerov à la sortie. C'est concret. »",
                 ", a declare roustem oumerov a la sortie.", id="named-speaker-then-the-quote-goes-on"),
    pytest.param("« Rien n'est fait, estime le ministre. »", ", estime le ministre.", id="present-tense"),
    pytest.param("« Nous avons dit non. »", None, id="no-incise"),
    pytest.param("« Rien n'est fait », a dit Marco Rubio.", None, id="incise-outside-the-quotation"),
    pytest.param("« La paix, a déclaré le porte-parole du Kremlin lors de son point de presse quotidien devant les "
                 "journalistes réunis à Moscou, est loin. »", None, id="too-long-for-an-incise"),
])
def test_unmask_incise(sentence: str, visible: str | None) -> None:
    opened = _opened(sentence)
    assert (opened if opened is None else opened.strip(' "')) == visible


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Marco Rubio est arrivé à Genève. « La paix, a-t-il dit, est encore loin. »", ["rubio"],
                 id="pronoun-incise"),
    pytest.param("« Le texte est prêt à 90 %, a affirmé Steve Witkoff. Il reste des détails. »", ["witkoff", "witkoff"],
                 id="quotation-going-on-after-the-incise"),
])
def test_claims_with_an_incise_inside_the_quotation(text: str, speakers: list[str]) -> None:
    assert [c.speaker for c in extract_claims(text)] == speakers


@given(st.text(max_size=200))
def test_unmask_incise_keeps_the_length(sentence: str) -> None:
    folded = fold(sentence)
    masked, _ = mask_quotes(sentence, folded, False)
    opened = unmask_incise(folded, masked)
    assert opened is None or len(opened) == len(folded)
