"""The fitted stance model in a form that predicts without scikit-learn, and the policy
that combines rules and model — the one place where they meet.

`CompactModel` holds the vocabularies, idf weights and logistic-regression coefficients
of a fitted `StanceClassifier` as plain dicts and numpy arrays and reproduces its
features exactly (the test suite checks the probabilities against scikit-learn). The
shipped model is loaded as a `CompactModel`, so labelling never imports scikit-learn.

Combination policy:

1. a rule marked ``final`` that votes decides the label (``source="rule"``); its
   probabilities are the mean of the model's and a one-hot vector of the rule's label;
2. otherwise the model decides, with every rule's vote among its features
   (``source="model"``), and the terms that weighed most are kept as ``evidence``.

``mode="rules"`` (majority of rule votes, else ``position``) and ``mode="model"`` (the model
alone) exist for side-by-side evaluation.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .records import LABELS, Claim, Label, Prediction
from .rules import Rule, Vote, apply_rules, final_vote
from .text import WordTokenizer, char_wb_ngrams, normalize_claim, word_ngrams

MODES = ("hybrid", "model", "rules")
DEFAULT_LABEL = Label.POSITION.value


@dataclass
class Block:
    """One TF-IDF block of the feature vector: vocabulary, idf, n-gram range."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    ngram_range: tuple[int, int]
    offset: int = 0


