"""Tests for stance.eligibility: which mentions may be a subject, where the subject starts."""
from __future__ import annotations

import pytest

from stance.clean import fold
from stance.eligibility import after_adverbials, subjects_possible
from stance.mentions import find_mentions
from stance.speakers import load_registry


def _parts(text: str):
    folded = fold(text)
    mentions = [m for m in find_mentions(text, folded, 0, len(text), load_registry()) if m.speaker]
    return folded, mentions


@pytest.mark.parametrize("text, possible", [
    pytest.param("Marco Rubio a parlé avec Sergueï Lavrov.", ["rubio"], id="after-avec"),
    pytest.param("Un sommet entre Donald Trump et Vladimir Poutine, a dit Kaja Kallas.", ["kallas"],
                 id="coordinated-after-entre"),
    pytest.param("Marco Rubio et Kaja Kallas ont parlé.", ["rubio", "kallas"], id="coordinated-subjects"),
    pytest.param("À plusieurs kilomètres de là, le sergent Oleksandr Moroz a parlé.", ["moroz"],
                 id="a-comma-closes-the-complement-before"),
])
def test_subjects_possible(text: str, possible: list[str]) -> None:
    folded, mentions = _parts(text)
    assert [m.speaker for m in subjects_possible(folded, mentions, 0)] == possible



@pytest.mark.parametrize("text, rest", [
    pytest.param("au lendemain de la reunion, en presence des emissaires, le vice-president a dit", " le vice-president a dit",
                 id="two-prepositional-phrases"),
    pytest.param("interroge sur une rencontre entre trump, poutine et zelensky, vance a dit", " vance a dit",
                 id="participle-with-a-list"),
    pytest.param("des diplomates, reunis a geneve, ont dit", "des diplomates, reunis a geneve, ont dit",
                 id="article-like-des-opens-a-subject"),
    pytest.param("marco rubio a dit", "marco rubio a dit", id="no-opening-phrase"),
    pytest.param("du cote des nations unies, la porte-parole a dit", " la porte-parole a dit", id="du-cote-de-opens-a-phrase"),
    pytest.param("du gaz russe, il n'est plus question", "du gaz russe, il n'est plus question", id="partitive-du-does-not"),
])
def test_after_adverbials(text: str, rest: str) -> None:
    assert text[after_adverbials(text, 0, len(text)):] == rest
