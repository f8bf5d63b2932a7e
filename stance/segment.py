"""Stage 2: French sentence segmentation with offsets into the original text.

Lines are zoned first (:mod:`stance.clean`); every line break ends a unit. Prose lines are
split by NLTK's Punkt with our own parameters (no trained data, no download) and a few
French rules applied on top: guillemets, a question inside a quote that continues the
sentence, and sentence ends hidden behind closing quotes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clean import fold, zone_text
from .nltk_parts import load_nltk_parts
from .records import Sentence
from .resources import word_list, word_set
from .turns import SIGNATURE, question_labels

_PUNKT = load_nltk_parts().punkt
_ORTHO_MID_LC = _PUNKT._ORTHO_MID_LC
PunktLanguageVars = _PUNKT.PunktLanguageVars
PunktParameters = _PUNKT.PunktParameters
PunktSentenceTokenizer = _PUNKT.PunktSentenceTokenizer


class FrenchLanguageVars(PunktLanguageVars):
    """Punkt's language variables with French sentence ends and quotation marks."""

    sent_end_chars = (".", "?", "!", "…")
    # Only closing marks move back onto the sentence they follow; an opening « stays with
    # the sentence it opens.
    # Straight quotes are left out: whether one opens or closes is decided by parity below.
    re_boundary_realignment = re.compile(r'[\')\]}\u2019\u201d\xbb\u00a0\u202f]+?(?:\s+|$)', re.MULTILINE)
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\xab\xbb\u201c\u201d]"

    @property
    def _re_non_word_chars(self) -> str:
        return r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!…])"


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(word_list("abbreviations"))
    for word in word_list("sentence_starters"):
        params.add_ortho_context(word, _ORTHO_MID_LC)
    tokenizer = PunktSentenceTokenizer(lang_vars=FrenchLanguageVars())
    tokenizer._params = params  # Punkt has no public setter for untrained parameters
    return tokenizer


# A closing quote glued to a sentence end, then a capitalised word: « …paix. » Il a dit
_HIDDEN_END = re.compile(r'[.!?…]\s*["»”]\s+(?=["«“]?\s?[A-ZÀ-Ý])')
# A sentence end with its space lost (« … un cessez-le-feu.Il a plaidé … »): a word of three
# lowercase letters, the mark, then a capitalised word (« M.Rubio », « U.S.A » do not match)
_GLUED_END = re.compile(r"[.!?](?<=[a-zà-ÿ]{3}.)(?=[A-ZÀ-Ý][a-zà-ÿ]*[\s,;:'’])")
# « … » then a capital word ends a sentence, unless it is an omission mark « (…) ».
_ELLIPSIS_END = re.compile(r'(?:\.(?<![(\[]\.)\.\.|…(?<![(\[]…))["»”]?\s+(?=[A-ZÀ-Ý])')  # mark first: fast scan
# Initials and references that Punkt cuts after: « J.A. Howe », « L. 642-3 », « B.I.P.) ou »
_GLUED_INITIALS = re.compile(r'(?:\b(?:[A-Z]\.){2,}|\b[A-Z]\.)$')
# « ?! », « !!! » cut into pieces, and an omission mark « (…) » are never sentences alone
_ALNUM = re.compile(r"\w")
_OMISSION_END = re.compile(r"[(\[](?:\.\.\.|…)[)\]]$")
_CONTINUATION = re.compile(r'[\s\u00a0]*[,;:)\]»”"]*[\s\u00a0]*[,;:a-zà-ÿ]')
# « « Nos conditions n'ont pas changé. » — Sergueï Lavrov, le 6 juin. »: a quotation and its signature
_CLOSING_QUOTE_END = re.compile(r'[»”"][\s\u00a0]*$')
_ENDS_QUESTION = re.compile(r'[?!…][\s\u00a0]*["»”]?[\s\u00a0]*$')


