"""Incises left inside a quotation: « La paix, a-t-il dit, est encore loin. »

French print often keeps the guillemets open around a short incise that names the speaker
(« Nous avons obtenu un échange, a déclaré Roustem Oumerov. C'est un résultat concret. »).
The masked view of a sentence blanks the whole quotation, so the incise is found here, in
the unmasked text, and given back to the masked view for the ordinary source search.
"""
from __future__ import annotations

import re

from .verbs import verb_pattern

# the incise runs from its comma to the next punctuation mark (« …, a-t-il dit, … »,
# « …, a déclaré X à la sortie de la séance. »)
_INCISE_END = re.compile(r"[^,.;:!?\"]{0,80}?(?=[,.;:!?\"]|\s*$)")
_MAX_WORDS = 12


def unmask_incise(folded: str, masked: str) -> str | None:
    """``masked`` with the first incise hidden inside a quotation given back, or None.

    Parameters
    ----------
    folded : str
        A sentence's folded text.
    masked : str
        The same text with quotations blanked (:func:`stance.attribute.mask_quotes`).

    Examples
    --------
    >>> folded = '" la paix, a-t-il dit, est encore loin. "'
    >>> unmask_incise(folded, '"' + " " * (len(folded) - 2) + '"').strip(' "')
    ', a-t-il dit,'
    """
    if masked == folded:
        return None  # nothing quoted: nothing hidden
    for verb in verb_pattern().finditer(folded):
        if masked[verb.start():verb.end()].strip():
            continue  # outside the quotation: the ordinary search has seen it
        before = folded[:verb.start()].rstrip()
        if not before.endswith(",") or not before[:-1].strip(' "'):
            continue
        incise = _INCISE_END.match(folded, verb.end())
        if incise is None or len(folded[verb.start():incise.end()].split()) > _MAX_WORDS:
            continue
        comma = len(before) - 1
        return masked[:comma] + folded[comma:incise.end() + 1] + masked[incise.end() + 1:]
    return None
