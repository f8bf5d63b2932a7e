"""The whole pipeline: text → sentences → claims with speakers → stance labels.

`Labeler` holds a model and a speaker registry and labels texts; `label_text` and
`score` are the one-call versions (`stance.batch.label_files` runs over files). After
labelling, a quotation that runs over several sentences becomes one claim labelled as a
whole, unless two of its sentences confidently carry two stances; clauses of one sentence
that share speaker and stance are joined back. The guide wants one claim per stance, not
per sentence or clause.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .claims import iter_claims
from .clean import fold
from .errors import InputError
from .markup import read_markup
from .persist import load_model
from .records import Claim, Document
from .resources import word_list
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


# Pieces of one quotation stay apart only when each part confidently carries its own stance
# (guide §1: « may be two when the two parts carry two stances »)
SPLIT_CONFIDENCE = 0.7


@lru_cache(maxsize=1)
def _turn_pattern() -> re.Pattern[str]:
    # a sentence opening with « Mais », « Toutefois »… may start a new stance (data/turn_words.txt)
    return re.compile(rf"[«“\"\s]*(?:{'|'.join(re.escape(w) for w in word_list('turn_words'))})\b")


_REOPENED = re.compile(r"\n[\s\u00a0]*[«“\"]")


def group_quotations(claims: list[Claim], text: str = "") -> list[list[Claim]]:
    """Runs of adjacent claims of one unit and speaker that span several sentences.

    A quotation reopened on a new paragraph (« … » over two paragraphs, ``text`` given)
    starts a new run: its paragraphs are claims of their own.
    """
    runs: list[list[Claim]] = []
    for claim in claims:
        last = runs[-1][-1] if runs else None
        if last is not None and last.unit == claim.unit and last.speaker == claim.speaker and last.doc == claim.doc \
                and not _turn_pattern().match(fold(claim.text)) \
                and not _REOPENED.search(text, last.end, claim.start + 1):
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return [run for run in runs if len({c.sentence for c in run}) > 1]


def carries_two_stances(pieces: list[Claim]) -> bool:
    """True when two pieces carry different labels, each with confidence ≥ `SPLIT_CONFIDENCE`."""
    return len({c.label for c in pieces if c.score is not None and c.score >= SPLIT_CONFIDENCE}) > 1


def join_claims(pieces: list[Claim], text: str) -> Claim:
    """One claim spanning ``pieces``, attributed as the piece that names the source."""
    named = next((c for c in pieces if c.method and not c.method.startswith("quote-run")), pieces[0])
    first, last = pieces[0], pieces[-1]
    return replace(named, start=first.start, end=last.end, text=text[first.start:last.end], sentence=first.sentence)


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
        view = read_markup(text)  # a page saved with its HTML: read the view, report original offsets
        claims = self._label_view(view.text if view else text, doc, date, meta)
        if view is None:
            return claims
        return [replace(c, start=(a := view.start_in_original(c.start)), end=(b := view.end_in_original(c.end)),
                        text=text[a:b]) for c in claims]

    def _label_view(self, text: str, doc: str | None, date: str | None, meta: dict[str, Any] | None) -> list[Claim]:
        claims = list(iter_claims(text, doc=doc, registry=self.registry))
        if not claims:
            return []
        labelled = self._predict(claims, date, meta)
        quotations = [g for g in group_quotations(labelled, text) if not carries_two_stances(g)]
        if quotations:
            # a quotation introduced by one verb is one claim (guide §1): label it as a whole
            # join the claims as found, so a rule cue already added to a piece is not added twice
            found = {c.start: c for c in claims}
            joined = self._predict([join_claims([found[c.start] for c in g], text) for g in quotations], date, meta)
            firsts = {g[0].start: j for g, j in zip(quotations, joined)}
            inside = {c.start for g in quotations for c in g[1:]}
            labelled = [firsts.get(c.start, c) for c in labelled if c.start not in inside]
        return merge_same_stance(labelled, text)

    def _predict(self, claims: list[Claim], date: str | None, meta: dict[str, Any] | None) -> list[Claim]:
        return [replace(c, label=p.label, score=round(p.score, 4),
                        probabilities={k: round(v, 4) for k, v in p.probabilities.items()}, source=p.source,
                        rule=p.rule, evidence=p.evidence, cue=c.cue if p.source != "rule" else f"{c.cue} | {p.cue}",
                        date=date, meta=meta)
                for c, p in zip(claims, self.model.explain(claims))]

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
