"""Documents as sources (``data/document_nouns.txt``): « une note interne du département
d'État », « le compte rendu publié par le Kremlin », « Le texte ajoute que … », « Selon le
rapport, … ». Every pattern built over the document nouns lives here, with who wrote what.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import word_list
from .trie import trie_pattern


@lru_cache(maxsize=1)
def document_anaphor() -> re.Pattern[str]:
    # « Le texte ajoute que … », « Le document relève … »: the document cited before speaks again
    # (not « le texte du Kremlin » nor « le communiqué, publié par X »: its author is named there)
    nouns = trie_pattern(word_list("document_nouns"))
    return re.compile(rf"(?<![\w'])(?P<det>le|la|l'|ce|cette)\s*(?:meme\s+)?(?P<noun>{nouns})(?![\w'-])"
                      r"(?!\s+(?:final|finale|commun|commune|officiel|officielle)?\s*(?:de|du|des|d'|,)"
                      r"|,[^,.]{0,80}?\spar\s"  # « Le communiqué, publié par X, » names its author
                      r"|(?:\s+[\w']+){1,6}?\s+par\s)")  # « Le communiqué diffusé par la diplomatie américaine »


@lru_cache(maxsize=1)
def selon_document() -> re.Pattern[str]:
    # « Selon le rapport, … », « D'après l'étude, … »: the comma after it closes the source
    nouns = trie_pattern(word_list("document_nouns"))
    return re.compile(rf"(?<![\w'])(?:selon|d'apres)\s+(?P<doc>(?:le|la|l'|ce|cette)\s*(?:{nouns}))(?=\s*,)")


@lru_cache(maxsize=1)
def document_of() -> re.Pattern[str]:
    """« une note interne du département d'État », « le communiqué final du Kremlin »: a
    document up to its author's name (folded)."""
    nouns = trie_pattern(word_list("document_nouns"))
    return re.compile(rf"\s*(?:(?:le|la|l'|un|une|ce|cette)\s*)?(?:{nouns})(?:\s+[\w'-]+){{0,2}}?\s+"
                      r"(?:de|du|des|d')\s*(?:la\s+|le\s+|les\s+|l')?")


@lru_cache(maxsize=1)
def document_by() -> re.Pattern[str]:
    """« le compte rendu publié dans la soirée par le Kremlin »: a document up to its author
    named as the agent of a participle (folded)."""
    nouns = trie_pattern(word_list("document_nouns"))
    return re.compile(rf"\s*(?:(?:le|la|l'|un|une|ce|cette)\s*)?(?:{nouns})\s+[\w'-]+(?:e|es|s)?\b"
                      r"(?:\s+[\w'-]+){0,5}?\s+par\s+")


def document_author(masked: str, body: int, verb_start: int, mentions: list[Mention], offset: int,
                     inverted: bool = False) -> Mention | None:
    """« Une note interne du SEAE, consultée par l'AFP, estime que … »: the subject is a document
    and its author speaks (an apposition may stand between them and the verb); ``inverted``:
    the document follows the verb (« …, précise la note du département d'État »)."""
    lead = document_of().match(masked, body)
    author = lead and next((m for m in mentions if m.start - offset == lead.end() and m.speaker
                            and m.kind in ("person", "institution", "media")), None)
    if not author or inverted:
        return author or None
    gap = masked[author.end - offset:verb_start].strip()
    return author if not gap or gap.startswith(",") and gap.endswith(",") and gap.count(",") == 2 else None


OF_BEFORE = re.compile(r"(?<![\w'])(?:du|de la|de l'|des)\s*$")


@lru_cache(maxsize=1)
def document_noun() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{trie_pattern(word_list('document_nouns'))})(?![\w'])")


@lru_cache(maxsize=1)
def publishes() -> re.Pattern[str]:
    # a publishing verb, then within a few words the document (« publie ce jeudi un rapport de 84 pages »)
    return re.compile(rf"(?<![\w'])(?:{trie_pattern(word_list('publishing_verbs'))})[\w-]*\s+(?:[\w'-]+\s+){{0,5}}?"
                      rf"(?:{trie_pattern(word_list('document_nouns'))})(?![\w'])")


@lru_cache(maxsize=1)
def document_lead() -> re.Pattern[str]:
    # « Message de Roustem Oumerov sur Telegram : « … » »: a document of the source opens the line
    return re.compile(rf"\s*(?:(?:le|la|l'|un|une)\s*)?(?:{trie_pattern(word_list('document_nouns'))})\s+(?:de|d'|du)\s*")


@lru_cache(maxsize=1)
def opening_document() -> re.Pattern[str]:
    """« Un communiqué du Kremlin », « Le texte diffusé dans la soirée par la Maison Blanche »
    opening the sentence, up to its author (folded): the author is the subject."""
    nouns = trie_pattern(word_list("document_nouns"))
    return re.compile(rf"^\W*(?:le|la|l'|un|une|ce|cette)\s*(?:{nouns})(?:\s+(?:officiel|final|commun)(?:le|e)?)?"
                      rf"(?:\s+(?:de|du|des|d')|,?(?:\s+[\w']+){{1,6}}?\s+par)\s*(?:la\s+|le\s+|les\s+|l')?$")
