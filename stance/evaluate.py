"""Evaluation: end-to-end scoring against gold JSONL, and claim-level cross-validation.

End-to-end scoring follows ``tools/score.py`` exactly: one-to-one greedy matching of
predicted and gold spans by overlap over the shorter span (at least 0.5); ``ignore`` spans
are neither required nor counted false; a prediction that overlaps any gold claim is not
a false positive; speakers compare accent-folded, also through ``speakers`` and
``speaker_mention``; ``*`` accepts any speaker and ``any`` any label.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold

from .annotations import Example
from .estimator import MODES, StanceClassifier
from .records import LABELS


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _span(row: dict[str, Any], text: str) -> tuple[int, int] | None:
    if isinstance(row.get("start"), int) and isinstance(row.get("end"), int):
        return row["start"], row["end"]
    found = text.find(row.get("text", "\0"))
    return (found, found + len(row["text"])) if found >= 0 else None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlap of two spans over the length of the shorter one."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(1, min(a[1] - a[0], b[1] - b[0]))


def speaker_matches(pred: dict[str, Any], gold_speakers: Sequence[str]) -> bool:
    """Whether a prediction names one of the gold speakers (``*`` accepts anything)."""
    if "*" in gold_speakers:
        return True
    names = [_fold(pred.get("speaker")), _fold(pred.get("speaker_mention"))]
    names += [_fold(s) for s in pred.get("speakers") or []]
    for gold in gold_speakers:
        gold = _fold(gold)
        if any(n == gold for n in names if n):
            return True
        if any(gold.replace("_", " ") in n.replace("_", " ") for n in names if n):
            return True
    return False


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def per_class(confusion: Counter, labels: Sequence[str] = LABELS) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label from a (gold, predicted) counter."""
    out = {}
    for label in labels:
        tp = confusion[(label, label)]
        predicted = sum(v for (_, p), v in confusion.items() if p == label)
        support = sum(v for (g, _), v in confusion.items() if g == label)
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        out[label] = {"precision": p, "recall": r, "f1": _f1(p, r), "support": support}
    return out


def score_predictions(pred_rows: Iterable[dict[str, Any]], gold_rows: Iterable[dict[str, Any]],
                      articles: dict[str, str]) -> dict[str, Any]:
    """End-to-end scores of predicted claims (dicts) against gold rows.

    ``articles`` maps document stems to their text. Returns the figures of ``score.py``
    (rounded to 3 places) plus the lists of misses, false positives and wrong claims.
    """
    by_doc: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for gold in gold_rows:
        by_doc[gold["doc"]][0].append(gold)
    for pred in pred_rows:
        stem = str(pred.get("doc", "")).replace("\\", "/").rsplit("/", 1)[-1]
        stem = stem[:-4] if stem.endswith(".txt") else stem
        if stem in articles:
            by_doc[stem][1].append(pred)
    tp = fp = n_gold = speaker_ok = label_ok = label_n = strict = 0
    confusion: Counter = Counter()
    misses, false_pos, wrong = [], [], []
    for doc, (golds, preds) in by_doc.items():
        text = articles[doc]
        spans = [(g, _span(g, text)) for g in golds]
        claims = [(g, s) for g, s in spans if not g.get("ignore")]
        ignores = [s for g, s in spans if g.get("ignore")]
        n_gold += len(claims)
        predicted = [(p, s) for p, s in ((p, _span(p, text)) for p in preds) if s]
        pairs = sorted(((overlap(gs, ps), gi, pi) for gi, (_, gs) in enumerate(claims)
                        for pi, (_, ps) in enumerate(predicted)), reverse=True)
        used_g, used_p = set(), set()
        for ov, gi, pi in pairs:
            if ov < 0.5 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            gold, pred = claims[gi][0], predicted[pi][0]
            gold_speakers = gold.get("speakers") or [gold.get("speaker")]
            ok = speaker_matches(pred, gold_speakers)
            speaker_ok += ok
            tp += 1
            if gold["label"] != "any":
                label_n += 1
                confusion[(gold["label"], pred.get("label"))] += 1
                right = pred.get("label") == gold["label"]
                label_ok += right
                strict += ok and right
                if not (ok and right):
                    wrong.append({"doc": doc, "text": gold["text"][:90], "gold": [gold_speakers, gold["label"]],
                                  "pred": [pred.get("speaker"), pred.get("label")]})
            else:
                strict += ok
        misses += [{"doc": doc, "text": g["text"][:90]} for gi, (g, _) in enumerate(claims) if gi not in used_g]
        for pi, (pred, span) in enumerate(predicted):
            if pi in used_p or any(overlap(span, c) > 0 for _, c in claims) \
                    or any(overlap(span, c) >= 0.5 for c in ignores):
                continue
            fp += 1
            false_pos.append({"doc": doc, "text": text[span[0]:span[1]][:90],
                              "pred": [pred.get("speaker"), pred.get("label")]})
    f1s = [v["f1"] for v in per_class(confusion).values()]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {
        "gold_claims": n_gold, "predicted_matched": tp, "false_positives": fp,
        "detection_p": round(p, 3), "detection_r": round(r, 3), "detection_f1": round(_f1(p, r), 3),
        "speaker_acc": round(speaker_ok / tp, 3) if tp else 0.0,
        "label_acc": round(label_ok / label_n, 3) if label_n else 0.0,
        "label_macro_f1": round(sum(f1s) / 3, 3),
        "strict_recall": round(strict / n_gold, 3) if n_gold else 0.0,
        "misses": misses, "false_pos": false_pos, "wrong": wrong,
    }


