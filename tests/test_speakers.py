"""Speaker registry, spellings, titles, unknown persons, user files and their errors."""
import re
from pathlib import Path

import pytest

from stance.claims import extract_claims
from stance.clean import fold
from stance.errors import ConfigError
from stance.mentions import find_mentions
from stance.resources import word_list
from stance.speakers import Registry, load_registry

GUIDE_IDS = ["rubio", "ouchakov", "oumerov", "witkoff", "kushner", "dmitriev", "peskov", "zelensky", "poutine",
             "trump", "kyslytsya", "bessent", "gruenbaum", "kallas", "macron", "kremlin", "maison_blanche",
             "departement_etat", "ukraine", "russie", "source"]


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"BUG: {reason}")


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def mentions(text: str, registry: Registry) -> list[tuple[str, str | None]]:
    return [(m.text, m.speaker) for m in find_mentions(text, fold(text), 0, len(text), registry)]


def test_registry_loads(registry: Registry) -> None:
    assert len(registry.speakers) >= len(GUIDE_IDS)
    for sid, speaker in registry.speakers.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", sid) and speaker.id == sid
        assert speaker.kind in ("person", "institution", "media", "source", "group")
        assert speaker.side in ("US", "RU", "UA", "EU", "")


@pytest.mark.parametrize("sid", GUIDE_IDS)
def test_every_guide_id_is_registered(registry: Registry, sid: str) -> None:
    assert registry.get(sid) is not None


@pytest.mark.parametrize("sid, side, gender", [
    ("rubio", "US", "m"), ("ouchakov", "RU", "m"), ("oumerov", "UA", "m"), ("kallas", "EU", "f"),
    ("kremlin", "RU", "m"), ("maison_blanche", "US", "f"), ("ukraine", "UA", "f"), ("russie", "RU", "f"),
])
def test_sides_and_genders(registry: Registry, sid: str, side: str, gender: str) -> None:
    speaker = registry.get(sid)
    assert (speaker.side, speaker.gender) == (side, gender)


def test_unknown_id_is_none(registry: Registry) -> None:
    assert registry.get("nobody_at_all") is None


@pytest.mark.parametrize("text, expected", [
    pytest.param("Roustem Oumerov a parlé.", ("Roustem Oumerov", "oumerov"), id="Roustem-Oumerov"),
    pytest.param("Rustem Umerov a parlé.", ("Rustem Umerov", "oumerov"), id="Rustem-Umerov"),
    pytest.param("Rustem Oumerov a parlé.", ("Rustem Oumerov", "oumerov"), id="Rustem-Oumerov"),
    pytest.param("Umerov a parlé.", ("Umerov", "oumerov"), id="Umerov"),
    pytest.param("Iouri Ouchakov a parlé.", ("Iouri Ouchakov", "ouchakov"), id="Iouri-Ouchakov"),
    pytest.param("Youri Ushakov a parlé.", ("Youri Ushakov", "ouchakov"), id="Youri-Ushakov"),
    pytest.param("Yuri Ouchakov a parlé.", ("Yuri Ouchakov", "ouchakov"), id="Yuri-Ouchakov"),
    pytest.param("Ushakov a parlé.", ("Ushakov", "ouchakov"), id="Ushakov"),
    pytest.param("Zelensky a parlé.", ("Zelensky", "zelensky"), id="Zelensky"),
    pytest.param("Zelenski a parlé.", ("Zelenski", "zelensky"), id="Zelenski"),
    pytest.param("Volodymyr Zelenskyy a parlé.", ("Volodymyr Zelenskyy", "zelensky"), id="Zelenskyy"),
    pytest.param("ZELENSKY a parlé.", ("ZELENSKY", "zelensky"), id="upper-case"),
    pytest.param("le secretaire d'Etat a parlé.", ("le secretaire d'Etat", "rubio"), id="no-accents"),
    pytest.param("le secrétaire d’État a parlé.", ("le secrétaire d’État", "rubio"), id="curly-apostrophe"),
    pytest.param("le département d'Etat a parlé.", ("le département d'Etat", "departement_etat"),
                 id="departement-no-accent"),
    pytest.param("M. Rubio a parlé.", ("M. Rubio", "rubio"), id="M.-Rubio"),
    pytest.param("Mme Kallas a parlé.", ("Mme Kallas", "kallas"), id="Mme-Kallas"),
    pytest.param("Kaja Kallas a parlé.", ("Kaja Kallas", "kallas"), id="Kaja-Kallas"),
    pytest.param("Dmitri Peskov a parlé.", ("Dmitri Peskov", "peskov"), id="Peskov"),
    pytest.param("Sergiy Kyslytsya a parlé.", ("Sergiy Kyslytsya", "kyslytsya"), id="Kyslytsya"),
    pytest.param("Josh Gruenbaum a parlé.", ("Josh Gruenbaum", "gruenbaum"), id="Gruenbaum"),
    pytest.param("Scott Bessent a parlé.", ("Scott Bessent", "bessent"), id="Bessent"),
    pytest.param("Jared Kushner a parlé.", ("Jared Kushner", "kushner"), id="Kushner"),
    pytest.param("Kirill Dmitriev a parlé.", ("Kirill Dmitriev", "dmitriev"), id="Dmitriev"),
    pytest.param("Emmanuel Macron a parlé.", ("Emmanuel Macron", "macron"), id="Macron"),
    pytest.param("Donald Trump a parlé.", ("Donald Trump", "trump"), id="Trump"),
    pytest.param("Vladimir Poutine a parlé.", ("Vladimir Poutine", "poutine"), id="Poutine"),
    pytest.param("Steve Witkoff a parlé.", ("Steve Witkoff", "witkoff"), id="Witkoff"),
    pytest.param("Le Kremlin a parlé.", ("Le Kremlin", "kremlin"), id="Kremlin"),
    pytest.param("La Maison-Blanche a parlé.", ("La Maison-Blanche", "maison_blanche"), id="Maison-Blanche"),
    pytest.param("Kiev a parlé.", ("Kiev", "ukraine"), id="Kiev"),
    pytest.param("Moscou a parlé.", ("Moscou", "russie"), id="Moscou"),
])
def test_spellings_resolve(registry: Registry, text: str, expected: tuple[str, str]) -> None:
    assert mentions(text, registry)[0] == expected


