"""Negation scope (guide §3: negation flips the cue)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.clean import fold
from stance.negation import is_negated, is_restriction


def _at(text: str, cue: str) -> tuple[str, int]:
    folded = fold(text)
    return folded, folded.index(cue)


@pytest.mark.parametrize("text, cue, negated", [
    pytest.param("Il n'y a eu aucun progrès.", "progres", True, id="aucun"),
    pytest.param("Il n'y a pas de percée.", "percee", True, id="pas-de"),
    pytest.param("Sans véritable avancée, Kiev attend.", "avancee", True, id="sans"),
    pytest.param("Le Kremlin ne voit jamais d'issue positive.", "positive", True, id="ne-jamais"),
    pytest.param("Nous ne sommes pas dans l'impasse.", "impasse", True, id="pas-dans-impasse"),
    pytest.param("Moscou n'exclut pas un accord rapide.", "accord", False, id="double-negation"),
    pytest.param("Un accord n'est pas impossible, selon Kiev.", "selon", False, id="other-clause"),
    pytest.param("Des progrès ont été faits, mais pas assez.", "progres", False, id="before-negator"),
    pytest.param("Il a salué les progrès accomplis.", "progres", False, id="plain"),
    pytest.param("Il y a plus de progrès que prévu.", "progres", False, id="plus-comparative"),
    pytest.param("Non seulement des progrès, mais un accord.", "progres", False, id="non-seulement"),
    pytest.param("Il n'y a guère de rapprochement.", "rapprochement", True, id="guere"),
    pytest.param("Le Donbass reste le principal point de blocage.", "blocage", False, id="point-the-noun"),
    pytest.param("Nous ne sommes point dans une impasse.", "impasse", True, id="ne-point"),
    pytest.param("Un accord sera sans doute trouvé rapidement.", "trouve", False, id="sans-doute-idiom"),
    pytest.param("Nul doute que des progrès ont été faits.", "progres", False, id="nul-doute-idiom"),
    pytest.param("Il n'y a sans doute aucun progrès.", "progres", True, id="idiom-then-negator"),
    pytest.param("Nous avons fait des pas dans la bonne direction.", "bonne", False, id="pas-the-noun"),
    pytest.param("Un premier pas vers la paix a été franchi.", "paix", False, id="premier-pas"),
    pytest.param("Ils n'ont pas fait un pas vers la paix.", "paix", True, id="negated-step"),
])
def test_is_negated(text: str, cue: str, negated: bool) -> None:
    folded, start = _at(text, cue)
    assert is_negated(folded, start) is negated


def test_ne_que_is_a_restriction_not_a_negation() -> None:
    folded, start = _at("Les discussions n'ont apporté que des progrès modestes.", "progres")
    assert is_restriction(folded, start)
    assert not is_negated(folded, start)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=0, max_value=300))
def test_never_raises(text: str, position: int) -> None:
    folded = fold(text)
    assert is_negated(folded, min(position, len(folded))) in (True, False)
