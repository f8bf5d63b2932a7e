"""End-to-end scoring agrees with the reference scorer; cross-validation reports."""
import importlib.util
import json
from pathlib import Path

import pytest

from stance.annotations import Example
from stance.estimator import StanceClassifier
from stance.evaluate import classification_report, cross_validate, overlap, score_predictions
from stance.output import claim_row
from stance.pipeline import Labeler

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def _reference():
    if not SCORER.exists():
        pytest.skip("reference scorer not available")
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_predictions() -> tuple[list[dict], list[dict], dict[str, str]]:
    labeler = Labeler.load()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    preds = [claim_row(c) for doc, t in texts.items() for c in labeler.label(t, doc=doc)]
    gold = [json.loads(line) for line in (ROOT / "annotations" / "seeds.gold.jsonl").read_text().splitlines()]
    return preds, gold, texts


def test_agrees_with_reference_scorer_on_seeds(seed_predictions) -> None:
    preds, gold, texts = seed_predictions
    ours = score_predictions(preds, gold, texts)
    theirs = _reference().score(preds, gold, str(ROOT / "seeds"))
    for key in ("gold_claims", "predicted_matched", "false_positives", "detection_f1", "speaker_acc",
                "label_acc", "label_macro_f1", "strict_recall"):
        assert ours[key] == theirs[key], key


def test_agrees_with_reference_scorer_on_perturbed_predictions(seed_predictions) -> None:
    preds, gold, texts = seed_predictions
    perturbed = [dict(p, label="obstacle") if i % 3 == 0 else dict(p, speaker="nobody", speakers=[],
                                                                   speaker_mention=None) if i % 5 == 0 else p
                 for i, p in enumerate(preds[::2])]
    perturbed.append({"doc": "000_3e0fb7d3d5b6e01b", "start": 2012, "end": 2013, "label": "position", "speaker": "x"})
    ours = score_predictions(perturbed, gold, texts)
    theirs = _reference().score(perturbed, gold, str(ROOT / "seeds"))
    assert {k: ours[k] for k in ours if not isinstance(ours[k], list)} == \
           {k: theirs[k] for k in theirs if not isinstance(theirs[k], list)}


@pytest.mark.parametrize("a, b, expected", [
    pytest.param((0, 10), (0, 10), 1.0, id="same"),
    pytest.param((0, 10), (5, 30), 0.5, id="half-of-shorter"),
    pytest.param((0, 10), (10, 20), 0.0, id="touching"),
])
def test_overlap(a, b, expected) -> None:
    assert overlap(a, b) == expected


def test_classification_report() -> None:
    report = classification_report(["progress", "obstacle", "position", "position"],
                                    ["progress", "position", "position", "position"])
    assert report["per_class"]["obstacle"]["recall"] == 0.0
    assert report["confusion"][1] == [0, 0, 1]  # obstacle row (labels in guide order): predicted position
    assert report["accuracy"] == 0.75


def test_cross_validate_by_article_reports_three_modes() -> None:
    rows = [("Des progrès ont été faits.", "progress"), ("Le Kremlin salue un dialogue utile.", "progress"),
            ("Moscou exige le retrait.", "position"), ("Kiev se rendra à Genève.", "position"),
            ("Le plan est inacceptable.", "obstacle"), ("Aucun compromis n'est en vue.", "obstacle")]
    examples = [Example(t, lab, ("x",), doc=f"d{i % 2}" if i < 4 else None) for i, (t, lab) in enumerate(rows * 2)]
    result = cross_validate(examples, StanceClassifier(max_features=500), scheme="article")
    assert set(result) == {"hybrid", "model", "rules"}
    assert all(0.0 <= r["macro_f1"] <= 1.0 and r["n"] == 4 for r in result.values())
