"""Names and roles the registry does not know: when two capitalised words name a person,
which gender a given name or a role has, and the patterns of occupations and epithets.

A first name we do not list (« Gwenaël Riou », « Guéorgui Belov ») makes a person only with
evidence beside it: a role in apposition or right before it, a party in brackets, or the
« Name : « quote » » headline form (guide §1). Shared with :mod:`stance.mentions`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clean import fold
from .records import Mention
from .resources import word_list, word_set
from .speakers import ascii_id
from .trie import trie_pattern

DETERMINERS = {"la": "f", "une": "f", "le": "m", "un": "m", "du": "m", "au": "m", "cette": "f", "ce": "m"}


@lru_cache(maxsize=1)
def person_role_nouns() -> str:
    """Regex source of the nouns that name a person's role: the singular source nouns and
    ``person_appositions.txt``."""
    return trie_pattern([line.partition("|")[0].strip() for line in word_list("source_nouns")]
                        + list(word_list("person_appositions")) + list(word_list("military_ranks")))


@lru_cache(maxsize=1)
def _role_context() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    noun = person_role_nouns()
    # « Gwenaël Riou, maître de conférences », or a party in brackets (« Clémence Dufour (LFI) »)
    after = re.compile(rf"\s*,\s*(?:(?:ancien|ancienne|ex|jeune)[\s-]+)?(?:{noun})(?![\w'])"
                       rf"|\s*\(\s*(?:{trie_pattern(word_list('party_names'))})\s*\)")
    # « le député Erwan Caradec », « la ministre des Affaires étrangères, Awa Mbengue »
    before = re.compile(rf"(?<![\w'])(?:{noun})(?:(?:\s+(?:[a-z-]+ien|[a-z-]+ienne|[a-z-]+ais|[a-z-]+aise|russe|americaine?))?\s+"
                        rf"|(?:\s+[\w'-]+){{1,9}}?\s*,\s*)$")
    function_words = word_set("prepositions") | word_set("sentence_starters") | frozenset(DETERMINERS)
    return after, before, function_words


def named_by_role(folded: str, first: int, end: int, lower: int, upper: int) -> bool:
    """Two capitalised words with an unknown first name name a person when a role stands in
    apposition after them (« Gwenaël Riou, maître de conférences ») or right before them
    (« le député Erwan Caradec »). The apposition has no article: « A Abou Dhabi, le
    président a parlé » names a place."""
    after, before, function_words = _role_context()
    if folded[first:folded.find(" ", first)] in function_words:
        return False
    return bool(after.match(folded, end, upper) or before.search(folded, max(lower, first - 100), first))


_HEADLINE_QUOTE_AFTER = re.compile(r"[ \u00a0]*:[ \u00a0]*[«\"“]")


def headline_speaker(text: str, start: int, end: int) -> bool:
    """« Guéorgui Belov : « Nous n'avons jamais été aussi près » »: a first and last name
    opening a line before a colon and a quotation name the person quoted (guide §1)."""
    return (start == 0 or text[start - 1] == "\n") and bool(_HEADLINE_QUOTE_AFTER.match(text, end))


# « JEAN-NOËL BARROT : Bonjour. » — a transcript's speaker label, in capitals (a role or an
# outlet may follow: « MARIE DUPONT (RFI) : », « JULIEN MAROT, envoyé spécial : »)
_CAPS_LABEL = re.compile(r"^[ \t]*(?P<first>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)(?:[ \u00a0]+(?P<last>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)){1,2}"
                         r"(?=[ \u00a0]*(?:[(,](?P<role>[^():\n]{1,60})\)?[ \u00a0]*)?:)", re.MULTILINE)


@lru_cache(maxsize=1)
def _reporter_role() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{trie_pattern(word_list('reporter_labels') + word_list('never_speaker_nouns'))})\b")


def caps_speaker_labels(text: str, folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Spans and last names of the capitalised « FIRST LAST : » labels opening lines of a
    transcript. The first name must be a listed one (« QUESTION AFP : » names no one), and
    a label once given a newsroom role (« , envoyé spécial ») is the newsroom's, never a speaker."""
    first_names = word_set("first_names")
    labels = [m for m in _CAPS_LABEL.finditer(text, start, end) if folded[m.start("first"):m.end("first")] in first_names]
    reporters = {folded[m.start("first"):m.end()] for m in labels
                 if m.group("role") and _reporter_role().match(folded, m.start("role"))}
    return [(m.start("first"), m.end(), m.group("last")) for m in labels if folded[m.start("first"):m.end()] not in reporters]


