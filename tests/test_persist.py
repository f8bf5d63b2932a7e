"""Model files: integrity and version checks, rebuild, determinism."""
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from stance import persist
from stance.compact import CompactModel
from stance.errors import ModelError
from stance.estimator import StanceClassifier
from stance.train import default_training_files, train_model

ROWS = [
    ("Des progrès tangibles ont été faits, a estimé Witkoff.", "progress"),
    ("Les échanges ont été constructifs, selon Kiev.", "progress"),
    ("Le Kremlin a salué un dialogue utile.", "progress"),
    ("Moscou exige le retrait des troupes.", "position"),
    ("Kiev se rendra à Genève la semaine prochaine.", "position"),
    ("Rubio rencontrera Lavrov jeudi.", "position"),
    ("Le Kremlin juge le plan inacceptable.", "obstacle"),
    ("Peskov a déploré l'absence de compromis.", "obstacle"),
    ("Ouchakov reste sceptique sur la trêve.", "obstacle"),
]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus" / "tiny.jsonl"
    path.parent.mkdir()
    path.write_text("".join(json.dumps({"text": t, "speakers": ["x"], "label": lab}, ensure_ascii=False) + "\n"
                            for t, lab in ROWS), encoding="utf-8")
    return path


@pytest.fixture()
def model_file(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("stance.train.corpus_dir", lambda: corpus.parent)
    monkeypatch.setattr("stance.persist.corpus_dir", lambda: corpus.parent)
    monkeypatch.setenv("STANCE_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "m.joblib"
    train_model([corpus], out, seed=0, cv="none", params={"max_features": 2000})
    return out


def test_round_trip_and_card(model_file: Path) -> None:
    model = persist.load_model(model_file)
    assert isinstance(model, CompactModel)
    estimator = persist.load_estimator(model_file)
    assert isinstance(estimator, StanceClassifier)
    texts = [t for t, _ in ROWS]
    assert [p.label for p in model.explain(texts)] == [p.label for p in estimator.explain(texts)]
    card = json.loads(persist.card_path(model_file).read_text())
    assert card["model_sha256"] == persist.sha256_file(model_file)
    assert {"stance", "scikit_learn", "python", "data_sha256", "rules_sha256", "speakers_sha256", "counts",
            "labels"} <= set(card)


def test_missing_model_and_missing_card(tmp_path: Path, model_file: Path) -> None:
    with pytest.raises(ModelError, match="no such model"):
        persist.load_model(tmp_path / "absent.joblib")
    persist.card_path(model_file).unlink()
    with pytest.raises(ModelError, match="card"):
        persist.load_model(model_file)


def test_truncated_model_is_refused(model_file: Path) -> None:
    data = model_file.read_bytes()
    model_file.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="sha256"):
        persist.load_model(model_file)


def test_tampered_model_is_refused(model_file: Path) -> None:
    data = bytearray(model_file.read_bytes())
    data[len(data) // 3] ^= 0xFF
    model_file.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        persist.load_model(model_file)


def test_corrupt_file_with_matching_card_is_a_clear_error(model_file: Path) -> None:
    model_file.write_bytes(b"not a pickle at all")
    card_file = persist.card_path(model_file)
    card = json.loads(card_file.read_text())
    card["model_sha256"] = persist.sha256_file(model_file)
    card_file.write_text(json.dumps(card))
    with pytest.raises(ModelError, match="cannot load"):
        persist.load_model(model_file)


def _rewrite_payload(model_file: Path, change: object) -> None:
    """Apply ``change`` to the unpickled payload, write it back and re-sign the card."""
    import pickle
    import zlib
    payload = pickle.loads(zlib.decompress(model_file.read_bytes()))  # noqa: S301 - test's own file
    change(payload)
    model_file.write_bytes(zlib.compress(pickle.dumps(payload, protocol=4), 3))
    card_file = persist.card_path(model_file)
    card = json.loads(card_file.read_text())
    card["model_sha256"] = persist.sha256_file(model_file)
    card_file.write_text(json.dumps(card))


def test_unknown_model_format_is_refused(model_file: Path) -> None:
    _rewrite_payload(model_file, lambda payload: payload.update(format="stance-model/9"))
    with pytest.raises(ModelError, match="not a stance-model/3 file"):
        persist.load_model(model_file)


def test_previous_format_with_compiled_rule_patterns_still_loads(model_file: Path) -> None:
    import pickle
    import re
    texts = [t for t, _ in ROWS]
    expected = [p.label for p in persist.load_model(model_file).explain(texts)]

    def to_format_2(payload: dict) -> None:
        compact = pickle.loads(payload["compact"])  # noqa: S301 - test's own file
        for rule in compact.rules:  # stance-model/2 pickled each pattern compiled
            object.__setattr__(rule, "patterns", tuple(re.compile(p) for p in rule.patterns))
        payload.update(format="stance-model/2", compact=pickle.dumps(compact, protocol=4))

    _rewrite_payload(model_file, to_format_2)
    assert [p.label for p in persist.load_model(model_file).explain(texts)] == expected


def test_other_sklearn_version_is_rebuilt_and_cached(model_file: Path, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    card_file = persist.card_path(model_file)
    card = json.loads(card_file.read_text())
    card["scikit_learn"] = "0.0.1"
    card_file.write_text(json.dumps(card))
    with caplog.at_level(logging.WARNING, logger="stance"):
        model = persist.load_model(model_file)
    assert isinstance(model, CompactModel) and "rebuilding" in caplog.text
    cached = list((tmp_path / "cache").glob("*.joblib"))
    assert len(cached) == 1
    assert persist.load_model(model_file).explain(["Moscou exige le retrait."])[0].label.value in \
        ("position", "obstacle", "progress")


def test_same_data_and_seed_give_byte_identical_model_and_card(tmp_path: Path, corpus: Path) -> None:
    # two processes, as two users would train: object addresses and string hashes differ between them
    script = ("import sys; from stance.train import train_model; "
              "train_model([sys.argv[1]], sys.argv[2], seed=3, cv='none', params={'max_features': 2000})")
    for name in ("a.joblib", "b.joblib"):
        subprocess.run([sys.executable, "-c", script, str(corpus), str(tmp_path / name)], check=True,
                       capture_output=True, timeout=120)
    assert (tmp_path / "a.joblib").read_bytes() == (tmp_path / "b.joblib").read_bytes()
    cards = [json.loads(persist.card_path(tmp_path / name).read_text()) for name in ("a.joblib", "b.joblib")]
    strip = lambda c: {k: v for k, v in c.items() if k not in ("date", "name", "model_file")}  # noqa: E731
    assert strip(cards[0]) == strip(cards[1])


def test_shipped_model_loads_and_matches_its_card() -> None:
    path = persist.default_model_path()
    model = persist.load_model(path)
    assert list(model.classes) == ["obstacle", "position", "progress"]
    assert path.stat().st_size <= 10 * 1024 * 1024


def test_shipped_model_was_trained_with_the_current_rules() -> None:
    # the model keeps the rules it was trained with: edit rules.toml, then run `stance train`
    card = persist.read_card(persist.default_model_path())
    assert card["rules_sha256"] == persist.sha256_file(persist.data_path("rules.toml")), \
        "rules.toml changed since the shipped model was trained: run `stance train`"


def test_shipped_model_was_trained_with_the_current_registry() -> None:
    # a claim's features replace registered names by a placeholder: edit speakers.toml, then run `stance train`
    card = persist.read_card(persist.default_model_path())
    assert card.get("speakers_sha256") == persist.sha256_file(persist.data_path("speakers.toml")), \
        "speakers.toml changed since the shipped model was trained: run `stance train`"


def test_shipped_model_was_trained_on_the_current_corpus() -> None:
    # edit a training file, then run `stance train`: the card records what the model learnt from
    files = default_training_files()
    if not files:
        pytest.skip("no training corpus beside this install")
    card = persist.read_card(persist.default_model_path())
    assert card["data_sha256"] == persist.sha256_files(files), "the corpus changed: run `stance train`"


def test_the_installed_scikit_learn_version_is_read_as_importlib_metadata_reads_it() -> None:
    from importlib.metadata import version

    assert persist._installed_sklearn() == version("scikit-learn")
