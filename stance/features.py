"""Features of a claim for the stance model: words, character n-grams and rule votes.

Words come from a French tokenizer on the folded text that splits elisions and keeps
negation words (« n' » → « ne »; nothing is dropped as a stop word); registered speaker
names are replaced by one placeholder so the model learns how things are said, not who
says them. Character n-grams cover unseen inflections and missing accents.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from .records import LABELS
from .rules import Rule, Vote, apply_rules, load_rules
from .text import WordTokenizer, normalize_claim


class RuleVotes(BaseEstimator, TransformerMixin):
    """One column per (rule, label voted) plus one per label with the vote count."""

    def __init__(self, rules: tuple[Rule, ...] | None = None, weight: float = 1.0) -> None:
        self.rules = rules
        self.weight = weight

    def fit(self, X: list[str], y: object = None) -> RuleVotes:  # noqa: N803 - sklearn API
        rules = self.rules if self.rules is not None else load_rules()
        self.columns_ = {(r.id, label): i for i, (r, label) in enumerate((r, lab) for r in rules for lab in LABELS)}
        self.n_columns_ = len(self.columns_) + len(LABELS)
        return self

    def transform(self, X: list[str]) -> sparse.csr_matrix:  # noqa: N803
        rules = self.rules if self.rules is not None else load_rules()
        return self.votes_matrix([apply_rules(text, rules) for text in X])

    def votes_matrix(self, votes: list[list[Vote]]) -> sparse.csr_matrix:
        """The feature matrix of votes already computed (one list per text)."""
        rows, cols, vals = [], [], []
        base = len(self.columns_)
        for i, row in enumerate(votes):
            for vote in row:
                column = self.columns_.get((vote.rule, vote.label))
                if column is not None:
                    rows += [i, i]
                    cols += [column, base + LABELS.index(vote.label)]
                    vals += [self.weight, self.weight]
        return sparse.csr_matrix((np.array(vals, dtype=float), (rows, cols)), shape=(len(votes), self.n_columns_))

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        names = [f"rule:{rid}={label}" for (rid, label) in self.columns_] + [f"votes:{label}" for label in LABELS]
        return np.asarray(names, dtype=object)


def build_features(word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (2, 5),
                   stems: bool = True, rule_votes: bool = True, min_df: int = 1,
                   max_features: int | None = 40000, rules: tuple[Rule, ...] | None = None,
                   rule_weight: float = 1.0) -> FeatureUnion:
    """The feature union used by `StanceClassifier` (inputs: raw claim texts)."""
    parts = [
        ("words", TfidfVectorizer(preprocessor=normalize_claim, tokenizer=WordTokenizer(stems), token_pattern=None,
                                  lowercase=False, ngram_range=word_ngrams, min_df=min_df, sublinear_tf=True,
                                  max_features=max_features)),
        ("chars", TfidfVectorizer(preprocessor=normalize_claim, analyzer="char_wb", ngram_range=char_ngrams,
                                  lowercase=False, min_df=max(min_df, 2), sublinear_tf=True, max_features=max_features)),
    ]
    if rule_votes:
        parts.append(("rules", RuleVotes(rules, rule_weight)))
    return FeatureUnion(parts)