@pytest.mark.parametrize("text, sid", [
    pytest.param("le chef de la diplomatie américaine", "rubio", id="chef-diplomatie-americaine"),
    pytest.param("le secrétaire d'État", "rubio", id="secretaire-d-etat"),
    pytest.param("le conseiller diplomatique du Kremlin", "ouchakov", id="conseiller-diplomatique"),
    pytest.param("le porte-parole de la présidence russe", "peskov", id="porte-parole-presidence"),
    pytest.param("le porte-parole du Kremlin", "peskov", id="porte-parole-kremlin"),
    pytest.param("le négociateur ukrainien", "oumerov", id="negociateur-ukrainien"),
    pytest.param("le secrétaire du Conseil de sécurité nationale et de défense", "oumerov", id="secretaire-conseil"),
    pytest.param("le maître du Kremlin", "poutine", id="maitre-du-kremlin"),
    pytest.param("le locataire de la Maison-Blanche", "trump", id="locataire-maison-blanche-hyphen"),
    pytest.param("le locataire de la Maison Blanche", "trump", id="locataire-maison-blanche"),
    pytest.param("le président américain", "trump", id="president-americain"),
    pytest.param("l'administration américaine", "maison_blanche", id="administration-americaine"),
    pytest.param("un responsable de la Maison Blanche", "maison_blanche", id="responsable-maison-blanche"),
    pytest.param("la partie ukrainienne", "ukraine", id="partie-ukrainienne"),
])
def test_titles_resolve(registry: Registry, text: str, sid: str) -> None:
    found = mentions(f"{text[0].upper()}{text[1:]} a pris la parole.", registry)
    assert found == [(f"{text[0].upper()}{text[1:]}", sid)]


@pytest.mark.parametrize("text, expected", [
    pytest.param("une source russe", "source", id="source-russe"),
    pytest.param("une source proche du dossier", "source", id="source-proche"),
    pytest.param("un haut responsable sous couvert d'anonymat", "source", id="haut-responsable"),
    pytest.param("un diplomate européen", "source", id="diplomate"),
    pytest.param("les deux parties", "*", id="deux-parties"),
    pytest.param("des responsables américains et ukrainiens", "*", id="responsables-deux-cotes"),
])
def test_anonymous_and_group_mentions(registry: Registry, text: str, expected: str) -> None:
    found = mentions(f"Selon {text}, rien n'est signé.", registry)
    assert found[0][1] == expected and text.startswith(found[0][0])


def test_first_names_list_has_the_names_used_below() -> None:
    names = set(word_list("first_names"))
    assert {"mark", "pierre"} <= names
    assert "grand" not in names


