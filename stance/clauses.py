"""Clauses: where one sentence holds two claims (guide §1: one claim per stance).

A sentence is cut before « mais », « tandis que », « tout en … -ant », « ; », before an
apposed noun with a relative clause (« …, une hypothèse que X a qualifiée … »), after a
colon and before « , qui »; the claims stage keeps a piece apart only when it carries a
stance or a source of its own, and the labelling stage joins pieces that share a stance.
"""
from __future__ import annotations

import re

MIN_WORDS = 3  # a shorter piece joins its neighbour
WORD = re.compile(r"\w+")
_SPLIT = re.compile(r";\s*|(?<=[\s,])(?=mais\s)|(?<=[\s,])(?=tandis\s+qu)|(?<=,\s)(?=alors\s+qu)"
                    r"|(?<=[\s,])(?=tout\s+en\s+(?:se\s+|s')?\w+ant\b)"
                    r"|(?<=,\s)(?=\w+ant\s+(?:toutefois|cependant|neanmoins|pourtant)\s+qu)")
# « …, une hypothèse que Dmitri Peskov a qualifiée de « pure spéculation » »: an apposed noun
# with a relative clause may bring its own source; the piece stays apart only if it does
# « C'est plutôt Moscou qui pose des conditions : Iouri Ouchakov a estimé … », after a colon, too
APPOSED_RELATIVE = re.compile(r"(?<=,\s)(?=(?:une|un|ce|cette|des|ces)\s+[\w-]+\s+(?:que|qu'))|(?<=:\s)(?=\w)")
# « …, a martelé la cheffe de la diplomatie européenne, qui s'est dite « sceptique » »: a relative
# clause after a complete claim, with a reporting verb of its own, is a claim of its own
RELATIVE_TURN = re.compile(r"(?<=,\s)qui\s+")
# « Selon l'agence Reuters, qui cite un responsable, M. Witkoff aurait … »: the relative
# belongs to the source phrase opening the sentence, which says nothing by itself
_SELON_LEAD = re.compile(r"\s*(?:selon|d'apres)\s[^,]*,\s*")
_LEADING_TOUT_EN = re.compile(r"\s*tout\s+en\s+(?:se\s+|s')?\w+ant\b[^,]*,\s*")
# « …, mais … » inside a quotation (blanked in the masked view): a candidate cut too; the
# labelling stage joins the two parts back unless they carry two stances
_QUOTED_TURN = re.compile(r"(?<=,)\s*(?=mais\s)")


def split_clauses(masked: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Clause spans (relative offsets) of a masked, folded sentence.

    ``folded`` is the same sentence unmasked: « , mais » inside its quotations is cut too.
    """
    cuts = [0]
    lead = _LEADING_TOUT_EN.match(masked)
    if lead:
        cuts.append(lead.end())
    found = [m.end() for m in _SPLIT.finditer(masked)] + [m.end() for m in APPOSED_RELATIVE.finditer(masked)] \
        + [m.start() for m in RELATIVE_TURN.finditer(masked) if not _SELON_LEAD.fullmatch(masked, 0, m.start())]
    if folded is not None:
        found += [m.end() for m in _QUOTED_TURN.finditer(folded) if not masked[m.end()].strip()]
    for cut in sorted(found):
        if cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(len(masked))
    spans = []
    view = masked if folded is None else folded  # a clause may be all quotation
    for a, b in zip(cuts, cuts[1:]):
        words = len(WORD.findall(view, a, b))
        if spans and (words < MIN_WORDS or len(WORD.findall(view, *spans[-1])) < MIN_WORDS):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans
