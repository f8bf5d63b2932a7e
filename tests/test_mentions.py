"""Tests for stance.mentions: the phrases of a text that may name a source."""
from __future__ import annotations

import pytest

from stance.claims import extract_claims
from stance.clean import fold
from stance.mentions import find_mentions
from stance.speakers import Registry, load_registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def speakers_of(text: str, registry: Registry) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.speaker, m.kind) for m in find_mentions(text, fold(text), 0, len(text), registry)
            if m.kind == "media"]


def test_a_title_followed_by_another_holders_name_binds_to_that_name(registry: Registry) -> None:
    text = ("Le nouveau chef de l'administration présidentielle ukrainienne, Yulia Sviridenko, a précisé que "
            "la délégation viendrait. Le chef de l'administration présidentielle ukrainienne a ajouté que rien "
            "n'était réglé. Andriy Yermak a dit que non.")
    mentions = [m for m in find_mentions(text, fold(text), 0, len(text), registry) if m.speaker]
    assert [m.speaker for m in mentions][:3] == ["sviridenko", "sviridenko", "yermak"]
    assert mentions[0].text == "chef de l'administration présidentielle ukrainienne, Yulia Sviridenko"
    # the same title with its registered holder named after it changes nothing
    same = "Le chef de la diplomatie russe, Sergueï Lavrov, a parlé."
    assert [m.speaker for m in find_mentions(same, fold(same), 0, len(same), registry) if m.speaker] == ["lavrov", "lavrov"]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Selon l'agence Interfax, rien n'est fait.", [("l'agence Interfax", "interfax", "media")],
                 id="registered-name"),
    pytest.param("Le quotidien économique russe Vedomosti a écrit cela.",
                 [("Le quotidien économique russe Vedomosti", "vedomosti", "media")], id="unregistered-name-after-qualifiers"),
    pytest.param("Le site américain affirme cela.", [("Le site américain", None, "media")], id="anaphor-with-qualifier"),
    pytest.param("Cela, rapporte le quotidien Ukraïnska Pravda.",
                 [("le quotidien Ukraïnska Pravda", "ukrainska_pravda", "media")], id="registered-outlet-takes-its-noun"),
    pytest.param("Le site de Zaporijjia a été visité.", [], id="site-needs-a-qualifier-or-a-name"),
    pytest.param("Sur sa chaîne Telegram, Kirill Dmitriev a parlé.", [], id="own-channel-is-not-an-outlet"),
    pytest.param("Un article du journal Vedomosti le dit.", [("journal Vedomosti", "vedomosti", "media")],
                 id="no-du-in-the-span"),
    pytest.param("Le tabloïd conservateur New York Post le dit.",
                 [("Le tabloïd conservateur New York Post", "new_york_post", "media")], id="tabloid-with-a-leaning"),
])
def test_media_mentions(registry: Registry, text: str, expected: list) -> None:
    assert speakers_of(text, registry) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Selon Axios, le plan a changé. Le site américain affirme que Moscou a répondu.", ["axios", "axios"],
                 id="anaphor-to-the-last-outlet"),
    pytest.param("Le quotidien a affirmé que tout allait bien.", [None], id="no-outlet-before-gives-no-speaker"),
    pytest.param("Selon Politico, le plan a changé. D'après le site, Marco Rubio aurait plaidé pour un calendrier serré.",
                 ["politico", "politico"], id="bare-site-after-selon"),
    pytest.param("Selon Politico, le plan a changé. Le site ajoute que la consigne a été transmise.",
                 ["politico", "politico"], id="bare-site-opening-with-a-reporting-verb"),
    pytest.param("Dmitri Peskov a démenti les propos prêtés à Steve Witkoff par le Financial Times. "
                 "Le quotidien britannique affirmait que le texte était prêt.", ["peskov", "financial_times"],
                 id="an-outlet-cited-in-passing"),
])
def test_media_anaphor_resolves_to_the_last_outlet(text: str, expected: list) -> None:
    assert [c.speaker for c in extract_claims(text)] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Pour Thomas Garnier, économiste, rien n'est fait.", [("Thomas Garnier", "garnier")],
                 id="name-after-a-capitalised-word"),
    pytest.param("Le député Bohdan Kravets a dénoncé un texte.", [("Le député Bohdan Kravets", "kravets")],
                 id="ukrainian-first-name-after-a-role"),
    pytest.param("Selon le porte-parole Mehmet Aydın, rien n'est fait.", [("le porte-parole Mehmet Aydın", "aydin")],
                 id="dotless-i-folds"),
    pytest.param("Brendan Quillivic, maître de conférences, invite à la prudence.", [("Brendan Quillivic", "quillivic")],
                 id="unknown-first-name-with-an-apposition"),
    pytest.param("Selon la sénatrice Ysolde Kerhervé, rien n'avance.", [("la sénatrice Ysolde Kerhervé", "kerherve")],
                 id="unknown-first-name-after-a-role"),
    pytest.param("A Abou Dhabi, le président a parlé.", [], id="place-before-an-article-is-no-person"),
    pytest.param("À Dakar, la ministre des Affaires étrangères, Kadiatou Mbengue, a parlé.",
                 [("la ministre des Affaires étrangères, Kadiatou Mbengue", "mbengue")],
                 id="unknown-first-name-after-a-role-and-its-complement"),
    pytest.param("Au Grand Palais, des visiteurs sont venus.", [], id="unknown-pair-without-a-role"),
    pytest.param("La députée de la Loire Claire Dumoulin, membre du parti, juge cela.",
                 [("La députée de la Loire Claire Dumoulin", "dumoulin")],
                 id="three-capitalised-words-keep-the-known-first-name"),
])
def test_unregistered_persons(registry: Registry, text: str, expected: list) -> None:
    found = find_mentions(text, fold(text), 0, len(text), registry)
    assert [(m.text, m.speaker) for m in found if m.kind == "person"] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("L'ambassadeur russe auprès de l'ONU, Vassili Nebenzia, a dit non.",
                 [("L'ambassadeur russe auprès de l'ONU, Vassili Nebenzia", "nebenzia")], id="role-body-complement-then-name"),
    pytest.param("L'ambassadeur d'Ukraine en Inde, Oleksandr Polichtchouk, a dit non.",
                 [("L'ambassadeur d'Ukraine en Inde, Oleksandr Polichtchouk", "polichtchouk")], id="complement-with-en"),
    pytest.param("Le Premier ministre indien Narendra Modi a dit non.",
                 [("Le Premier ministre indien Narendra Modi", "modi")], id="an-adjective-ending-in-en-is-no-complement"),
    pytest.param("L'ambassadeur ukrainien à l'ONU a rencontré Marco Rubio.",
                 [("L'ambassadeur ukrainien", None), ("l'ONU", "onu"), ("Marco Rubio", "rubio")], id="no-apposition-no-merge"),
])
def test_role_then_name_across_a_complement(registry: Registry, text: str, expected: list) -> None:
    assert [(m.text, m.speaker) for m in find_mentions(text, fold(text), 0, len(text), registry)] == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Aucun président ukrainien ne peut céder cela.", [], id="aucun"),
    pytest.param("Tout secrétaire d'État américain le dirait.", [], id="tout"),
    pytest.param("Le président ukrainien ne peut céder cela.", ["zelensky"], id="definite-title-names-its-holder"),
])
def test_generic_determiner_makes_a_title_name_no_one(registry: Registry, text: str, expected: list) -> None:
    assert [m.speaker for m in find_mentions(text, fold(text), 0, len(text), registry) if m.speaker] == expected


