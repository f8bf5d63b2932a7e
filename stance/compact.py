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
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np

from .records import LABELS, Claim, Label, Prediction
from .rules import Rule, Vote, apply_rules, final_vote
from .text import WordTokenizer, char_wb_ngrams, normalize_claim, word_ngrams

MODES = ("hybrid", "model", "rules")
FeatureBatch = tuple[np.ndarray, np.ndarray, np.ndarray]  # (owner claim, feature index, value)
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
        batch = self.features(texts, votes)
        probabilities = self._probabilities(batch, len(texts))
        best = probabilities.argmax(axis=1) if len(texts) else np.zeros(0, dtype=np.int64)
        evidence = self._evidence(batch, best)

        def explained(i: int, label: str) -> tuple[str, ...]:
            row = self.classes.index(label)
            return evidence[i] if row == best[i] else self._evidence(batch, np.full(len(texts), row))[i]

        return [decide(v, dict(zip(self.classes, p)), hybrid=mode == "hybrid",
                       evidence=lambda label, i=i: explained(i, label))
                for i, (v, p) in enumerate(zip(votes, probabilities.tolist()))]

    def features(self, texts: Sequence[str], votes: Sequence[list[Vote]]) -> FeatureBatch:
        """Sparse feature vectors of claims, like the fitted feature union, all at once.

        Returns ``(owner, indices, values)``: entry k is feature ``indices[k]`` of claim
        ``owner[k]`` with value ``values[k]``, grouped by claim, each claim's features in the
        union's block order (words, chars, rules). Vectorising the claims of a document
        together (one `numpy.unique` per block) is what makes labelling it cheap.
        """
        normalized = [normalize_claim(text) for text in texts]
        parts = []
        if self.words is not None:
            tokenize, vocabulary, ngram_range = WordTokenizer(self.stems), self.words.vocabulary, self.words.ngram_range
            parts.append(_tfidf_batch([[vocabulary[t] for t in word_ngrams(tokenize(n), ngram_range) if t in vocabulary]
                                       for n in normalized], self.words))
        if self.chars is not None:
            parts.append(_tfidf_batch([self._char_columns(n) for n in normalized], self.chars))
        if self.rule_columns:
            parts.append(self._rule_batch(votes))
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        owner, indices, values = (np.concatenate([p[k] for p in parts]) for k in range(3))
        order = np.argsort(owner, kind="stable")
        return owner[order], indices[order], values[order]

    def _rule_batch(self, votes: Sequence[list[Vote]]) -> FeatureBatch:
        owner, indices, values = [], [], []
        votes_offset = self.rules_offset + len(self.rule_columns)
        for i, claim_votes in enumerate(votes):
            counts: Counter = Counter()
            for vote in claim_votes:
                column = self.rule_columns.get((vote.rule, vote.label))
                if column is not None:
                    counts[self.rules_offset + column] += self.rule_weight
                    counts[votes_offset + LABELS.index(vote.label)] += self.rule_weight
            owner.extend([i] * len(counts))
            indices.extend(counts.keys())
            values.extend(counts.values())
        return np.array(owner, dtype=np.int64), np.array(indices, dtype=np.int64), np.array(values, dtype=float)

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

    def _probabilities(self, batch: FeatureBatch, n: int) -> np.ndarray:
        """Class probabilities, one row per claim (the logistic regression's)."""
        owner, indices, values = batch
        scores = np.stack([np.bincount(owner, weights=self.coef[k, indices] * values, minlength=n)
                           for k in range(self.coef.shape[0])], axis=1) + self.intercept
        if len(self.classes) == 2:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        return exp / exp.sum(axis=1, keepdims=True)

    def _evidence(self, batch: FeatureBatch, rows: np.ndarray, top: int = 5) -> list[tuple[str, ...]]:
        """Per claim, the features that pushed most towards class ``rows[claim]``."""
        owner, indices, values = batch
        if self.coef.shape[0] == 1:
            rows = np.zeros_like(rows)
        weights = values * self.coef[rows[owner], indices]
        keep = weights > 0
        owner, indices, weights = owner[keep], indices[keep], weights[keep]
        order = np.lexsort((-weights, owner))  # by claim, heaviest first, stable
        bounds = np.searchsorted(owner[order], np.arange(len(rows) + 1)).tolist()
        names, ranked = self.feature_names(), indices[order].tolist()
        return [tuple(names[ranked[j]] for j in range(a, min(b, a + top))) for a, b in zip(bounds[:-1], bounds[1:])]

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


def _tfidf_batch(columns: list[list[int]], block: Block) -> FeatureBatch:
    """TfidfVectorizer(sublinear_tf=True, norm="l2") values of many documents at once.

    ``columns`` holds each document's vocabulary columns with repeats; returned are
    ``(owner, indices, values)`` with the block offset added, sorted by document and column.
    """
    width = len(block.idf)
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
    flat = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=int(lengths.sum()))
    codes, counts = np.unique(np.repeat(np.arange(len(columns)), lengths) * width + flat, return_counts=True)
    owner, column = np.divmod(codes, width)
    values = (np.log(counts) + 1.0) * block.idf[column]
    norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=len(columns)))
    return owner, column + block.offset, values / norms[owner]


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
