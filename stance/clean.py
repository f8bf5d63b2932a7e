"""Stage 1: a folded view of the text for matching, and zoning of non-article lines.

The folded view has exactly the length of the original, so any offset found in it is an
offset into the original text: matching happens on the view, output is cut from the source.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from .resources import word_list, word_set
from .trie import trie_pattern
from .turns import SIGNATURE, question_labels

_QUOTES = {c: '"' for c in "«»“”„‟〝〞＂"}
_APOSTROPHES = {c: "'" for c in "’‘‚‛ʼ`´′"}
_SPACES = {c: " " for c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u3000"}
_DASHES = {c: "-" for c in "‐‑‒–—―−"}

# Letters Unicode does not decompose into a base letter and an accent (« Aydın », « Łukasz »)
_NO_DECOMPOSITION = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t"}


def _fold_char(char: str) -> str:
    for table in (_QUOTES, _APOSTROPHES, _SPACES, _DASHES):
        if char in table:
            return table[char]
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    if lowered in _NO_DECOMPOSITION:
        return _NO_DECOMPOSITION[lowered]
    base = unicodedata.normalize("NFKD", lowered)
    if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]):
        first = base[0].lower()
        return first if len(first) == 1 else base[0]
    return lowered


@lru_cache(maxsize=1)
def _fold_table() -> str:
    # Latin, Greek, Cyrillic and punctuation; other characters map to themselves
    table = {}
    for code in list(range(0x80, 0x530)) + list(range(0x1E00, 0x2100)) + [0x3000, 0xFF02]:
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    for mapping in (_QUOTES, _APOSTROPHES, _SPACES, _DASHES):
        table.update({ord(c): v for c, v in mapping.items()})
    for code, value in list(table.items()):  # to a fixed point: fold(fold(t)) == fold(t)
        seen = {chr(code)}
        while len(value) == 1 and ord(value) in table and value not in seen:
            seen.add(value)
            value = table[ord(value)]
        table[code] = value
    # A string indexed by code point is twice as fast as the dict (code points past its end
    # raise IndexError, which `str.translate` reads as "keep"); one character per value.
    values = (table.get(code, chr(code)) for code in range(max(table) + 1))
    return "".join(v if len(v) == 1 else chr(code) for code, v in enumerate(values))


def fold(text: str) -> str:
    """Lowercase, accent-free view of ``text`` with unified quotes, apostrophes and spaces.

    The result has the same length as ``text`` and ``fold(fold(t)) == fold(t)``.

    >>> fold("Le secrétaire d’État a dit : « Non »")
    'le secretaire d\\'etat a dit : " non "'
    """
    return text.translate(_fold_table())


@dataclass(frozen=True, slots=True)
class Zone:
    """A stripped line (or a prefix of one) and what kind of text it is."""

    start: int
    end: int
    kind: str  # "prose" or a non-article kind such as "boilerplate"


_MONTHS = "|".join(word_list("months"))
_AGENCIES = "|".join(re.escape(a) for a in word_list("agencies"))
_HEADER = re.compile(r"date\s+\d{4}-\d{2}-\d{2}\b")
_DATELINE = re.compile(
    r"(?P<place>[a-z][a-z'. /-]{1,40}?)\s*(?:\([^)\n]{1,30}\))?,\s*(?:le\s+)?\d{1,2}(?:er)?\s+"
    rf"(?:{_MONTHS})\.?(?:\s+\d{{4}})?\s*(?:\((?P<agency>{_AGENCIES})\))?\s*-+\s*"
)
# « MOSCOU – », « BRUXELLES, PARIS, BERLIN — », « KIEV (Reuters) - »: places in capitals and a dash, no date
_PLACE_DASH = re.compile(rf"(?P<place>[a-z][a-z'-]{{2,30}}(?:\s+[a-z][a-z'-]{{1,30}}){{0,2}}"
                         rf"(?:\s*,\s*[a-z][a-z' -]{{2,30}}){{0,3}})\s*(?:\((?:{_AGENCIES})\)\s*)?-+\s+")
# « 14h32 - », « 07h02 (AFP) — » (a flash with its agency)
_TIMESTAMP = re.compile(rf"\d{{1,2}}\s?[h:]\s?\d{{2}}\s*(?:\((?:{_AGENCIES})\)\s*)?[-:|]\s+")
_MARKER = re.compile(r"[-*•·▪►]\s+")
_ANSWER_LABEL = re.compile(r"(?:r|reponse)\s?:\s+")  # « R : Ce fut une réunion dense. »: the answer starts after it
_HEADLINE_QUOTE = re.compile(r"[^\"\n:]{2,60}\s?:\s?[^\"\n:]{0,60}\"")
# « Ouchakov (conseiller du Kremlin) : Witkoff attendu à Moscou » says who speaks: a claim
_NAMED_LABEL = re.compile(r"[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0][A-ZÀ-Ý][\w'’-]+){0,2}[ \u00a0]*\([^()]{3,60}\)[ \u00a0]*:[ \u00a0]*\S")
_SIGNED_QUOTE = re.compile(r"[«\"“][^»\"”]{3,}[»\"”]" + SIGNATURE.pattern)  # « « … » — X, ministre »
_FINAL_PUNCT = re.compile(r"[.!?…:;][\s\"')\]»]*(?:<[^<>\n]{1,30}>\s*)*$")
_WORD = re.compile(r"\w+")


def _ends_sentence(folded_line: str) -> bool:  # the tail only: from the start, every stop is a try
    return _FINAL_PUNCT.search(folded_line, max(0, len(folded_line) - 200)) is not None


@cache
def _marked_regexes(name: str, marker: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes of a cue list: the entries ending in ``marker`` (without it), and the others."""
    cues = word_list(name)
    marked = [c[:-1].strip() for c in cues if c.endswith(marker)]
    plain = [c for c in cues if not c.endswith(marker)]
    never = r"(?!x)x"
    return (re.compile(trie_pattern(marked, gap=" ") if marked else never),
            re.compile(trie_pattern(plain, gap=" ") if plain else never))