_FEMININE_WORD = re.compile(r"(?:ante|ente|rice|euse|ienne|aine|enne|ere|ee|esse|eure|effe|trice)(?![\w'])")


def role_gender(det: str, words: str) -> str:
    """Gender of a role or source phrase: its article's, or for « l' » its feminine words
    (« l'ancienne enseignante »); an elided « l'ambassadeur » could be anyone's."""
    det = det.strip()
    if det in ("une", "la", "cette", "une autre"):
        return "f"
    if det.endswith("'"):
        return "f" if _FEMININE_WORD.search(words) else ""
    return "m"


def gender_of_name(honorific: str | None, first_name: str) -> str:
    """« Mme » or a woman's given name: "f"; « M. » or a man's: "m"; else unknown."""
    if honorific:
        return "f" if honorific in ("Mme", "Mlle") else "m"
    if first_name in word_set("female_first_names"):
        return "f"
    if first_name in word_set("first_names") and first_name not in word_set("unisex_first_names"):
        return "m"
    return ""


@lru_cache(maxsize=1)
def appositive_role_pattern() -> re.Pattern[str]:
    # « l'ancienne professeure », « le soudeur »: a person's occupation named again, resolved
    # through what the article said of someone (never the journalist: guide §2)
    nouns = [n for n in word_list("person_appositions") if n not in word_set("never_speaker_nouns")]
    return re.compile(rf"(?<![\w'])(?P<det>le|la|l')\s*(?:(?:ancien|ancienne|ex)[\s-]+)?(?:{trie_pattern(nouns)})(?![\w'-])")


@lru_cache(maxsize=1)
def epithets() -> dict[str, str]:
    return {noun.strip(): gender.strip() for noun, _, gender in (line.partition("|") for line in word_list("epithets"))}


@lru_cache(maxsize=1)
def epithet_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?P<det>le|la|l')\s*(?P<noun>{trie_pattern(epithets())})(?![\w'])")


@lru_cache(maxsize=1)
def role_surname_pattern() -> re.Pattern[str]:
    nouns = person_role_nouns()
    return re.compile(rf"(?<![\w'])(?P<role>(?P<det>le|la|l')\s*(?P<noun>{nouns}))\s+(?P<last>[a-z][\w'-]*[a-z])(?![\w'-])")


_LAST_NAME = re.compile(r"([A-ZÀ-Ý][\w'’-]*[\w])\s*$")


def surnames_again(text: str, end: int, mentions: list[Mention], registered: frozenset[str]) -> list[Mention]:
    """« Halyna Petrenko, 71 ans, … » then « Petrenko dit … »: a person the registry does not
    know (``registered`` ids), named again by surname alone before ``end``, is the same person."""
    people: dict[str, Mention] = {}
    for mention in mentions:
        # (a full name, or a person named by given name alone: « Andriï, 34 ans »)
        last = _LAST_NAME.search(mention.text) if mention.kind == "person" and mention.speaker not in registered \
            and mention.speaker and (" " in mention.text.strip() or ascii_id(mention.text) == mention.speaker) else None
        if last and last.group(1) not in people:
            people[last.group(1)] = mention
    if not people:
        return mentions
    pattern = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, sorted(people, key=len, reverse=True)))})(?![\w'’-])")
    taken = [(m.start, m.end) for m in mentions]
    found = [Mention(match.start(), match.end(), match.group(), first.speaker, "person", first.gender, first.side)
             for match in pattern.finditer(text, mentions[0].start, end)
             if (first := people[match.group()]).end <= match.start()
             and not any(a < match.end() and match.start() < b for a, b in taken)]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


_AGED_NAME = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][\w’'-]*[\w]),[ \u00a0]+\d{1,3}[ \u00a0]+ans(?![\w])")


def aged_given_names(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """« Halyna, 71 ans, … »: people named by a listed given name and their age (start,
    end, id, gender)."""
    found = []
    for match in _AGED_NAME.finditer(text, start, end):
        given = fold(match.group(1))
        if given in word_set("first_names"):
            found.append((*match.span(1), ascii_id(match.group(1)), gender_of_name(None, given)))
    return found


@lru_cache(maxsize=1)
def body_anaphor_pattern() -> re.Pattern[str]:
    """« L'organisation », « le collectif » with no name nor complement after them
    (``data/body_anaphors.txt``), matched on folded text."""
    return re.compile(rf"(?<![\w'])(?:l'|le\s+|la\s+)(?:{trie_pattern(word_list('body_anaphors'))})(?![\w'-])"
                      r"(?!\s*(?:de|du|des|d')(?![\w])|\s+[\w-]+\s*\()")
