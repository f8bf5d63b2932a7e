"""Tests for stance.train: which files a model is trained on."""
from __future__ import annotations

import json
from pathlib import Path

from stance.resources import corpus_dir
from stance.train import EVALUATION_PREFIX, training_files


def test_folders_named_heldout_are_left_out_of_a_folder(tmp_path: Path) -> None:
    for name in ("train/a.jsonl", "heldout/b.jsonl", "heldout7/sub/c.jsonl", "d.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found = {p.relative_to(tmp_path).as_posix() for p in training_files([tmp_path])}
    assert found == {"train/a.jsonl", "d.jsonl"}
    # named on its own, a held-out file is used: the caller asked for it
    assert training_files([tmp_path / "heldout/b.jsonl"]) == [tmp_path / "heldout/b.jsonl"]


def test_shipped_model_was_not_trained_on_held_out_sets() -> None:
    card = json.loads((Path(__file__).parents[1] / "models" / "stance-default.card.json").read_text(encoding="utf-8"))
    assert card["data_files"] and not any(f.startswith(EVALUATION_PREFIX) for f in card["data_files"])
    assert not any(p.name.startswith(EVALUATION_PREFIX) for p in training_files([corpus_dir()]))