def _cue_match(folded_line: str, name: str) -> bool:
    # entries ending in "*" anchor at the line start, others anywhere: two regexes, not one
    # alternation with ``\A``, which would be tried at every position of every line
    at_start, anywhere = _marked_regexes(name, "*")
    return at_start.match(folded_line) is not None or anywhere.search(folded_line) is not None


@cache
def _starts_regex(name: str) -> re.Pattern[str]:
    return re.compile(trie_pattern(word_list(name), gap=" "))


def _starts_with(folded_line: str, name: str) -> bool:
    return _starts_regex(name).match(folded_line) is not None


def _asks(folded_line: str) -> bool:
    asking, always = question_labels()
    return always.match(folded_line) is not None or (asking.match(folded_line) is not None and "?" in folded_line)


_NON_LETTERS = re.compile(r"[\W\d_]+")
_HEADING_WORDS = 15  # a line with no final punctuation and at most this many words is a heading
_TITLE_WORDS = 30  # … or this many on the first line: web titles run long (« …, ce qu'il faut retenir de ce mardi »)


def _is_upper_heading(line: str) -> bool:
    letters = _NON_LETTERS.sub("", line)
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


_MOST_WORDS = 40  # the largest word count any rule below compares with


def _count_words(folded_line: str) -> int:
    # Exact up to _MOST_WORDS; a paragraph is only counted far enough to know it is longer.
    head = len(_WORD.findall(folded_line, 0, 8 * _MOST_WORDS))
    return head if head > _MOST_WORDS else len(_WORD.findall(folded_line))


def classify_line(line: str, folded_line: str, first: bool = False) -> str:
    """Kind of one stripped line: ``prose`` or a zoned kind (never a claim).

    ``first`` marks the document's first line, where a title may run longer.
    """
    if _cue_match(folded_line, "boilerplate"):
        return "boilerplate"
    if _starts_with(folded_line, "link_cues"):
        return "link"
    if _asks(folded_line):
        return "question"
    words = _count_words(folded_line)
    final = _ends_sentence(folded_line)
    if folded_line.startswith("(") and folded_line.rstrip(". ").endswith(")"):
        if _cue_match(folded_line, "byline_cues") or words <= 25:
            return "byline"
    if folded_line.startswith("par ") and words <= 6 and not final:
        return "byline"
    if (not final or words <= _MOST_WORDS) and _cue_match(folded_line, "caption_cues"):
        return "caption"
    if words <= 20 and _is_upper_heading(line):
        return "heading"
    if not final and words <= (_TITLE_WORDS if first else _HEADING_WORDS) and not _HEADLINE_QUOTE.match(folded_line) \
            and not _NAMED_LABEL.match(line) and not _SIGNED_QUOTE.match(line):
        return "heading"
    return "prose"


def _split_prefixes(text: str, line_start: int, folded_line: str) -> list[Zone]:
    """Zones for a date header, dateline, timestamp or bullet opening the line."""
    zones: list[Zone] = []
    pos = 0
    for pattern, kind in ((_HEADER, "header"), (_DATELINE, "dateline"), (_PLACE_DASH, "dateline"),
                          (_TIMESTAMP, "timestamp"), (_MARKER, "marker"), (_PLACE_DASH, "dateline"), (_ANSWER_LABEL, "marker")):
        match = pattern.match(folded_line, pos)
        if not match:
            continue
        zone = Zone(line_start + pos, line_start + len(folded_line[:match.end()].rstrip()), kind)
        if kind == "dateline" and not _dateline_ok(text, zone):
            break  # not a dateline: the rest of the line, from here, is its body
        zones.append(zone)
        pos = match.end()
    return zones


