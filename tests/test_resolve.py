"""Pronoun, role and « celui-ci » resolution."""
import pytest

from stance.claims import extract_claims
from stance.records import Mention
from stance.resolve import Resolver
from stance.speakers import load_registry


def _mention(text: str, kind: str, gender: str = "", side: str = "", speaker: str | None = None) -> Mention:
    return Mention(0, len(text), text, speaker, kind, gender, side)


@pytest.fixture()
def resolver() -> Resolver:
    resolver = Resolver(load_registry())
    resolver.said(_mention("Dmitri Peskov", "person", "m", "RU", "peskov"), "peskov")
    resolver.said(_mention("Kaja Kallas", "person", "f", "EU", "kallas"), "kallas")
    resolver.push(_mention("la Maison Blanche", "institution", "f", "US", "maison_blanche"), "maison_blanche")
    return resolver


@pytest.mark.parametrize("mention, expected", [
    pytest.param(_mention("il", "pronoun", "m"), "peskov", id="il-skips-feminine"),
    pytest.param(_mention("elle", "pronoun", "f"), "maison_blanche", id="elle-most-recent-feminine"),
    pytest.param(_mention("le responsable russe", "role", "m", "RU"), "peskov", id="role-by-side"),
    pytest.param(_mention("le porte-parole", "role", "m"), "maison_blanche", id="role-by-registered-title"),
    pytest.param(_mention("le responsable ukrainien", "role", "m", "UA"), None, id="no-compatible-side"),
    pytest.param(_mention("le ministre", "role", "m"), None, id="generic-role-names-no-one"),
])
def test_resolve(resolver: Resolver, mention: Mention, expected: str | None) -> None:
    speaker, reason = resolver.resolve(mention)
    assert speaker == expected
    assert (reason is None) == (expected is not None)


def test_celui_ci_is_the_last_person_named(resolver: Resolver) -> None:
    resolver.previous_mentions = [_mention("Friedrich Merz", "person", "m", "EU", "merz")]
    assert resolver.resolve(_mention("Celui-ci", "pronoun", "m"))[0] == "merz"


def test_empty_document_gives_a_reason() -> None:
    speaker, reason = Resolver().resolve(_mention("il", "pronoun", "m"))
    assert speaker is None and "no earlier speaker" in reason


def test_generic_role_right_after_its_holder_spoke_is_that_speaker(resolver: Resolver) -> None:
    resolver.said(_mention("Sergueï Lavrov", "person", "m", "RU", "lavrov"), "lavrov")
    assert resolver.resolve(_mention("le ministre", "role", "m")) == ("lavrov", None)
    resolver.said(_mention("Dmitri Peskov", "person", "m", "RU", "peskov"), "peskov")
    assert resolver.resolve(_mention("le ministre", "role", "m"))[0] is None  # Lavrov is no longer the last


def test_role_given_by_the_article_resolves_to_its_holder(resolver: Resolver) -> None:
    resolver.push(_mention("le chercheur Paul Martin", "person", "m", "", "martin"), "martin")
    resolver.said(_mention("Dmitri Peskov", "person", "m", "RU", "peskov"), "peskov")
    assert resolver.resolve(_mention("le chercheur", "role", "m")) == ("martin", None)


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Mykola Savchuk, 68 ans, cheminot retraité de Dnipro, a connu la guerre. L'ancien cheminot se dit "
                 "convaincu qu'un accord sera signé.", ["savchuk"], id="former-occupation-named-again"),
    pytest.param("Natalia Koval, 52 ans, ancienne professeure de mathématiques, ne lève plus les yeux. « Je n'y crois "
                 "plus », explique l'ancienne enseignante.", ["koval"], id="occupation-synonym"),
    pytest.param("Le soudeur se dit prêt à accepter un gel de la ligne de front.", [None], id="no-one-holds-the-occupation"),
])
def test_occupations_point_back_to_the_person_they_describe(text: str, speakers: list) -> None:
    assert [c.speaker for c in extract_claims(text)] == speakers


def test_elle_never_points_back_to_a_man_named_by_his_given_name() -> None:
    text = ("Le maire, Gérard Mougin, s'est dit sceptique. « Rien ne bouge », a-t-il lâché. "
            "Rue des Cordeliers, au deuxième étage d'un immeuble prêté par la ville, une famille attend. "
            "« Je n'y crois plus », raconte-t-elle.")
    assert [c.speaker for c in extract_claims(text)] == ["mougin", "mougin", None]


def test_a_person_described_in_passing_is_found_by_role_without_taking_the_focus() -> None:
    text = ("Julie Caron reçoit Hugo Lemarchand, ancien diplomate, et Oksana Melnyk, politologue à l'Ifri. "
            "Hugo Lemarchand juge que le processus avance. Il ajoute que rien n'est signé. "
            "La politologue estime au contraire que rien n'a bougé.")
    assert [c.speaker for c in extract_claims(text)] == ["lemarchand", "lemarchand", "melnyk"]


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Selon une note interne du département d'État, Washington envisage un fonds. Le document relève "
                 "que les négociateurs russes « n'ont pas bougé ».", ["departement_etat", "departement_etat"],
                 id="the-document-cited-before"),
    pytest.param("Le communiqué final, publié par la présidence émirienne, évoque des « progrès tangibles ». Le texte "
                 "reconnaît que « des divergences demeurent ».", ["emirats", "emirats"], id="author-as-agent-then-anaphor"),
    pytest.param("Le texte reconnaît que « des divergences demeurent ».", [], id="no-document-before-is-narration"),
    pytest.param("Selon le compte rendu publié par le Kremlin, l'échange a été « franc ». Le document, mis en ligne sur le "
                 "site de la présidence, indique que la Russie « reste ouverte ».", ["kremlin", "kremlin"],
                 id="an-apposition-without-agent-keeps-the-anaphor"),
    pytest.param("Selon un sondage Ifop, 61 % des Français jugent un accord « peu probable ». Le même sondage indique "
                 "qu'une majorité approuverait un cessez-le-feu.", ["ifop", "ifop"], id="the-same-poll"),
    pytest.param("Le Centre Grotius, un groupe de réflexion, publie ce jeudi un rapport de 84 pages. Selon l'étude, Moscou "
                 "« use » ses interlocuteurs. Le document recommande que tout accord soit soumis à Kiev.",
                 ["grotius", "grotius"], id="published-by-the-narrated-subject"),
    pytest.param("Le Centre Grotius publie un rapport. Pavlo Kravets, deuxième auteur du rapport, souligne que Kiev "
                 "résiste. Le rapport juge que les émissaires ont « débloqué des canaux ».", ["kravets", "grotius"],
                 id="the-author-of-the-report-is-not-its-owner"),
    pytest.param("Pour recevoir La Lettre diplo chaque dimanche, inscrivez-vous : c'est gratuit.", [],
                 id="a-capitalised-title-is-no-document"),
])
def test_document_anaphor_speaks_for_its_author(text: str, speakers: list) -> None:
    assert [c.speaker for c in extract_claims(text)] == speakers


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Plusieurs responsables américains se montrent réservés. « Rien n'a bougé », résume l'un d'eux. "
                 "Un autre assure au contraire que les équipes ont « bien avancé ».", ["source", "source", "source"],
                 id="one-of-the-sources"),
    pytest.param("Steve Witkoff et Jared Kushner sont arrivés à Moscou. « Rien n'a bougé », résume l'un d'eux.",
                 [None], id="one-of-two-named-people-is-no-one-in-particular"),
])
def test_one_of_several(text: str, speakers: list) -> None:
    assert [c.speaker for c in extract_claims(text)] == speakers