def test_title_in_apposition_to_a_role_and_name(registry: Registry) -> None:
    text = "Le secrétaire d’État du Saint-Siège, le cardinal Pietro Parolin, a jugé cela indispensable."
    named = [m for m in find_mentions(text, fold(text), 0, len(text), registry) if m.speaker]
    assert [(m.speaker, m.text) for m in named] == [
        ("parolin", "Le secrétaire d’État du Saint-Siège, le cardinal Pietro Parolin")]


@pytest.mark.parametrize("text, expected", [
    pytest.param("Le porte-parole du ministère qatari des Affaires étrangères, Majed al-Ansari, a parlé.",
                 [("Le porte-parole du ministère qatari des Affaires étrangères, Majed al-Ansari", "ansari")],
                 id="arabic-article-before-the-surname"),
    pytest.param("L'ancien ambassadeur de France à Moscou Jean-Marc Lefranc a parlé.",
                 [("L'ancien ambassadeur de France à Moscou Jean-Marc Lefranc", "lefranc")],
                 id="role-with-two-complements-before-the-name"),
])
def test_role_bound_to_a_name_past_its_complements(registry: Registry, text: str, expected: list) -> None:
    named = [(m.text, m.speaker) for m in find_mentions(text, fold(text), 0, len(text), registry) if m.speaker]
    assert named == expected
