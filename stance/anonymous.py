"""Sources unnamed at their own request (guide §2: any anonymous source is ``source``).

« Un banquier d'affaires …, sous couvert d'anonymat, confie que … », « Le directeur d'une
minoterie, qui a requis l'anonymat, juge que … »: whatever noun opens the sentence, a
person who asked not to be named and reports something is an anonymous source, even when
the noun is no source noun of ours.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .records import Mention
from .resources import word_list
from .trie import trie_pattern
from .verbs import verb_pattern

_ANONYMOUS_OPENING = re.compile(r"\W*(?P<np>(?:un|une|le|la|l')\s*[a-z][\w-]+)")
_SPEECH_SOON = re.compile(r"[^.;]{0,60}?(?:\bque\b|\bqu'|:)")


@lru_cache(maxsize=1)
def _anonymity() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{trie_pattern(word_list('anonymity_cues'), gap=' ')})")


def anonymous_source(text: str, masked: str, offset: int) -> tuple[Mention, str, str] | None:
    """The anonymous source opening a sentence that says it asked not to be named.

    Parameters
    ----------
    text : str
        The document as read.
    masked : str
        The sentence's folded text with quotations blanked.
    offset : int
        Start of the sentence in ``text``.

    Returns
    -------
    tuple or None
        The mention (speaker ``source``), the reporting verb and the method ``anonymous``.

    Examples
    --------
    >>> text = "Un banquier, qui a requis l'anonymat, juge que tout piétine."
    >>> found = anonymous_source(text, "un banquier, qui a requis l'anonymat, juge que tout pietine.", 0)
    >>> found[0].text, found[0].speaker, found[1:]
    ('Un banquier', 'source', ('juge', 'anonymous'))
    """
    opening = _ANONYMOUS_OPENING.match(masked)
    if opening is None or not _anonymity().search(masked):
        return None
    for verb in verb_pattern().finditer(masked, opening.end()):
        if not re.search(r"\bqui\s*$", masked[:verb.start()]) and _SPEECH_SOON.match(masked, verb.end()):
            start, end = offset + opening.start("np"), offset + opening.end("np")
            gender = "f" if opening.group("np").startswith(("une", "la")) else "m"
            return Mention(start, end, text[start:end], "source", "source", gender, ""), verb.group().strip(), "anonymous"
    return None
