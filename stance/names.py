"""Names the registry does not know: when two capitalised words name a person.

A first name we do not list (« Gwenaël Riou », « Guéorgui Belov ») makes a person only with
evidence beside it: a role in apposition or right before it, or the « Name : « quote » »
headline form (guide §1). Shared with :mod:`stance.mentions`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .resources import word_list, word_set
from .trie import trie_pattern

DETERMINERS = {"la": "f", "une": "f", "le": "m", "un": "m", "du": "m", "au": "m", "cette": "f", "ce": "m"}


@lru_cache(maxsize=1)
def person_role_nouns() -> str:
    """Regex source of the nouns that name a person's role: the singular source nouns and
    ``person_appositions.txt``."""
    return trie_pattern([line.partition("|")[0].strip() for line in word_list("source_nouns")]
                        + list(word_list("person_appositions")))


@lru_cache(maxsize=1)
def _role_context() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    noun = person_role_nouns()
    after = re.compile(rf"\s*,\s*(?:(?:ancien|ancienne|ex|jeune)[\s-]+)?(?:{noun})(?![\w'])")
    # « le député Erwan Caradec », « la ministre des Affaires étrangères, Awa Mbengue »
    before = re.compile(rf"(?<![\w'])(?:{noun})(?:(?:\s+(?:[a-z-]+ien|[a-z-]+ienne|[a-z-]+ais|[a-z-]+aise|russe|americaine?))?\s+"
                        rf"|(?:\s+[\w'-]+){{1,6}}?\s*,\s*)$")
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
    return bool(after.match(folded, end, upper) or before.search(folded, max(lower, first - 60), first))


_HEADLINE_QUOTE_AFTER = re.compile(r"[ \u00a0]*:[ \u00a0]*[«\"“]")


def headline_speaker(text: str, start: int, end: int) -> bool:
    """« Guéorgui Belov : « Nous n'avons jamais été aussi près » »: a first and last name
    opening a line before a colon and a quotation name the person quoted (guide §1)."""
    return (start == 0 or text[start - 1] == "\n") and bool(_HEADLINE_QUOTE_AFTER.match(text, end))
