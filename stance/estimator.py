"""`StanceClassifier`: the hybrid of hand rules and a TF-IDF logistic regression.

Combination policy (the one place rules and model meet):

1. a rule marked ``final`` that votes decides the label (``source="rule"``); its
   probabilities are the mean of the model's and a one-hot vector of the rule's label;
2. otherwise the model decides, with every rule's vote among its features
   (``source="model"``), and the terms that weighed most are kept as ``evidence``.

``mode="rules"`` and ``mode="model"`` switch to rules alone (majority of votes, else
``position``) or the model alone, for side-by-side evaluation.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from .errors import StanceError
from .features import build_features
from .records import LABELS, Claim, Label, Prediction
from .rules import Rule, apply_rules, final_vote, load_rules

MODES = ("hybrid", "model", "rules")
DEFAULT_LABEL = Label.POSITION.value


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
                 class_weight: str | dict | None = "balanced", random_state: int = 0) -> None:
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.stems = stems
        self.rule_votes = rule_votes
        self.min_df = min_df
        self.max_features = max_features
        self.mode = mode
        self.class_weight = class_weight
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
                                        self.min_df, self.max_features, self.rules_)
        matrix = self.features_.fit_transform(texts)
        for _, part in self.features_.transformer_list:
            if hasattr(part, "stop_words_"):
                part.stop_words_ = None  # pruned terms are not needed to predict; they bloat the file
        self.model_ = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000,
                                         random_state=self.random_state)
        self.model_.fit(matrix, labels)
        self.classes_ = self.model_.classes_
        return self

    def explain(self, X: Sequence[str | Claim]) -> list[Prediction]:  # noqa: N803
        """One `Prediction` per text: label, score, probabilities, source, rule, cue, evidence."""
        check_is_fitted(self, "model_")
        texts = claim_texts(X)
        if not texts:
            return []
        all_votes = [apply_rules(text, self.rules_) for text in texts]
        matrix = self._transform(texts, all_votes) if self.mode != "rules" else None
        probas = self.model_.predict_proba(matrix) if matrix is not None else None
        out = []
        for i, votes in enumerate(all_votes):
            if self.mode == "rules":
                out.append(self._rules_only(votes))
                continue
            model_p = {str(c): p for c, p in zip(self.classes_, probas[i].tolist())}
            final = final_vote(votes) if self.mode == "hybrid" else None
            if final is not None:
                probabilities = {c: 0.5 * p + (0.5 if c == final.label else 0.0) for c, p in model_p.items()}
                out.append(Prediction(Label(final.label), probabilities[final.label], probabilities, "rule",
                                      final.rule, final.cue))
                continue
            label = max(model_p, key=model_p.get)
            out.append(Prediction(Label(label), model_p[label], model_p, "model", None,
                                  votes[0].cue if votes else None, self._evidence(matrix, i, label)))
        return out

    def _transform(self, texts: list[str], votes: list[list]) -> sparse.csr_matrix:
        # FeatureUnion.transform, but the rule votes already computed for the decision are reused
        parts = [part.votes_matrix(votes) if name == "rules" else part.transform(texts)
                 for name, part in self.features_.transformer_list]
        return sparse.hstack(parts, format="csr")

    def _rules_only(self, votes: list) -> Prediction:
        final = final_vote(votes)
        if final is None and not votes:
            return Prediction(Label(DEFAULT_LABEL), 1 / 3, {c: 1 / 3 for c in LABELS}, "default")
        counts = Counter(v.label for v in votes)
        label = final.label if final else counts.most_common(1)[0][0]
        decider = final or next(v for v in votes if v.label == label)
        probabilities = {c: counts[c] / sum(counts.values()) for c in LABELS}
        return Prediction(Label(label), probabilities[label], probabilities, "rule", decider.rule, decider.cue)

    def _evidence(self, matrix: object, row: int, label: str, top: int = 5) -> tuple[str, ...]:
        names = self._feature_names()
        index = list(self.classes_).index(label)
        coef = self.model_.coef_[index] if self.model_.coef_.shape[0] > 1 else self.model_.coef_[0]
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        indices = matrix.indices[start:end]
        weights = matrix.data[start:end] * coef[indices]
        best = np.argsort(-weights, kind="stable")[:top]
        return tuple(str(names[indices[j]]) for j in best if weights[j] > 0)

    def _feature_names(self) -> np.ndarray:
        names = getattr(self, "_names_cache", None)
        if names is None:
            names = self.features_.get_feature_names_out()
            self._names_cache = names
        return names

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_names_cache", None)
        return state

    def predict(self, X: Sequence[str | Claim]) -> np.ndarray:  # noqa: N803
        """Labels (strings) of the texts."""
        return np.asarray([p.label.value for p in self.explain(X)], dtype=object)

    def predict_proba(self, X: Sequence[str | Claim]) -> np.ndarray:  # noqa: N803
        """Probabilities in the order of ``classes_``."""
        return np.asarray([[p.probabilities[str(c)] for c in self.classes_] for p in self.explain(X)])


def fit_from_files(files: Sequence[object], params: dict | None = None, seed: int = 0) -> StanceClassifier:
    """Fit a `StanceClassifier` with ``params`` on the trainable rows of annotation files."""
    from .annotations import load_examples

    examples = load_examples(files)
    if not examples:
        raise StanceError("no trainable rows (label progress, obstacle or position) in the given files")
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in (params or {}).items()}
    model = StanceClassifier(**{**params, "random_state": seed})
    return model.fit([e.text for e in examples], [e.label for e in examples])
