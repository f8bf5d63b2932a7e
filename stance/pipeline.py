"""The whole pipeline: text → sentences → claims with speakers → stance labels.

`Labeler` holds a model and a speaker registry and labels texts; `label_text` and
`score` are the one-call versions (`stance.batch.label_files` runs over files). After labelling, clauses of one
sentence (or sentences of one quotation) that share speaker and stance are joined back
into one claim, as the guide wants one claim per stance, not per clause.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .claims import iter_claims
from .errors import InputError
from .persist import load_model
from .records import Claim, Document
from .speakers import Registry, load_registry


def merge_same_stance(claims: list[Claim], text: str) -> list[Claim]:
    """Join adjacent claims of one unit that have the same speaker and label."""
    merged: list[Claim] = []
    for claim in claims:
        last = merged[-1] if merged else None
        if last is not None and last.unit == claim.unit and last.speaker == claim.speaker \
                and last.label == claim.label and last.doc == claim.doc:
            probabilities = {k: (last.probabilities[k] + claim.probabilities[k]) / 2 for k in last.probabilities} \
                if last.probabilities and claim.probabilities else last.probabilities
            score = probabilities[last.label.value] if probabilities and last.label else last.score
            merged[-1] = replace(last, end=claim.end, text=text[last.start:claim.end], score=score,
                                 probabilities=probabilities, evidence=tuple(dict.fromkeys(last.evidence + claim.evidence)))
        else:
            merged.append(claim)
    return merged


class Labeler:
    """A loaded model and speaker registry, reusable over many documents.

    Examples
    --------
    >>> labeler = Labeler.load()
    >>> [(c.speaker, c.label.value) for c in labeler.label("« Aucun progrès », a regretté Dmitri Peskov.")]
    [('peskov', 'obstacle')]
    """

    def __init__(self, model: Any, registry: Registry | None = None) -> None:
        self.model = model
        self.registry = registry or load_registry()

    @classmethod
    def load(cls, path: str | Path | None = None, *, speakers: str | Path | None = None) -> Labeler:
        """Load a model (default: the shipped one) and the registry (plus ``speakers``)."""
        return cls(load_model(path), load_registry(speakers))

    def label(self, text: str, *, doc: str | None = None, date: str | None = None,
              meta: dict[str, Any] | None = None) -> list[Claim]:
        """Labelled claims of one text, in order."""
        if not isinstance(text, str):
            raise InputError(f"{doc or 'text'}: expected str, got {type(text).__name__}")
        claims = list(iter_claims(text, doc=doc, registry=self.registry))
        if not claims:
            return []
        predictions = self.model.explain(claims)
        labelled = [replace(c, label=p.label, score=round(p.score, 4),
                            probabilities={k: round(v, 4) for k, v in p.probabilities.items()}, source=p.source,
                            rule=p.rule, evidence=p.evidence, cue=c.cue if p.source != "rule" else f"{c.cue} | {p.cue}",
                            date=date, meta=meta)
                    for c, p in zip(claims, predictions)]
        return merge_same_stance(labelled, text)

    def label_document(self, document: Document) -> list[Claim]:
        """Labelled claims of a `Document` (its id, date and metadata copied onto each)."""
        return self.label(document.text, doc=document.doc, date=document.date, meta=document.meta)

    def score(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Stance probabilities of raw claim texts (no attribution)."""
        return [dict(p.probabilities) for p in self.model.explain(list(texts))]


_LOADED: dict[str, Labeler] = {}


def cached_labeler(model: Any = None, speakers: str | Path | None = None) -> Labeler:
    """A `Labeler` for a model object, or one loaded once per process for a model path."""
    if model is not None and not isinstance(model, (str, Path)):
        return Labeler(model, load_registry(speakers))
    key = f"{model}|{speakers}"
    if key not in _LOADED:
        _LOADED[key] = Labeler.load(model, speakers=speakers)
    return _LOADED[key]


def label_text(text: str, *, doc: str | None = None, model: Any = None,
               speakers: str | Path | None = None) -> list[Claim]:
    """Find, attribute and label the claims of one French article.

    Parameters
    ----------
    text : str
        The article.
    doc : str, optional
        Document id copied onto each claim.
    model : path or fitted StanceClassifier, optional
        Default: the shipped model.
    speakers : path, optional
        A TOML file adding or overriding speaker entries.

    Examples
    --------
    >>> claims = label_text("Le Kremlin a jugé « prématuré » de parler d'un accord.")
    >>> [(c.speaker, c.label.value, c.source) for c in claims]
    [('kremlin', 'obstacle', 'rule')]
    """
    return cached_labeler(model, speakers).label(text, doc=doc)


def score(texts: Sequence[str], *, model: Any = None) -> list[dict[str, float]]:
    """Probabilities of each label for raw claim texts.

    >>> sorted(score(["Des progrès tangibles ont été faits, a dit Oumerov."])[0])
    ['obstacle', 'position', 'progress']
    """
    return cached_labeler(model).score(texts)
