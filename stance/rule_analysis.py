"""`stance rules`: labelling-function analysis of the hand rules on annotations.

For every rule: coverage (share of claims it votes on), overlaps (claims another rule also
votes on), conflicts (another rule votes a different label), empirical accuracy against
the annotation labels, and a few of its errors — in the spirit of snorkel's LF summary.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .annotations import load_examples
from .rules import apply_rules, load_rules
from .train import default_training_files, training_files


def analyse_rules(paths: list[Path] | None = None, errors: int = 2) -> dict[str, Any]:
    """Per-rule statistics over the trainable rows of ``paths`` (default: shipped corpus)."""
    examples = load_examples(training_files(paths) if paths else default_training_files())
    rules = load_rules()
    votes = [apply_rules(e.text, rules) for e in examples]
    stats: dict[str, dict[str, Any]] = {r.id: {"label": r.label, "final": r.final, "votes": 0, "correct": 0,
                                              "overlaps": 0, "conflicts": 0, "voted": Counter(), "errors": []}
                                       for r in rules}
    for example, row in zip(examples, votes):
        labels = {v.label for v in row}
        for vote in row:
            entry = stats[vote.rule]
            entry["votes"] += 1
            entry["voted"][vote.label] += 1
            entry["correct"] += vote.label == example.label
            entry["overlaps"] += len(row) > 1
            entry["conflicts"] += len(labels - {vote.label}) > 0
            if vote.label != example.label and len(entry["errors"]) < errors:
                entry["errors"].append({"text": example.text[:140], "gold": example.label, "voted": vote.label,
                                        "cue": vote.cue})
    total = len(examples) or 1
    for entry in stats.values():
        entry["coverage"] = round(entry["votes"] / total, 4)
        entry["accuracy"] = round(entry["correct"] / entry["votes"], 4) if entry["votes"] else None
        entry["voted"] = dict(entry["voted"])
    covered = sum(1 for row in votes if row)
    by_label = defaultdict(int)
    for example in examples:
        by_label[example.label] += 1
    return {"claims": len(examples), "covered": round(covered / total, 4), "labels": dict(by_label), "rules": stats}
