"""HTML left in scraped text (« &laquo;&nbsp;», « <p> », « <br> »): a readable view and its offsets.

Pages saved carelessly keep entities and tags. The pipeline reads a view where entities are
decoded and tags become line breaks (block tags) or nothing (inline tags), and maps every
offset back, so each claim still carries ``text == original[start:end]`` (its text then
shows the entities, as the input did).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# an entity (« &laquo; », « &#171; », « &#xAB; ») or a tag (« <p> », « </div> », « <br/> »,
# « <a href="…"> »); a whole comment, script or style block goes at once
_MARKUP = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"
                     r"|<(?:!--.*?--|(?P<block>script|style)\b[^>]*>.*?</(?P=block)\s*"
                     r"|/?(?P<tag>[a-zA-Z][a-zA-Z0-9]{0,9})\b(?:[^<>\"']|\"[^\"]*\"|'[^']*'){0,500}?/?)>",
                     re.DOTALL)
# tags that end a line of text; any other tag (a, span, em, strong…) is dropped
_BLOCK_TAGS = frozenset("p br div li ul ol h1 h2 h3 h4 h5 h6 tr td th table blockquote section article header "
                        "footer aside nav figure figcaption hr pre dt dd".split())


@dataclass(frozen=True)
class MarkupView:
    """The text with its markup read, and how its offsets map onto the original."""

    text: str
    # pieces of the view, in order: (view start, original start, original end, copied); a
    # copied piece maps character by character, a decoded one as a whole
    pieces: tuple[tuple[int, int, int, bool], ...]

    def _piece(self, position: int) -> tuple[int, int, int, bool]:
        return self.pieces[max(0, bisect_right(self.pieces, (position, float("inf"))) - 1)]

    def start_in_original(self, position: int) -> int:
        """Original offset where the view character at ``position`` starts."""
        view_start, start, _, copied = self._piece(position)
        return start + (position - view_start) if copied else start

    def end_in_original(self, end: int) -> int:
        """Original offset where a view span ending at ``end`` (exclusive) ends."""
        view_start, start, stop, copied = self._piece(max(0, end - 1))
        return start + (end - view_start) if copied else stop


def read_markup(text: str) -> MarkupView | None:
    """The view of ``text`` with entities decoded and tags read, or None when it has no markup.

    >>> view = read_markup("<p>&laquo;&nbsp;Non&nbsp;&raquo;, a dit Peskov.</p>")
    >>> view.text
    '\\n«\\xa0Non\\xa0», a dit Peskov.\\n'
    >>> start, end = view.start_in_original(1), view.end_in_original(len(view.text) - 1)
    >>> "<p>&laquo;&nbsp;Non&nbsp;&raquo;, a dit Peskov.</p>"[start:end]
    '&laquo;&nbsp;Non&nbsp;&raquo;, a dit Peskov.'
    """
    if "&" not in text and "<" not in text:
        return None
    parts: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    position = length = 0
    changed = False
    for match in _MARKUP.finditer(text):
        replacement = _replacement(match)
        if replacement is None:
            continue
        if match.start() > position:
            pieces.append((length, position, match.start(), True))
            parts.append(text[position:match.start()])
            length += match.start() - position
        if replacement:
            pieces.append((length, match.start(), match.end(), False))
            parts.append(replacement)
            length += len(replacement)
        position, changed = match.end(), True
    if not changed:
        return None
    if position < len(text):
        pieces.append((length, position, len(text), True))
        parts.append(text[position:])
    return MarkupView("".join(parts), tuple(pieces))


def _replacement(match: re.Match[str]) -> str | None:
    # None: not markup after all (« &foo; » that is no entity); "" drops it
    source = match.group()
    if source.startswith("&"):
        import html  # only for pages that carry markup: its entity table costs every start otherwise

        decoded = html.unescape(source)
        return None if decoded == source else decoded
    tag = match.group("tag")
    return "\n" if tag is not None and tag.lower() in _BLOCK_TAGS else ""