_LINE = re.compile(r"[^\n\r]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\r?\n")
_LINE_BREAKS = re.compile(r"[\r\n]")  # each break character to one space: the view keeps its length
# A hard-wrapped line (text copied from a PDF or a newsletter): long, no sentence end, and
# the next line goes on in lowercase (« … a estimé le 18 février\nque la trêve … », « discus-\nsions »)
_WRAP_MIN_CHARS = 40
_OPEN_END = re.compile(r"(?:[^.!?…:;\s]|\w-)\s*$")
_GOES_ON = re.compile(r"[ \t]*(?:[«\"“][ \t\u00a0]*)?[a-zà-ÿ]")  # « … qui déciderait\n« sans l'Ukraine » … »


def _ends_open(line: str) -> bool:
    """The line ends with a word no sentence ends with (« … juge pour sa part que »)."""
    last = _LAST_WORD.search(fold(line))
    return bool(last) and (last.group() in word_set("open_line_ends") or last.group() in word_set("prepositions"))


_LAST_WORD = re.compile(r"[\w']+(?=\s*$)")


def _wrapped_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the text's lines, a hard-wrapped line joined to the line it goes on into."""
    block: tuple[int, int] | None = None
    last_line = ""
    for match in _LINE.finditer(text):
        start, end = match.span()
        if block is not None:
            single_break = text[block[1]:start] in ("\n", "\r\n", "\r")
            if single_break and len(last_line.strip()) >= _WRAP_MIN_CHARS and _OPEN_END.search(last_line) \
                    and (_GOES_ON.match(text, start) or _ends_open(last_line)):
                block, last_line = (block[0], end), match.group()
                continue
            yield block
        block, last_line = (start, end), match.group()
    if block is not None:
        yield block


def zone_text(text: str, folded: str | None = None) -> list[Zone]:
    """Split ``text`` into stripped non-blank lines (and line prefixes) with their kind.

    Every non-whitespace character of ``text`` lies in exactly one zone.
    """
    folded = fold(text) if folded is None else folded
    zones: list[Zone] = []
    seen_text = False
    cut = False  # past a paywall cut: nothing after it is the article
    teasers = False  # inside a block of teasers (« À découvrir » and the titles under it)
    previous_end = 0
    for raw_start, raw_end in _wrapped_lines(text):
        line = text[raw_start:raw_end]
        lead = len(line) - len(line.lstrip())
        trail = len(line.rstrip())
        if trail <= lead:
            continue
        start, end = raw_start + lead, raw_start + trail
        folded_line = folded[start:end]
        if "\n" in folded_line or "\r" in folded_line:
            folded_line = _LINE_BREAKS.sub(" ", folded_line)
        # a teaser is a title: a blank line or a sentence (final punctuation) ends the block
        teasers = teasers and not _BLANK_LINE.search(text, previous_end, start) and not _ends_sentence(folded_line)
        previous_end = end
        if teasers or folded_line.strip(" :.") in word_set("teaser_headings"):
            teasers = True
            zones.append(Zone(start, end, "link"))
            continue
        prefixes = _split_prefixes(text, start, folded_line)
        consumed = 0
        if prefixes:
            consumed = prefixes[-1].end - start
            rest = folded_line[consumed:]
            consumed += len(rest) - len(rest.lstrip())
        zones.extend(prefixes)
        if start + consumed < end:
            body = text[start + consumed:end]
            cut = cut or _cue_match(folded_line, "paywall_cues")
            kind = "boilerplate" if cut else classify_line(body, folded_line[consumed:], first=not seen_text)
            seen_text = seen_text or kind in ("prose", "heading")  # a date header before the title keeps it first
            zones.append(Zone(start + consumed, end, kind))
    return zones


def _dateline_ok(text: str, zone: Zone) -> bool:
    # A dateline names its place in capitals (« MOSCOU, ») or cites an agency.
    head = text[zone.start:zone.end]
    place = head.split(",", 1)[0]
    if "," not in head and not any(c.isdigit() for c in head):  # « MOSCOU – »: capitals, or a known place and a long dash
        place = head.split("(", 1)[0].rstrip(" -–—\u00a0")
        long_dash = head.rstrip().endswith(("—", "–"))
        return _is_upper_heading(place) or long_dash and place[:1].isupper() and fold(place) in word_set("dateline_places")
    has_agency = "(" in head.split(",", 1)[-1]
    return has_agency or _is_upper_heading(place)