def classification_report(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-class P/R/F1, macro-F1, accuracy and the confusion matrix (rows gold, cols predicted)."""
    confusion = Counter(zip(gold, predicted))
    classes = per_class(confusion)
    return {"per_class": classes, "macro_f1": sum(c["f1"] for c in classes.values()) / len(LABELS),
            "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0,
            "confusion": [[confusion[(g, p)] for p in LABELS] for g in LABELS], "n": len(gold)}


def cross_validate(examples: Sequence[Example], estimator: StanceClassifier | None = None, *,
                   scheme: str = "article", folds: int = 5, seed: int = 0,
                   progress: Callable[[int, int], None] | None = None) -> dict[str, dict[str, Any]]:
    """Claim-level CV of rules-only, model-only and hybrid, side by side.

    Model-only is the TF-IDF model without rule votes; rules-only is the majority of rule
    votes (``position`` when none votes); hybrid is the shipped policy.

    ``scheme="article"``: leave-one-article-out over rows that have a ``doc`` (rows without
    one are always in training). ``scheme="kfold"``: stratified K-fold over all rows.
    """
    estimator = estimator or StanceClassifier(random_state=seed)
    texts = [e.text for e in examples]
    labels = [str(e.label) for e in examples]
    if scheme == "article":
        docs = sorted({e.doc for e in examples if e.doc})
        splits = [([i for i, e in enumerate(examples) if e.doc != d], [i for i, e in enumerate(examples) if e.doc == d])
                  for d in docs]
    else:
        kfold = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        splits = [(list(a), list(b)) for a, b in kfold.split(np.zeros(len(labels)), labels)]
    predictions: dict[str, list[str | None]] = {mode: [None] * len(examples) for mode in MODES}
    for number, (train, test) in enumerate(splits, start=1):
        train_x, train_y, test_x = [texts[i] for i in train], [labels[i] for i in train], [texts[i] for i in test]
        fitted = clone(estimator).fit(train_x, train_y)
        # model-only is the plain learned model: no rule votes among its features
        plain = clone(estimator).set_params(rule_votes=False, mode="model").fit(train_x, train_y)
        for mode, clf in (("hybrid", fitted.set_params(mode="hybrid")), ("model", plain)):
            for i, label in zip(test, clf.predict(test_x)):
                predictions[mode][i] = label
        for i, label in zip(test, fitted.set_params(mode="rules").predict(test_x)):
            predictions["rules"][i] = label
        fitted.set_params(mode="hybrid")
        if progress:
            progress(number, len(splits))
    tested = [i for i in range(len(examples)) if predictions["hybrid"][i] is not None]
    report = {mode: classification_report([labels[i] for i in tested], [predictions[mode][i] for i in tested])
              for mode in MODES}
    report["hybrid"]["errors"] = [{"text": texts[i][:160], "gold": labels[i], "predicted": predictions["hybrid"][i],
                                   "doc": examples[i].doc} for i in tested if predictions["hybrid"][i] != labels[i]]
    return report
