"""Mentions: every phrase of a text that may name a source (guide §2).

A mention is a registered name or title, an anonymous source (« une source proche du
dossier »), a group (« les deux parties »), a pronoun, a role pointing back (« le
responsable russe »), a media outlet (« l'agence Interfax », « le site américain ») or an
unregistered person (« Andriy Yermak »). All matching runs on the folded view; offsets
are those of the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .apposition import bind_appositions
from .authorship import document_anaphor, selon_document
from .clean import fold
from .names import (
    DETERMINERS,
    aged_given_names,
    appositive_role_pattern,
    body_anaphor_pattern,
    caps_speaker_labels,
    epithet_pattern,
    epithets,
    gender_of_name,
    headline_speaker,
    named_by_role,
    role_gender,
    role_surname_pattern,
    surnames_again,
)
from .records import Mention
from .resources import word_list, word_set
from .speakers import Registry, ascii_id
from .trie import trie_pattern
from .verbs import verb_lexicon

SIDE_ADJECTIVES = {"russe": "RU", "russes": "RU", "americain": "US", "americaine": "US", "americains": "US",
                    "ukrainien": "UA", "ukrainienne": "UA", "ukrainiens": "UA", "europeen": "EU",
                    "europeenne": "EU", "europeens": "EU", "du kremlin": "RU", "de la maison blanche": "US"}


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    singular, plural = [], []
    for line in word_list("source_nouns"):
        one, _, many = line.partition("|")
        singular.append(one.strip())
        plural.append((many or one).strip())
    nouns = trie_pattern(set(singular + plural))
    sides = trie_pattern(SIDE_ADJECTIVES)
    source = re.compile(
        r"(?<![\w])(?P<det>(?:l')?une?\s+de\s+(?:ces|ses|leurs)|(?:l')?une?\s+des|une?\s+autre|une|un|des|de|d'|du|au|la|le|les|l'|"
        r"cette|cet|ce|ces|notre|nos|la meme|le meme|meme|plusieurs|certains|certaines|"
        r"de nombreux|de nombreuses|nombre de|deux|trois|quelques|son|sa|leur)(?:(?<=')\s*|\s+)"
        r"(?:(?:meme|ancien|ancienne|ex|autres)[\s-]+)?"
        rf"(?P<noun>{nouns})(?![\w])(?:\s+(?P<side>{sides})(?:\s+et\s+(?P<side2>{sides}))?)?"
    )
    groups = re.compile(r"(?<![\w])(?:" + trie_pattern(word_list("group_phrases")) + r")(?![\w])")
    # Latin Extended-A letters (Ā-ž) in names: « Radosław », « Kęstutis »
    # the words of a name stay on one line (« Julien Ferrand\nPublié le … » is no « Publié »)
    person = re.compile(r"(?<![\w])(?:(?P<hon>M\.|Mme|MM\.|Mlle)[^\S\n]+"
                        r"|(?P<first>[A-ZÀ-ÝĀ-ž][a-zà-ÿĀ-ž]+(?:-[A-Za-zà-ÿĀ-ž]+)?)[^\S\n]+)"
                        r"(?:[A-ZÀ-Ý][\w'’\-]*[\w][^\S\n]+)*?"
                        r"(?P<particle>(?:(?:von|van|der|den|di|da|del|della|De|Van|Von|Le|Di|Da|Del|Ter)[^\S\n]+)+)?"
                        r"(?P<article>al-|el-|Al-|El-)?(?P<last>[A-ZÀ-Ý][\w'’\-]*[\w])"  # « Majed al-Ansari » → ansari
                        r"(?![\w'’-]*[^\S\n]+[A-ZÀ-Ý][a-zà-ÿ])")
    return source, groups, person, frozenset(word_list("first_names"))


@lru_cache(maxsize=1)
def _media_patterns() -> tuple[re.Pattern[str], frozenset[str]]:
    listed = word_list("media_nouns")
    nouns = trie_pattern([n.rstrip("+") for n in listed])
    qualifiers = trie_pattern(word_list("media_qualifiers"))
    pattern = re.compile(rf"(?<![\w'])(?<!sa )(?<!son )(?<!ses )(?<!leur )(?<!leurs )"
                         rf"(?P<det>l'|le\s+|la\s+)?(?P<noun>{nouns})(?![\w'])"
                         rf"(?P<qualifiers>(?:\s+(?:{qualifiers})(?![\w'])){{0,3}})")
    return pattern, frozenset(n[:-1] for n in listed if n.endswith("+"))


@lru_cache(maxsize=1)
def _generic_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{trie_pattern(word_list('generic_determiners'), gap=' ')})\s+$")


@lru_cache(maxsize=1)
def _named_body_pattern() -> re.Pattern[str]:
    nouns = trie_pattern(word_list("body_nouns"))
    return re.compile(rf"(?<![\w'])(?:le|la|l')\s*(?:{nouns})\s+(?P<name>[a-z][\w-]*[a-z])(?![\w'-])")


def _capitalised_end(text: str, start: int, end: int) -> bool:
    """The last word of ``text[start:end]`` starts with a capital (« Les Échos », « Le Monde »)."""
    last = text.rfind(" ", start, end) + 1 or start
    return text[last:last + 1].isupper()


_NEXT_CAPITAL = re.compile(r"\s+[A-ZÀ-Ý]")
_SELON_BEFORE = re.compile(r"(?<![\w'])(?:selon|d'apres)\s*$")  # « D'après le site, … » names the outlet cited


def _verb_next(folded: str, position: int) -> bool:
    """A reporting verb right after: « Le site ajoute que … » speaks."""
    word = _NEXT_WORD.match(folded, position)
    return bool(word) and word.group(1) in verb_lexicon()


_NEXT_WORD = re.compile(r"\s+([\w'-]+)")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?»\n])\s*$")
_APPOSITION_NEXT = re.compile(r"\s*,")
_MEDIA_NAME = re.compile(r"\s+(?P<name>[A-ZÀ-Ý][\w'’&-]*(?:\s+[A-ZÀ-Ý][\w'’&-]*){0,3})")
_OTHER_BODY = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*[A-ZÀ-Ý]")
_WORD_BEFORE = re.compile(r"\w[\s,]+$")
# An unregistered body's acronym after an article (« Le DFAE a précisé »); registered ones are found first
_ACRONYM = re.compile(r"(?<![\w'’])(?P<det>[Ll]['’]|[Ll]e\s+|[Ll]a\s+|[Ll]es\s+|[Dd]u\s+|[Aa]u\s+)"
                      r"(?P<name>[A-Z]{2,6})(?![\w'’-])")
# « le Département fédéral des affaires étrangères (DFAE) », « le Comité international de la
# Croix-Rouge (CICR) »: a body spelt out, its acronym in brackets gives the id
_SPELT_BODY = re.compile(r"(?<![\w'’])(?P<det>[Ll]['’]\s*|[Ll]e\s+|[Ll]a\s+|du\s+|de\s+la\s+|de\s+l['’]\s*)"
                         r"(?P<body>[A-ZÀ-Ý][\w'’-]*(?:\s+[\w'’-]+){0,7}?)"
                         r"\s*\((?P<name>[A-Z]{2,6})\)")
# « l'un d'eux », « un autre »: one of several just named, a pronoun that may stand as an
# inverted subject like a noun (folded prefixes)
ONE_OF = ("l'un", "un autre", "une autre")
_PRONOUN = re.compile(r"(?<![\w'\-])(?P<p>l'une? d'(?:entre )?(?:eux|elles)|une? autre|il|elle|ils|elles|lui|eux|celui-ci"
                      r"|celle-ci|ce dernier|cette derniere|ses (?:propres )?(?:termes|mots))(?![\w'])")  # « selon ses termes »


def find_mentions(text: str, folded: str, start: int, end: int, registry: Registry) -> list[Mention]:
    """Every possible speaker mention in ``text[start:end]``, in order, non-overlapping."""
    mentions: list[Mention] = []
    titles: set[int] = set()  # starts of mentions found by a registered title
    starts: list[int] = []  # taken spans, sorted and disjoint: overlap checks by bisection
    ends: list[int] = []

    def free(a: int, b: int) -> bool:
        i = bisect_right(starts, a)
        return (i == 0 or ends[i - 1] <= a) and (i == len(starts) or starts[i] >= b)

    def drop(mention: Mention) -> None:
        i = starts.index(mention.start)
        del starts[i], ends[i]
        mentions.remove(mention)

    def add(a: int, b: int, sid: str | None, kind: str, gender: str, side: str) -> None:
        i = bisect_right(starts, a)
        starts.insert(i, a)
        ends.insert(i, b)
        mentions.append(Mention(a, b, text[a:b], sid, kind, gender, side))

    for a, b, sid, det, how in registry.find(folded, start, end):
        if how == "title" and _OTHER_BODY.match(text, b):
            continue  # « le secrétaire d'État du Vatican » is not the secrétaire d'État of the registry
        if how == "title" and _generic_before().search(folded, max(start, a - 20), a):
            continue  # « aucun président ukrainien ne peut céder » names no one
        speaker = registry.speakers[sid]
        if how == "name" and speaker.kind == "media" and not _capitalised_end(text, a, b):
            continue  # « les échos venus du Vatican », « le monde entier » name no outlet
        gender = DETERMINERS.get(det, speaker.gender) if how == "title" or speaker.kind != "person" else speaker.gender
        add(a, b, sid, speaker.kind if how == "name" or speaker.kind != "person" else "person", gender, speaker.side)
        if how == "title":
            titles.add(a)
    for a, b, last in caps_speaker_labels(text, folded, start, end):
        if free(a, b):
            add(a, b, ascii_id(last), "person", "", "")
    source, groups, person, first_names = _generic_patterns()
    for match in groups.finditer(folded, start, end):
        # a bare « américains et ukrainiens » after a word qualifies a noun (« des responsables
        # américains et ukrainiens », found below); it names the camps only where a subject starts
        bare = not match.group().startswith(("les ", "toutes "))
        if free(*match.span()) and not (bare and _WORD_BEFORE.search(folded, max(start, match.start() - 40), match.start())):
            add(match.start(), match.end(), "*", "group", "", "")
    for match in source.finditer(folded, start, end):
        if not free(*match.span()):
            continue
        det, noun = match.group("det"), match.group("noun")
        side = SIDE_ADJECTIVES.get(match.group("side") or "", "")
        gender = "f" if noun.startswith("source") else role_gender(det, match.group())
        plural = det in ("des", "les", "ces") or noun.endswith("s") and not noun.endswith("source")
        same = "meme" in folded[match.start():match.start("noun")]
        if match.group("side2"):
            add(match.start(), match.end(), "*", "group", "", "")
        elif det not in ("le", "la", "l'", "du", "au", "ce", "cet", "cette", "son", "sa", "leur") or same or "source" in noun \
                or "proche" in noun or noun.startswith("entourage") and det in ("son", "sa", "leur"):
            # « la même source », « le même diplomate »: the anonymous source again; « selon son
            # entourage » (« l'entourage de X » is left to X: annotators differ)
            add(match.start(), match.end(), "source", "source", gender, side)
        elif not plural:
            add(match.start(), match.end(), None, "role", gender, side)
    media, needs_qualifier = _media_patterns()
    for match in media.finditer(folded, start, end):
        # « l'agence Interfax » names an outlet; « le site américain » points back to one;
        # « sa chaîne Telegram » (a possessive before) is the speaker's own channel
        det, noun = (match.group("det") or "").strip(), match.group("noun")
        gender = "f" if det == "la" or det == "l'" and noun.startswith("agence") else "m"
        name = _MEDIA_NAME.match(text, match.end(), end)
        if name:
            known = next((m for m in mentions if m.start == name.start("name") and m.kind == "media"), None)
            if known is not None and free(match.start(), known.start):
                # « le quotidien Ukraïnska Pravda »: the registered outlet, with its noun
                drop(known)
                add(match.start(), known.end, known.speaker, known.kind, known.gender, known.side)
            elif free(match.start(), name.end()):
                add(match.start(), name.end(), ascii_id(name.group("name")), "media", gender, "")
        elif det and (match.group("qualifiers") or noun not in needs_qualifier
                      or _OPENS_SENTENCE.search(folded, max(0, match.start() - 3), match.start())
                      and (_APPOSITION_NEXT.match(folded, match.end()) or _verb_next(folded, match.end()))
                      or _SELON_BEFORE.search(folded, max(0, match.start() - 20), match.start())) \
                and free(*match.span()):
            # « Le site, qui s'appuie sur deux sources, affirme … »: a bare « site » opening a
            # sentence before an apposition is the outlet; « le site de Zaporijjia » is a place
            add(match.start(), match.end(), None, "media", gender, "")
    position = start
    while match := person.search(text, position, end):
        a, b = match.span()
        first = match.group("first")
        family_first = bool(first) and fold(first) in word_set("family_names_first") \
            and match.start("last") == match.end("first") + 1  # « Wang Yi »: two words, the family name first
        if first and fold(first) not in first_names and not family_first \
                and not (match.start("last") - len(match.group("article") or "") == match.end("first") + 1
                         and (named_by_role(folded, match.start("first"), match.end(), start, end)
                              or headline_speaker(text, a, b))):
            position = a + len(first)  # « Pour Thomas Garnier »: a name may start at the next word
            continue
        position = b
        if not free(a, b):
            continue
        # « Bart De Wever » → de_wever, « Ursula von der Leyen » → von_der_leyen
        sid = ascii_id(first if family_first else (match.group("particle") or "") + match.group("last"))
        if sid:
            add(a, b, sid, "person", gender_of_name(match.group("hon"), fold(first) if first else ""), "")
    for match in _SPELT_BODY.finditer(text, start, end):
        # « L'Institut international de sociologie de Kiev (KIIS) », « une note du Service
        # européen pour l'action extérieure (SEAE) »: the body spelt out, names inside it included
        det = match.group("det").strip().lower()
        a = match.start() if det[:1] == "l" else match.start("body")
        if match.group("name") in word_set("title_acronyms") or fold(match.group("name")) in word_set("party_names") \
                or not free(a, match.start("body")):
            continue  # « l'Allemand Friedrich Hallenberg (PPE) » is a member of the party, not the party
        for inner in [m for m in mentions if match.start("body") <= m.start and m.end <= match.end()]:
            drop(inner)
        if free(a, match.end()):
            add(a, match.end(), match.group("name").lower(), "institution", "f" if det == "la" else "m", "")
    for match in _named_body_pattern().finditer(folded, start, end):
        last = match.start("name")
        if text[last].isupper() and free(last, match.end()) and not _NEXT_CAPITAL.match(text, match.end()):
            if free(match.start(), match.end()):  # « l'opérateur Ukrenergo »
                add(match.start(), match.end(), ascii_id(text[last:match.end()]), "institution", "m", "")
    for match in role_surname_pattern().finditer(folded, start, end):
        # « le cardinal Zuppi », « la députée Kovaltchouk »: a role, then one capitalised word
        # (a given name only after a rank: « le capitaine Dmytro »)
        last = match.start("last")
        if text[last].isupper() and not text[last + 1:match.end()].isupper() and free(last, match.end()) \
                and not _NEXT_CAPITAL.match(text, match.end()) \
                and (match.group("last") not in first_names or match.group("noun") in word_set("military_ranks")) \
                and match.group("last") not in word_set("party_names"):  # « le député MoDem du Finistère X »
            role = next((m for m in mentions if m.start == match.start() and m.end == match.end("role")), None)
            if role is not None:
                drop(role)
            if free(match.start(), match.end()):
                add(match.start(), match.end(), ascii_id(text[last:match.end()]), "person",
                    "f" if match.group("det") in ("la", "une") else "m", "")
    for a, b, sid, gender in aged_given_names(text, start, end):  # « Halyna, 71 ans, … »
        if free(a, b):
            add(a, b, sid, "person", gender, "")
    titles_only = word_set("title_acronyms")
    for match in _ACRONYM.finditer(text, start, end):
        a, b = match.span("name")
        gender = {"la": "f", "le": "m", "du": "m", "au": "m"}.get(match.group("det").strip().lower(), "")
        if match.group("name") in titles_only:  # « Le PDG de Gazprom »: a role, resolved like « le ministre »
            if free(match.start(), b):
                add(match.start(), b, None, "role", gender, "")
        elif free(a, b):
            add(a, b, match.group("name").lower(), "institution", gender, "")
    for match in _PRONOUN.finditer(folded, start, end):
        if free(*match.span()):
            word = match.group("p")
            gender = "f" if word.startswith(("elle", "celle", "cette", "l'une", "une")) else "" if word.startswith("ses") else "m"
            add(match.start(), match.end(), None, "pronoun", gender, "")
    for match in appositive_role_pattern().finditer(folded, start, end):
        if free(*match.span()):
            add(match.start(), match.end(), None, "role", role_gender(match.group("det"), match.group()), "")
    for match in selon_document().finditer(folded, start, end):
        if free(*match.span("doc")):
            add(*match.span("doc"), None, "document", "", "")
    for match in document_anaphor().finditer(folded, start, end):
        if free(*match.span()) and text[match.start("noun")].islower():  # « La Lettre diplo » is a name
            add(match.start(), match.end(), None, "document", "f" if match.group("det") in ("la", "cette") else "m", "")
    for match in epithet_pattern().finditer(folded, start, end):
        if free(*match.span()):  # « le quinquagénaire »: « le » or « la » gives the gender
            gender = epithets()[match.group("noun")] or role_gender(match.group("det"), match.group())
            add(match.start(), match.end(), None, "pronoun", gender, "")
    for match in body_anaphor_pattern().finditer(folded, start, end):  # « L'organisation dit … »
        if free(*match.span()) and not text[match.end():match.end() + 2].strip()[:1].isupper():
            add(match.start(), match.end(), None, "body", "", "")
    mentions.sort(key=lambda m: m.start)
    bound = bind_appositions(text, folded, mentions, titles)
    return surnames_again(text, end, bound, registry.ids) if bound else bound
