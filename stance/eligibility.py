"""Which mentions of a sentence may be its subject, and where its subject may start.

A mention right after a preposition is a complement (« à Moscou », « avec Kirill
Dmitriev »), and so is a list it opens (« entre Donald Trump et Vladimir Poutine »); the
phrases opening a clause (« Au lendemain de … , », « Interrogé sur … , ») come before its
subject. Used by :mod:`stance.subjects`, :mod:`stance.attribute` and :mod:`stance.claims`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .authorship import opening_document
from .records import Mention
from .resources import word_list, word_set

WORDS_AND_ELISIONS = re.compile(r"[\w]+'?|'")
_AND = re.compile(r"\s*(?:et|ou|ainsi que)\s*")
_DETERMINERS = frozenset(("le", "la", "les", "l'", "un", "une", "des"))


@lru_cache(maxsize=1)
def _media_nouns() -> frozenset[str]:
    return frozenset(noun.rstrip("+ ") for noun in word_list("media_nouns"))


_LIST_GOES_ON = re.compile(r"\s*(?:,|et\b|ou\b)")


def _eligible(masked: str, mention: Mention, offset: int) -> bool:
    """A mention can be a subject unless a preposition stands right before it (also before
    the outlet noun of a media name: « publié par le site Politico »)."""
    if masked.startswith(("du ", "au "), mention.start - offset):
        return False  # « du pape Léon XIV »: the mention holds its own preposition
    before = masked[max(0, mention.start - offset - 60):mention.start - offset]
    if not _LIST_GOES_ON.match(masked, mention.end - offset):
        # a comma closes the phrase before: « … à plusieurs kilomètres de là, le sergent X a vu »;
        # not in a list (« entre Washington, Moscou et Kiev »)
        before = before[before.rfind(",") + 1:]
    words = WORDS_AND_ELISIONS.findall(before)
    # (a mention with its own article is no outlet's name: « a confié au journal un haut fonctionnaire »)
    own_article = masked[mention.start - offset:mention.end - offset].split(" ", 1)[0] in _DETERMINERS
    for size in (3, 2, 1) if not own_article else ():
        if len(words) > size and " ".join(words[-size:]) in _media_nouns():
            words = words[:-size]
            break
    if words and words[-1] in _DETERMINERS:
        words = words[:-1]
    if not words or opening_document().search(masked, 0, mention.start - offset):
        return True
    last = words[-1]
    pair = " ".join(words[-2:])
    return last not in word_set("prepositions") and pair not in word_set("prepositions")


def subjects_possible(masked: str, mentions: list[Mention], offset: int) -> list[Mention]:
    """Mentions that may be a subject: no preposition before them, nor before the list they
    close (« un sommet entre Donald Trump et Vladimir Poutine »)."""
    possible = []
    previous, previous_ok = None, True
    for mention in mentions:
        listed = previous is not None and _AND.fullmatch(masked, previous.end - offset, mention.start - offset)
        ok = previous_ok if listed else _eligible(masked, mention, offset)
        if ok:
            possible.append(mention)
        previous, previous_ok = mention, ok
    return possible


# « Du côté des Nations unies, »: the locution opens like a preposition (« du » alone may be an article)
_OPENING_PHRASE = re.compile(r"\s*(?:s'|se\s+)?(du\s+cote|[\w']+)[^,]*,")
_ARTICLE_LIKE = frozenset(("de", "d'", "des", "du"))  # « Des diplomates, … » opens with a subject


def after_adverbials(masked: str, start: int, end: int) -> int:
    """Where the clause goes on after its opening phrases, each closed by a comma: prepositional
    (« Au lendemain de … , ») or participial (« Interrogé sur … , », « S'exprimant devant … , »)."""
    position = start
    while (phrase := _OPENING_PHRASE.match(masked, position, end)) and _opens_phrase(phrase.group(1)):
        position = phrase.end()
        # « Chez BlackRock, qui avait conseillé Kiev, Mark Ellison affirme »: a relative on the phrase
        while relative := _RELATIVE_AFTER.match(masked, position, end):
            position = relative.end()
        # « … une rencontre entre Donald Trump, Vladimir Poutine et Volodymyr Zelensky, »: the
        # list « entre » opened runs on to its « et »
        if _OPEN_LIST.search(masked, phrase.start(), position):
            while item := _LIST_ITEM.match(masked, position, end):
                position = item.end()
                if item.group("last"):
                    break
    return position


_RELATIVE_AFTER = re.compile(r"\s*qui\s[^,]*,")
_OPEN_LIST = re.compile(r"\bentre\s(?:(?!\bet\b)[^,])*,$")
_LIST_ITEM = re.compile(r"[^,]*?(?P<last>\bet\b)?[^,]*,")


def _opens_phrase(word: str) -> bool:
    if word.startswith("du "):
        return True
    if word in _ARTICLE_LIKE:
        return False
    return word in word_set("prepositions") or word in word_set("opening_participles") \
        or len(word) > 4 and word.endswith("ant")
