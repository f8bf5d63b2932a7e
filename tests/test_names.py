"""Tests for stance.names: when two capitalised words with an unknown first name name a person."""
from __future__ import annotations

import pytest

from stance.clean import fold
from stance.mentions import find_mentions
from stance.names import caps_speaker_labels, gender_of_name, headline_speaker, role_gender, surnames_again
from stance.records import Mention
from stance.speakers import load_registry


@pytest.mark.parametrize("text, expected", [
    pytest.param("Guéorgui Belov : « Nous n'avons jamais été aussi près »", True, id="headline-quote"),
    pytest.param("Titre\nGuéorgui Belov : « Nous avançons »", True, id="headline-on-a-later-line"),
    pytest.param("Selon Guéorgui Belov : « Nous avançons »", False, id="not-opening-the-line"),
    pytest.param("Guéorgui Belov : nous avançons", False, id="no-quotation-after-the-colon"),
])
def test_headline_speaker(text: str, expected: bool) -> None:
    start = text.find("Guéorgui")
    assert headline_speaker(text, start, start + len("Guéorgui Belov")) is expected


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Guéorgui Belov : « Nous avançons »", ["belov"], id="headline"),
    pytest.param("Zbyszko Riou, maître de conférences, a parlé.", ["riou"], id="role-in-apposition-after"),
    pytest.param("Le député Zbyszko Caradec a parlé.", ["caradec"], id="role-right-before"),
    pytest.param("Zbyszko Riou a parlé.", [], id="no-evidence-no-person"),
    pytest.param("Le porte-parole du Bloc québécois en matière d'affaires étrangères, Zbyszko Lévesque, a dit non.",
                 ["levesque"], id="role-with-a-long-complement-before"),
    pytest.param("Le député MR Olivier Lemaire a parlé.", ["lemaire"], id="a-surname-starting-like-le-maire"),
    pytest.param("Zbyszko Aubert (Rassemblement national) a parlé.", ["aubert"], id="a-party-in-brackets-after"),
    pytest.param("Zbyszko Aubert (Genève) a parlé.", [], id="a-place-in-brackets-is-no-evidence"),
])
def test_unknown_first_names_need_evidence(text: str, speakers: list[str]) -> None:
    found = [m.speaker for m in find_mentions(text, fold(text), 0, len(text), load_registry()) if m.speaker]
    assert found == speakers


@pytest.mark.parametrize("text, names", [
    pytest.param("JEAN-NOËL BARROT : Bonjour.", ["BARROT"], id="accented-capitals"),
    pytest.param("Titre\nJEAN-NOEL BARROT : Bonjour.", ["BARROT"], id="accents-stripped-on-a-later-line"),
    pytest.param("MARIE DUPONT (RFI) : Bonjour.", ["DUPONT"], id="outlet-in-brackets"),
    pytest.param("QUESTION AFP : Bonjour.", [], id="not-a-first-name"),
    pytest.param("Voici JEAN DUPONT : bonjour.", [], id="not-opening-the-line"),
    pytest.param("JULIEN MAROT, envoyé spécial : Rien.\n\nJULIEN MAROT : Le ton est dur.", [], id="a-reporter-all-along"),
])
def test_capitalised_transcript_labels(text: str, names: list[str]) -> None:
    assert [last for _, _, last in caps_speaker_labels(text, fold(text), 0, len(text))] == names


@pytest.mark.parametrize("honorific, first, gender", [
    pytest.param(None, "iryna", "f", id="a-womans-name"),
    pytest.param(None, "gerard", "m", id="a-mans-name"),
    pytest.param(None, "camille", "", id="either"),
    pytest.param(None, "zbyszko", "", id="unlisted"),
    pytest.param("Mme", "", "f", id="madame"),
    pytest.param("M.", "camille", "m", id="monsieur"),
])
def test_gender_of_a_name(honorific: str | None, first: str, gender: str) -> None:
    assert gender_of_name(honorific, first) == gender


@pytest.mark.parametrize("det, words, gender", [
    pytest.param("la", "la diplomate", "f", id="la"),
    pytest.param("le", "le diplomate", "m", id="le"),
    pytest.param("l'", "l'ancienne enseignante", "f", id="elided-with-a-feminine-word"),
    pytest.param("l'", "l'ambassadeur", "", id="elided-and-unmarked"),
])
def test_gender_of_a_role(det: str, words: str, gender: str) -> None:
    assert role_gender(det, words) == gender


def test_a_surname_alone_names_the_person_named_in_full_before() -> None:
    text = "Pour Hnatiouk, rien ne bouge. Taras Hnatiouk, chauffeur, attend. Hnatiouk et Zelensky ont parlé."
    people = [Mention(30, 44, "Taras Hnatiouk", "hnatiouk", "person", "m"),
              Mention(77, 85, "Zelensky", "zelensky", "person", "m")]
    found = surnames_again(text, len(text), people, frozenset({"zelensky"}))
    assert [(m.text, m.start, m.speaker) for m in found] == [
        ("Taras Hnatiouk", 30, "hnatiouk"), ("Hnatiouk", 65, "hnatiouk"), ("Zelensky", 77, "zelensky")]
