"""Score sentence segmenters on French development cases and on the seed articles.

Usage: python benchmarks/segmentation.py [--ud ../shared/segmentation/ud_gsd_dev.json]
       [--gold annotations/seeds.gold.jsonl --seeds seeds] [--errors N]

Prints, per segmenter and per set: cases, exact match per case, boundary precision, recall
and F1. pySBD, the Moses `sentence-splitter` and spaCy's ``fr_core_news_sm`` parser are
scored when installed (extra `bench`; the spaCy model separately).
The seed set checks that every gold claim and ignore span of the seeds that is one whole
sentence is a unit of the segmenter (the spans the claim stage builds on).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections.abc import Callable

Segmenter = Callable[[str], list[tuple[int, int]]]


def stance_segmenter() -> Segmenter:
    from stance.segment import split_sentences

    return lambda text: [(s.start, s.end) for s in split_sentences(text)]


def pysbd_segmenter() -> Segmenter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="fr", clean=False, char_span=True)
    return lambda text: [(s.start, s.start + len(s.sent.rstrip())) for s in seg.segment(text)]


def moses_segmenter() -> Segmenter | None:
    try:
        from sentence_splitter import SentenceSplitter
    except ImportError:
        return None
    splitter = SentenceSplitter(language="fr")

    def run(text: str) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for sent in splitter.split(text):
            sent = sent.strip()
            if not sent:
                continue
            start = text.find(sent, pos)
            if start < 0:  # the splitter normalises whitespace; fall back to the first word
                start = text.find(sent.split()[0], pos)
                if start < 0:
                    continue
                spans.append((start, start + len(sent)))
            else:
                spans.append((start, start + len(sent)))
            pos = spans[-1][1]
        return spans

    return run


def spacy_segmenter() -> Segmenter | None:
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm", exclude=["ner", "lemmatizer"])
    except (ImportError, OSError):
        return None
    return lambda text: [(s.start_char, s.start_char + len(s.text.rstrip())) for s in nlp(text).sents
                         if s.text.strip()]


def expected_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for sent in sentences:
        start = text.index(sent, pos)
        spans.append((start, start + len(sent)))
        pos = start + len(sent)
    return spans


def _boundaries(spans: list[tuple[int, int]], text: str) -> set[int]:
    # A boundary is where a unit ends, shifted past whitespace so that segmenters that
    # keep or drop trailing spaces compare equal.
    out = set()
    for _, end in spans[:-1]:
        while end < len(text) and text[end].isspace():
            end += 1
        out.add(end)
    return out


def score(cases: list[tuple[str, list[tuple[int, int]]]], segment: Segmenter,
          errors: int = 0) -> dict[str, float]:
    exact = tp = fp = fn = 0
    shown = 0
    for text, gold in cases:
        pred = segment(text)
        gold_b, pred_b = _boundaries(gold, text), _boundaries(pred, text)
        tp += len(gold_b & pred_b)
        fp += len(pred_b - gold_b)
        fn += len(gold_b - pred_b)
        same = [text[a:b].strip() for a, b in pred] == [text[a:b].strip() for a, b in gold]
        exact += same
        if not same and shown < errors:
            shown += 1
            print("--- gold:", [text[a:b] for a, b in gold], "\n    pred:", [text[a:b] for a, b in pred],
                  file=sys.stderr)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"cases": len(cases), "exact": exact / len(cases) if cases else 0.0,
            "boundary_p": p, "boundary_r": r, "boundary_f1": 2 * p * r / (p + r) if p + r else 0.0}


def load_ud(path: pathlib.Path) -> list[tuple[str, list[tuple[int, int]]]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [(row["text"], expected_spans(row["text"], row["sentences"])) for row in rows]


def seed_units_right(segment: Segmenter, gold: pathlib.Path, seeds: pathlib.Path) -> tuple[int, int]:
    """How many gold spans that are one whole sentence come out as one unit."""
    docs = {p.stem: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    units = {doc: set(segment(text)) for doc, text in docs.items()}
    total = right = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = docs[row["doc"]]
        a, b = row["start"], row["end"]
        before = text[:a].rstrip(" \u00a0")
        whole = (not before or before[-1] in ".!?\n»\"") and text[a:b].rstrip()[-1:] in ".!?»\"o"
        if not whole:
            continue
        total += 1
        right += (a, b) in units[row["doc"]]
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ud", default="../shared/segmentation/ud_gsd_dev.json")
    parser.add_argument("--gold", default="annotations/seeds.gold.jsonl")
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong cases of stance")
    args = parser.parse_args()
    segmenters = {"stance": stance_segmenter(), "pysbd": pysbd_segmenter(), "moses": moses_segmenter(),
                  "spacy": spacy_segmenter()}
    ud = load_ud(pathlib.Path(args.ud)) if pathlib.Path(args.ud).exists() else []
    print(f"{'segmenter':10} {'set':8} {'cases':>6} {'exact':>7} {'P':>6} {'R':>6} {'F1':>6}  seed units")
    for name, seg in segmenters.items():
        if seg is None:
            print(f"{name:10} not installed (pip install '.[bench]')")
            continue
        res = score(ud, seg, args.errors if name == "stance" else 0) if ud else None
        right, total = seed_units_right(seg, pathlib.Path(args.gold), pathlib.Path(args.seeds))
        if res:
            print(f"{name:10} {'ud-dev':8} {res['cases']:6} {res['exact']:7.3f} {res['boundary_p']:6.3f} "
                  f"{res['boundary_r']:6.3f} {res['boundary_f1']:6.3f}  {right}/{total}")


if __name__ == "__main__":
    main()