@pytest.mark.parametrize("text, expected", [
    pytest.param("Mark Rutte a estimé que l'Alliance devait rester unie.", [("Mark Rutte", "rutte")],
                 id="Mark-Rutte"),
    pytest.param("Pierre Lefèvre a jugé la rencontre historique.", [("Pierre Lefèvre", "lefevre")],
                 id="accented-surname-ascii"),
    pytest.param("Andriy Yermak a parlé.", [("Andriy Yermak", "yermak")], id="registered-Yermak"),
    pytest.param("Grand Palais a fermé.", [], id="unknown-first-word-is-not-a-person"),
])
def test_unknown_named_person_gets_surname_id(registry: Registry, text: str, expected: list) -> None:
    assert mentions(text, registry) == expected


def test_pronouns_and_roles_are_unresolved_mentions(registry: Registry) -> None:
    found = find_mentions("Il a dit que le responsable russe et elle", fold("Il a dit que le responsable russe et elle"),
                          0, 41, registry)
    assert [(m.text, m.speaker, m.kind, m.gender, m.side) for m in found] == [
        ("Il", None, "pronoun", "m", ""), ("le responsable russe", None, "role", "m", "RU"),
        ("elle", None, "pronoun", "f", "")]


def test_mentions_respect_bounds_and_offsets(registry: Registry) -> None:
    text = "Marco Rubio a vu Iouri Ouchakov puis Kaja Kallas."
    found = find_mentions(text, fold(text), 17, 31, registry)
    assert [(m.start, m.end, m.speaker) for m in found] == [(17, 31, "ouchakov")]
    for m in find_mentions(text, fold(text), 0, len(text), registry):
        assert text[m.start:m.end] == m.text


# --------------------------------------------------------------------------- user files

USER_FILE = """\
# extra speakers
[berset]
name = "Alain Berset"
kind = "person"
gender = "m"
side = "EU"
names = ["Alain Berset", "Berset"]
titles = ["secrétaire général du Conseil de l'Europe"]
"""


def test_user_speakers_file_adds_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "speakers.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    registry = load_registry(path)
    assert registry.get("berset").side == "EU"
    assert registry.get("rubio") is not None  # the shipped entries stay
    assert load_registry().get("berset") is None  # the default registry is not changed
    sentence = "Le secrétaire général du Conseil de l'Europe a estimé que le dialogue devait continuer."
    claims = extract_claims(sentence, registry=registry)
    assert [(c.speaker, c.text) for c in claims] == [("berset", sentence)]
    without = extract_claims(sentence)
    assert all(c.speaker != "berset" for c in without)


def test_user_speakers_file_overrides_a_table(tmp_path: Path) -> None:
    path = tmp_path / "override.toml"
    path.write_text('[kallas]\nname = "Kaja Kallas"\nkind = "person"\ngender = "f"\nside = "EU"\n'
                    'names = ["Kaja Kallas", "Kallas"]\ntitles = ["vice-présidente de la Commission"]\n',
                    encoding="utf-8")
    registry = load_registry(path)
    assert mentions("La vice-présidente de la Commission a parlé.", registry) == [
        ("La vice-présidente de la Commission", "kallas")]


@pytest.mark.parametrize("content, lines", [
    pytest.param('[rutte]\nname = "Mark Rutte"\nkind = person\n', (3,), id="toml-syntax-error"),
    pytest.param('[rutte]\nname = "a"\n[rutte]\nname = "b"\n', (3,), id="duplicate-table"),
    pytest.param('[rutte]\nside = "NATO"\n', (1, 2), id="bad-side-first-line"),
    pytest.param('# extra\n\n[rutte]\nkind = "robot"\n', (3, 4), id="bad-kind-after-blank-line"),
    pytest.param('\n[rutte]\nfoo = 1\n', (2, 3), id="unknown-field-after-blank-line"),
    pytest.param('# extra\nrutte = { kind = "robot" }\n', (2,), id="inline-table"),
    pytest.param('# extra\nrutte = "Mark Rutte"\n', (2,), id="not-a-table"),
    pytest.param('[rutte]\nnames = "Rutte"\n', (1, 2), id="names-not-a-list"),
    pytest.param('[Rutte]\nkind = "person"\n', (1,), id="id-not-lowercase"),
])
def test_malformed_speakers_file_names_file_and_line(tmp_path: Path, content: str, lines: tuple[int, ...]) -> None:
    path = tmp_path / "bad_speakers.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_registry(path)
    message = str(caught.value)
    assert str(path) in message
    named = {int(n) for n in re.findall(rf"{re.escape(str(path))}:(\d+)", message)}
    named |= {int(n) for n in re.findall(r"line (\d+)", message)}
    assert named and named <= set(lines), message


def test_missing_speakers_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(ConfigError, match=re.escape(str(path))):
        load_registry(path)