# Breaks Punkt would make anyway (a word of three letters or a year that is no
# abbreviation, or a closing quote after a word, then . ! or ?, then a capital, perhaps
# behind an opening guillemet): cutting there first leaves Punkt only the pieces that need it.
# (the punctuation mark comes first in the regex so the engine can skip to it: a leading
# lookbehind was tried at every position)
_SAFE_BREAK = re.compile(r"[.!?](?:(?<=[a-zà-ÿA-ZÀ-Ý]{3}.)|(?<=[0-9]{4}.)"
                         r"|(?<=[a-zà-ÿ][»\"”].)|(?<=[a-zà-ÿ][ \u00a0\u202f][»\"”].))"
                         r"(?P<gap>[ \t\u00a0]+)(?=(?:[«“][ \t\u00a0]?)?[A-ZÀ-Ý])")
_WORD_BEFORE = re.compile(r"([\w-]+)[.!?]$")
_NEEDS_PUNKT = re.compile(r"[.!?…][\"'»”)\]\u00a0]*\s")


# « M. Witkoff », « MM. Rubio et … »: Punkt marks a known abbreviation in its first pass and
# breaks after it only when the next word is one of our sentence starters (the only
# orthographic context it has), so a piece whose every candidate end is such a pair needs
# no Punkt.
_ABBREVIATION_BEFORE = re.compile(r"(?:^|(?<=\s))([^\W\d_]+)\.$")
_CAPITAL_AFTER = re.compile(r"[ \u00a0]+([A-ZÀ-Ý][\w-]*)(?=[\s,;:.)]|$)")


def _abbreviation_only(text: str, start: int, end: int) -> bool:
    for match in _NEEDS_PUNKT.finditer(text, start, end):
        dot = match.start()
        word = _ABBREVIATION_BEFORE.search(text, max(start, dot - 12), dot + 1)
        after = _CAPITAL_AFTER.match(text, dot + 1, end)
        if not (word and after and word.group(1).lower() in word_set("abbreviations")
                and after.group(1).lower() not in word_set("sentence_starters")):
            return False
    return True


def _punkt_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not _NEEDS_PUNKT.search(text, start, end) or _abbreviation_only(text, start, end):
        return [(start, end)]
    return [(start + a, start + b) for a, b in _tokenizer().span_tokenize(text[start:end])]


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for match in _SAFE_BREAK.finditer(text, start, end):
        gap_start = match.start("gap")
        if text[gap_start - 1] == ".":
            word = _WORD_BEFORE.search(text, max(position, gap_start - 40), gap_start)
            if word and word.group(1).lower() in word_set("abbreviations"):
                continue
        spans.extend(_punkt_spans(text, position, gap_start))
        position = match.end()
    spans.extend(_punkt_spans(text, position, end))
    spans = _split_hidden_ends(text, spans)
    spans = _split_glued_ends(text, spans)
    spans = _split_ellipses(text, spans)
    spans = _move_straight_quotes(text, spans)
    return _merge_continuations(text, spans)