@dataclass
class CompactModel:
    """Predicting half of a fitted `StanceClassifier` (see module docstring)."""

    classes: tuple[str, ...]
    words: Block | None
    chars: Block | None
    stems: bool
    rule_columns: dict[tuple[str, str], int]
    rules_offset: int
    coef: np.ndarray
    intercept: np.ndarray
    rules: tuple[Rule, ...]
    mode: str = "hybrid"
    rule_weight: float = 1.0
    _names: list[str] | None = field(default=None, repr=False, compare=False)

    def explain(self, X: Sequence[str | Claim], mode: str | None = None) -> list[Prediction]:  # noqa: N803
        """One `Prediction` per text: label, score, probabilities, source, rule, cue, evidence."""
        mode = mode or self.mode
        texts = [x.text if isinstance(x, Claim) else str(x) for x in X]
        votes = [apply_rules(text, self.rules) for text in texts]
        if mode == "rules":
            return [rules_only(v) for v in votes]
        rows = self.features(texts, votes)
        probabilities = self._probabilities(rows)
        return [decide(v, dict(zip(self.classes, p.tolist())), hybrid=mode == "hybrid",
                       evidence=lambda label, row=row: self._evidence(*row, label))
                for v, p, row in zip(votes, probabilities, rows)]

    def features(self, texts: Sequence[str], votes: Sequence[list[Vote]]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Sparse feature vectors of claims as (indices, values) pairs, like the fitted union.

        All claims of a call are vectorised together (one `numpy.unique` per block instead
        of a Counter and a few small arrays per claim), which is what makes labelling a
        document of many claims cheap.
        """
        normalized = [normalize_claim(text) for text in texts]
        blocks = []
        if self.words is not None:
            tokenize, vocabulary, ngram_range = WordTokenizer(self.stems), self.words.vocabulary, self.words.ngram_range
            blocks.append(_tfidf_rows([[vocabulary[t] for t in word_ngrams(tokenize(n), ngram_range) if t in vocabulary]
                                       for n in normalized], self.words))
        if self.chars is not None:
            blocks.append(_tfidf_rows([self._char_columns(n) for n in normalized], self.chars))
        rows = []
        for i, claim_votes in enumerate(votes):
            parts = [(block_indices[i], block_values[i]) for block_indices, block_values in blocks]
            if self.rule_columns:
                parts.append(self._rule_features(claim_votes))
            rows.append((np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64),
                         np.concatenate([p[1] for p in parts]) if parts else np.zeros(0)))
        return rows

    def _rule_features(self, votes: list[Vote]) -> tuple[np.ndarray, np.ndarray]:
        counts: Counter = Counter()
        for vote in votes:
            column = self.rule_columns.get((vote.rule, vote.label))
            if column is not None:
                counts[self.rules_offset + column] += self.rule_weight
                counts[self.rules_offset + len(self.rule_columns) + LABELS.index(vote.label)] += self.rule_weight
        return (np.fromiter(counts.keys(), dtype=np.int64, count=len(counts)),
                np.fromiter(counts.values(), dtype=float, count=len(counts)))

    def _char_columns(self, normalized: str) -> list[int]:
        # char_wb n-grams never cross a word boundary, so each word's columns are computed
        # once and reused: words repeat across claims far more than claims do
        cache = self.__dict__.setdefault("_word_columns", {})
        vocabulary, ngram_range = self.chars.vocabulary, self.chars.ngram_range
        columns: list[int] = []
        for word in normalized.split():
            found = cache.get(word)
            if found is None:
                found = [vocabulary[g] for g in char_wb_ngrams(word, ngram_range) if g in vocabulary]
                if len(cache) < 200_000:
                    cache[word] = found
            columns.extend(found)
        return columns

    def _probabilities(self, rows: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """Class probabilities, one row per claim (the logistic regression's)."""
        lengths = np.fromiter((len(r[0]) for r in rows), dtype=np.int64, count=len(rows))
        owner = np.repeat(np.arange(len(rows)), lengths)
        indices = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, dtype=np.int64)
        values = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0)
        scores = np.stack([np.bincount(owner, weights=self.coef[k, indices] * values, minlength=len(rows))
                           for k in range(self.coef.shape[0])], axis=1) + self.intercept
        if len(self.classes) == 2:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)

    def _evidence(self, indices: np.ndarray, values: np.ndarray, label: str, top: int = 5) -> tuple[str, ...]:
        row = self.classes.index(label) if self.coef.shape[0] > 1 else 0
        weights = values * self.coef[row, indices]
        best = np.argsort(-weights, kind="stable")[:top]
        names = self.feature_names()
        return tuple(names[int(indices[j])] for j in best if weights[j] > 0)

    def feature_names(self) -> list[str]:
        """Names of the features (``words__…``, ``chars__…``, ``rules__…``)."""
        if self._names is None:
            names = [""] * self.coef.shape[1]
            for prefix, block in (("words", self.words), ("chars", self.chars)):
                for term, index in (block.vocabulary.items() if block else ()):
                    names[block.offset + index] = f"{prefix}__{term}"
            for (rule_id, label), column in self.rule_columns.items():
                names[self.rules_offset + column] = f"rules__rule:{rule_id}={label}"
            for i, label in enumerate(LABELS):
                if self.rule_columns:
                    names[self.rules_offset + len(self.rule_columns) + i] = f"rules__votes:{label}"
            self._names = names
        return self._names

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Stance probabilities of raw claim texts."""
        return [dict(p.probabilities) for p in self.explain(texts)]

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_names"] = None
        state.pop("_word_columns", None)
        return state


def _tfidf_rows(columns: list[list[int]], block: Block) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """TfidfVectorizer(sublinear_tf=True, norm="l2") values of many documents at once.

    ``columns`` holds each document's vocabulary columns with repeats; returned are each
    document's distinct global indices (block offset added) and their values.
    """
    width = len(block.idf)
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
    flat = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=int(lengths.sum()))
    codes, counts = np.unique(np.repeat(np.arange(len(columns)), lengths) * width + flat, return_counts=True)
    owner, column = np.divmod(codes, width)
    values = (np.log(counts) + 1.0) * block.idf[column]
    norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(columns)))
    values /= norms[owner]
    bounds = np.searchsorted(owner, np.arange(len(columns) + 1))
    column += block.offset
    return ([column[a:b] for a, b in zip(bounds[:-1], bounds[1:])],
            [values[a:b] for a, b in zip(bounds[:-1], bounds[1:])])


def decide(votes: list[Vote], probabilities: dict[str, float], *, hybrid: bool = True,
           evidence: Any = None) -> Prediction:
    """The combination policy: a final rule decides, else the model's most probable label."""
    final = final_vote(votes) if hybrid else None
    if final is not None:
        mixed = {c: 0.5 * p + (0.5 if c == final.label else 0.0) for c, p in probabilities.items()}
        return Prediction(Label(final.label), mixed[final.label], mixed, "rule", final.rule, final.cue)
    label = max(probabilities, key=probabilities.get)
    return Prediction(Label(label), probabilities[label], probabilities, "model", None,
                      votes[0].cue if votes else None, evidence(label) if evidence else ())


def rules_only(votes: list[Vote]) -> Prediction:
    """Rules alone: the final rule, else the majority of votes, else ``position``."""
    final = final_vote(votes)
    if final is None and not votes:
        return Prediction(Label(DEFAULT_LABEL), 1 / 3, {c: 1 / 3 for c in LABELS}, "default")
    counts = Counter(v.label for v in votes)
    label = final.label if final else counts.most_common(1)[0][0]
    decider = final or next(v for v in votes if v.label == label)
    probabilities = {c: counts[c] / sum(counts.values()) for c in LABELS}
    return Prediction(Label(label), probabilities[label], probabilities, "rule", decider.rule, decider.cue)
