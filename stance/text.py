"""Claim text for the stance model: folded, speaker names masked, French word tokens.

Shared by training (scikit-learn vectorizers) and prediction (`stance.compact`), so both
see exactly the same tokens. No scikit-learn import here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clean import fold
from .nltk_parts import load_nltk_parts
from .speakers import load_registry

SPEAKER_TOKEN = "qqn"
_ELISIONS = {"n'": "ne", "l'": "le", "d'": "de", "qu'": "que", "s'": "se", "j'": "je", "c'": "ce", "m'": "me",
             "t'": "te", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", "quoiqu'": "quoique"}
_TOKEN = re.compile(r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[nldsjcmt])'|\d+(?:[.,]\d+)*|\w+(?:-\w+)*")


@lru_cache(maxsize=8192)
def normalize_claim(text: str) -> str:
    """Folded claim with registered speaker mentions replaced by a placeholder."""
    folded = fold(text)
    pieces, last = [], 0
    for start, end, _sid, _det, _how in load_registry().find(folded, 0, len(folded)):
        pieces.append(folded[last:start])
        pieces.append(f" {SPEAKER_TOKEN} ")
        last = end
    pieces.append(folded[last:])
    return "".join(pieces)


@lru_cache(maxsize=1)
def _stemmer():  # noqa: ANN202 - nltk has no type hints
    return load_nltk_parts().snowball.FrenchStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


class WordTokenizer:
    """Picklable tokenizer: elisions split and expanded, optional Snowball stems.

    >>> WordTokenizer(stems=False)("qu'il n'y a pas d'accord")
    ['que', 'il', 'ne', 'y', 'a', 'pas', 'de', 'accord']
    """

    def __init__(self, stems: bool = True) -> None:
        self.stems = stems

    def __call__(self, text: str) -> list[str]:
        tokens = [_ELISIONS.get(t, t) for t in _TOKEN.findall(text)]
        return [_stem(t) for t in tokens] if self.stems else tokens


_WHITE_SPACES = re.compile(r"\s\s+")


def word_ngrams(tokens: list[str], ngram_range: tuple[int, int]) -> list[str]:
    """Word n-grams exactly as scikit-learn's ``_word_ngrams`` builds them."""
    min_n, max_n = ngram_range
    if max_n == 1:
        return tokens
    out = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), min(max_n, len(tokens)) + 1):
        out.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return out


def char_wb_ngrams(text: str, ngram_range: tuple[int, int]) -> list[str]:
    """Character n-grams inside word boundaries, as scikit-learn's ``char_wb`` analyzer."""
    min_n, max_n = ngram_range
    out: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        word = f" {word} "
        length = len(word)
        for n in range(min_n, max_n + 1):
            if n >= length:  # a word no longer than n gives itself once, and longer n nothing
                out.append(word)
                break
            out.extend([word[i:i + n] for i in range(length - n + 1)])
    return out
