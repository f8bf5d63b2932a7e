"""`StanceClassifier`: the hybrid of hand rules and a TF-IDF logistic regression.

Fitting uses scikit-learn (TF-IDF vectorizers, logistic regression); predicting goes
through the `CompactModel` built at the end of `fit`, where the combination policy of
rules and model lives (see :mod:`stance.compact`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .compact import MODES, Block, CompactModel
from .errors import StanceError
from .features import build_features
from .records import LABELS, Claim, Label, Prediction
from .rules import Rule, load_rules


def claim_texts(X: Iterable[str | Claim]) -> list[str]:  # noqa: N803 - sklearn convention
    """Texts of raw strings or `Claim` records."""
    return [x.text if isinstance(x, Claim) else str(x) for x in X]


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """Label claim texts progress / obstacle / position (scikit-learn estimator).

    Parameters
    ----------
    C : float
        Inverse regularisation strength of the logistic regression.
    word_ngrams, char_ngrams : tuple of int
        N-gram ranges of the word and character TF-IDF features.
    stems : bool
        Snowball-stem the word features.
    rule_votes : bool
        Give the rule votes to the model as features.
    min_df : int
        Minimum document frequency of a word feature.
    max_features : int or None
        Cap on each TF-IDF vocabulary (keeps the shipped model small).
    mode : {"hybrid", "model", "rules"}
        How predictions are made (see module docstring).
    class_weight : str, dict or None
        Passed to the logistic regression (default ``"balanced"``).
    rule_weight : float
        Value of a rule-vote feature (smaller: the model leans less on the rules).
    random_state : int
        Seed of the solver.

    Examples
    --------
    >>> clf = StanceClassifier().fit(["Des progrès ont été faits, a dit X.", "X exige le retrait.",
    ...                               "X juge la proposition inacceptable."] * 3,
    ...                              ["progress", "position", "obstacle"] * 3)
    >>> clf.predict(["Aucun progrès n'a été fait, selon Y."])[0]
    'obstacle'
    """

    def __init__(self, C: float = 4.0, word_ngrams: tuple[int, int] = (1, 2),  # noqa: N803
                 char_ngrams: tuple[int, int] = (2, 5), stems: bool = True, rule_votes: bool = True,
                 min_df: int = 1, max_features: int | None = 40000, mode: str = "hybrid",
                 class_weight: str | dict | None = "balanced", rule_weight: float = 0.3,
                 random_state: int = 0) -> None:
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.stems = stems
        self.rule_votes = rule_votes
        self.min_df = min_df
        self.max_features = max_features
        self.mode = mode
        self.class_weight = class_weight
        self.rule_weight = rule_weight
        self.random_state = random_state

    def fit(self, X: Sequence[str | Claim], y: Sequence[str | Label]) -> StanceClassifier:  # noqa: N803
        """Fit on claim texts (or `Claim` records) and their labels; returns self."""
        if self.mode not in MODES:
            raise StanceError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        texts = claim_texts(X)
        labels = [str(v.value if isinstance(v, Label) else v) for v in y]
        if len(texts) != len(labels) or not texts:
            raise StanceError("fit needs as many labels as texts, and at least one of each")
        unknown = set(labels) - set(LABELS)
        if unknown:
            raise StanceError(f"unknown label(s): {', '.join(sorted(unknown))}")
        self.rules_: tuple[Rule, ...] = load_rules()
        self.features_ = build_features(self.word_ngrams, self.char_ngrams, self.stems, self.rule_votes,
                                        self.min_df, self.max_features, self.rules_, self.rule_weight)
        matrix = self.features_.fit_transform(texts)
        for _, part in self.features_.transformer_list:
            if hasattr(part, "stop_words_"):
                part.stop_words_ = None  # pruned terms are not needed to predict; they bloat the file
            # scikit-learn caches id(stop_words) there: an address, which made two trainings in
            # two processes write different files
            part.__dict__.pop("_stop_words_id", None)
        self.model_ = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000,
                                         random_state=self.random_state)
        self.model_.fit(matrix, labels)
        self.classes_ = self.model_.classes_
        self.compact_ = compact_model(self)
        return self

    def explain(self, X: Sequence[str | Claim]) -> list[Prediction]:  # noqa: N803
        """One `Prediction` per text: label, score, probabilities, source, rule, cue, evidence."""
        check_is_fitted(self, "compact_")
        return self.compact_.explain(X, mode=self.mode)

    def predict(self, X: Sequence[str | Claim]) -> np.ndarray:  # noqa: N803
        """Labels (strings) of the texts."""
        return np.asarray([p.label.value for p in self.explain(X)], dtype=object)

    def predict_proba(self, X: Sequence[str | Claim]) -> np.ndarray:  # noqa: N803
        """Probabilities in the order of ``classes_``."""
        return np.asarray([[p.probabilities[str(c)] for c in self.classes_] for p in self.explain(X)])


def compact_model(estimator: StanceClassifier) -> CompactModel:
    """The scikit-learn-free predictor of a fitted estimator (same features, same weights)."""
    blocks: dict[str, Block] = {}
    offset = 0
    rule_columns: dict[tuple[str, str], int] = {}
    rules_offset = 0
    for name, part in estimator.features_.transformer_list:
        if name == "rules":
            rule_columns, rules_offset = dict(part.columns_), offset
            offset += part.n_columns_
            continue
        blocks[name] = Block(dict(part.vocabulary_), np.asarray(part.idf_, dtype=float), tuple(part.ngram_range), offset)
        offset += len(part.vocabulary_)
    return CompactModel(tuple(str(c) for c in estimator.classes_), blocks.get("words"), blocks.get("chars"),
                        estimator.stems, rule_columns, rules_offset, np.asarray(estimator.model_.coef_, dtype=float),
                        np.asarray(estimator.model_.intercept_, dtype=float), estimator.rules_, estimator.mode,
                        estimator.rule_weight)


def fit_from_files(files: Sequence[object], params: dict | None = None, seed: int = 0) -> StanceClassifier:
    """Fit a `StanceClassifier` with ``params`` on the trainable rows of annotation files."""
    from .annotations import load_examples

    examples = load_examples(files)
    if not examples:
        raise StanceError("no trainable rows (label progress, obstacle or position) in the given files")
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in (params or {}).items()}
    model = StanceClassifier(**{**params, "random_state": seed})
    return model.fit([e.text for e in examples], [e.label for e in examples])
