"""Regexes for large sets of phrases, built as a character trie.

Python's ``re`` tries the alternatives of ``a|b|c…`` one after the other at every
position; with hundreds of phrases (names, titles, verb forms) that dominates the run time.
A trie-shaped pattern shares prefixes, so each position costs one walk down the trie.
Longer phrases win over their prefixes, as with a longest-first alternation.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""
_GAP = " "  # a space in a phrase matches any run of the ``gap`` pattern


def trie_pattern(phrases: Iterable[str], gap: str = r"\s+") -> str:
    """A regex source matching any of ``phrases`` (spaces in them match ``gap``).

    >>> re.fullmatch(trie_pattern(["a dit", "a", "ajoute"]), "a  dit") is not None
    True
    """
    trie: dict = {}
    for phrase in phrases:
        phrase = " ".join(phrase.split())
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(trie, gap) or r"(?!x)x"


def _render(node: dict, gap: str) -> str:
    branches = []
    for char in sorted(k for k in node if k != _END):
        piece = gap if char == _GAP else re.escape(char)
        branches.append(piece + _render(node[char], gap))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body