def _split_hidden_ends(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        cut = a
        for match in _HIDDEN_END.finditer(text, a, b):
            quote_end = match.end()
            piece_end = len(text[cut:quote_end].rstrip()) + cut
            out.append((cut, piece_end))
            cut = quote_end
        out.append((cut, b))
    return [(a, b) for a, b in out if b > a]


def _split_glued_ends(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        for match in _GLUED_END.finditer(text, a, b):
            word = text[text.rfind(" ", a, match.start()) + 1:match.start()]
            if "/" in word or "@" in word or word.lower().startswith("www"):  # an address, not a sentence end
                continue
            out.append((a, match.end()))
            a = match.end()
        out.append((a, b))
    return out


def _split_ellipses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        cut = a
        for match in _ELLIPSIS_END.finditer(text, a, b):
            out.append((cut, len(text[cut:match.end()].rstrip()) + cut))
            cut = match.end()
        out.append((cut, b))
    return out


def _move_straight_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # A straight quote after a sentence end closes a quotation when one is open (an odd
    # number of quotes since the line began); otherwise it opens the next sentence.
    out: list[tuple[int, int]] = []
    quotes = 0
    for a, b in spans:
        if out and text.startswith('"', a) and quotes % 2 == 1:
            rest = text[a + 1:b]
            quotes += 1
            if rest.strip():
                out[-1] = (out[-1][0], a + 1)
                a = a + 1 + len(rest) - len(rest.lstrip())
            else:
                out[-1] = (out[-1][0], b)
                continue
        quotes += text.count('"', a, b)
        out.append((a, b))
    return out


def _merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # « Qui peut croire à une trêve ? », a lancé X.  is one sentence, not two.
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        # the end patterns are anchored at the end of the previous span: look at its tail only
        # (a character test first: most tails end with a plain full stop)
        tail = text[max(merged[-1][0], merged[-1][1] - 16):merged[-1][1]] if merged else ""
        if merged and (("?" in tail or "!" in tail or "…" in tail) and _ENDS_QUESTION.search(tail)
                       and _CONTINUATION.match(text, a)
                       or "." in tail and _GLUED_INITIALS.search(tail)
                       and not _starts_sentence(text, a)
                       or (")" in tail or "]" in tail) and _OMISSION_END.search(tail)
                       or SIGNATURE.match(text, a) and _CLOSING_QUOTE_END.search(tail)
                       or not _ALNUM.search(text, a, b)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def _starts_sentence(text: str, pos: int) -> bool:
    word = re.match(r"[\w'’]+", text[pos:pos + 30])
    if not word or not word.group()[0].isupper():
        return False
    token = word.group().lower().replace("’", "'")
    return token in word_set("sentence_starters") or token.split("'")[0] + "'" in word_set("sentence_starters")


@lru_cache(maxsize=1)
def _question_label() -> re.Pattern[str]:
    # the cues that open a question line (« Q : », « QUESTION (AFP) : »), as zoning reads them
    asking, always = question_labels()
    return re.compile(rf"(?P<label>{asking.pattern}|{always.pattern})\s*")


def split_sentences(text: str, folded: str | None = None) -> list[Sentence]:
    """Split ``text`` into sentences and zoned lines, with offsets into ``text``.

    Parameters
    ----------
    text : str
        The article as read (any line ends).
    folded : str, optional
        ``fold(text)`` when the caller already has it.

    Returns
    -------
    list of Sentence
        Units in order, disjoint, each with ``text == source[start:end]``.

    Examples
    --------
    >>> [s.text for s in split_sentences("M. Rubio a parlé. « Nous avançons », a-t-il dit.")]
    ['M. Rubio a parlé.', '« Nous avançons », a-t-il dit.']
    """
    folded = fold(text) if folded is None else folded
    units: list[Sentence] = []
    paragraph = 0
    previous_end = 0
    for zone in zone_text(text, folded):
        if "\n\n" in text[previous_end:zone.start].replace("\r", "") or not units:
            paragraph += 1 if units else 0
        previous_end = zone.end
        # a question is split too: it may first report what someone said (« Q : Lavrov répète que … Est-ce … ? »)
        pieces = _split_line(text, zone.start, zone.end) if zone.kind in ("prose", "question") else [(zone.start, zone.end)]
        kind = "sentence" if zone.kind == "prose" else zone.kind
        label = _question_label().match(folded, zone.start, zone.end) if zone.kind == "question" else None
        if label and label.end() < pieces[0][1]:  # « Q : » is no part of what the question reports
            units.append(Sentence(zone.start, label.end("label"), text[zone.start:label.end("label")], "marker",
                                  len(units), paragraph))
            pieces[0] = (label.end(), pieces[0][1])
        for a, b in pieces:
            units.append(Sentence(a, b, text[a:b], kind, len(units), paragraph))
    return units
