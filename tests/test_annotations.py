"""Annotation loading and validation; the shipped corpus must always validate."""
import json
from pathlib import Path

import pytest

from stance.annotations import count_table, load_examples, normalize_text, read_annotations, validate
from stance.errors import AnnotationError

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_DIRS = [ROOT / "seeds", *[p for p in (ROOT / "annotations").rglob("articles") if p.is_dir()]]


def test_shipped_corpus_validates() -> None:
    problems = validate([ROOT / "annotations"], ARTICLE_DIRS)
    assert problems == [], "\n".join(map(str, problems[:20]))


def test_training_corpus_is_balanced_and_large_enough() -> None:
    examples = load_examples([ROOT / "annotations" / "train"])
    counts = count_table(examples, "file")
    total = sum(sum(c.values()) for c in counts.values())
    assert total >= 900
    by_label = {lab: sum(c[lab] for c in counts.values()) for lab in ("progress", "obstacle", "position")}
    for label, n in by_label.items():
        assert 0.28 <= n / total <= 0.40, (label, n, total)


def _write(tmp_path: Path, name: str, rows: list) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("row, message", [
    pytest.param('{"text": "x", "label":', "invalid JSON", id="json"),
    pytest.param({"text": "Il a dit.", "speakers": ["rubio"], "label": "maybe"}, "unknown label", id="label"),
    pytest.param({"text": "Il a dit.", "speakers": ["Rubio!"], "label": "progress"}, "malformed speaker", id="speaker"),
    pytest.param({"text": "Il a dit.", "speakers": [], "label": "progress"}, "non-empty list", id="no-speaker"),
    pytest.param({"text": "", "speakers": ["rubio"], "label": "progress"}, "empty 'text'", id="empty"),
    pytest.param({"text": "Il a dit.", "speakers": ["rubio"], "label": "progress", "start": 5, "end": 2, "doc": "d"},
                 "start < end", id="offsets"),
])
def test_problems_name_file_and_line(tmp_path: Path, row, message: str) -> None:
    path = _write(tmp_path, "bad.jsonl", [{"text": "Le Kremlin a salué un dialogue utile.", "speakers": ["kremlin"],
                                           "label": "progress"}, row])
    problems = validate([path])
    assert problems and problems[0].line == 2 and message in problems[0].message
    assert str(problems[0]).startswith(f"{path}:2:")
    with pytest.raises(AnnotationError, match=":2:"):
        load_examples([path])


def test_offsets_must_match_the_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rubio a dit oui. Peskov a dit non.", encoding="utf-8")
    good = {"doc": "a", "start": 0, "end": 16, "text": "Rubio a dit oui.", "speakers": ["rubio"], "label": "position"}
    bad = {**good, "start": 1, "end": 17}
    assert validate([_write(tmp_path, "g.jsonl", [good])], [tmp_path]) == []
    problems = validate([_write(tmp_path, "b.jsonl", [bad])], [tmp_path])
    assert any("differs from article" in p.message for p in problems)


def test_duplicates_and_evaluation_overlap_are_found(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le porte-parole du Kremlin a jugé prématuré de parler d'un accord de paix global.",
                                    encoding="utf-8")
    gold = {"doc": "a", "start": 0, "end": 82, "text": "Le porte-parole du Kremlin a jugé prématuré de parler d'un "
            "accord de paix global.", "speakers": ["peskov"], "label": "obstacle"}
    train = [{"text": "Le porte parole du Kremlin a juge premature de parler d'un accord de paix global !",
              "speakers": ["peskov"], "label": "obstacle"},
             {"text": "Kiev a salué un échange utile.", "speakers": ["ukraine"], "label": "progress"},
             {"text": "KIEV a salue un echange utile", "speakers": ["ukraine"], "label": "progress"}]
    problems = validate([_write(tmp_path, "gold.jsonl", [gold]), _write(tmp_path, "train.jsonl", train)], [tmp_path])
    messages = [p.message for p in problems]
    assert any("duplicate" in m for m in messages)
    assert any("overlaps evaluation text" in m for m in messages) or any("duplicate" in m for m in messages[:1])


def test_two_articles_may_quote_the_same_stock_phrase(tmp_path: Path) -> None:
    for doc in ("a", "b"):
        (tmp_path / f"{doc}.txt").write_text("« C'est un pas important. »", encoding="utf-8")
    rows = [{"doc": doc, "start": 2, "end": 25, "text": "C'est un pas important.", "speakers": ["oumerov"],
             "label": "progress"} for doc in ("a", "b")]
    assert validate([_write(tmp_path, "g.jsonl", rows)], [tmp_path]) == []
    twice = [rows[0], {**rows[0], "text": "C'est un pas important.", "start": 2}]
    assert any("duplicate" in p.message for p in validate([_write(tmp_path, "t.jsonl", twice)], [tmp_path]))
    train = [{"text": "c'est un pas important", "speakers": ["oumerov"], "label": "progress"}]
    problems = validate([_write(tmp_path, "g.jsonl", rows), _write(tmp_path, "tr.jsonl", train)], [tmp_path])
    assert any("duplicate" in p.message for p in problems)


def test_a_wire_feed_may_repeat_a_paragraph_in_one_article(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text("Kiev a dit non. (Actualisé) Kiev a dit non.", encoding="utf-8")
    rows = [{"doc": "w", "start": a, "end": a + 15, "text": "Kiev a dit non.", "speakers": ["ukraine"],
             "label": "obstacle"} for a in (0, 28)]
    assert validate([_write(tmp_path, "g.jsonl", rows)], [tmp_path]) == []


def test_normalize_text_folds_accents_and_punctuation() -> None:
    assert normalize_text("« Élan », a-t-il dit !") == normalize_text("elan a t il dit")


def test_ignore_rows_and_any_are_not_trainable(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.jsonl", [{"text": "Narration.", "ignore": True, "doc": "a", "start": 0, "end": 10},
                                        {"text": "Il a dit.", "speakers": ["*"], "label": "any"},
                                        {"text": "Il a exigé le retrait.", "speakers": ["rubio"], "label": "position"}])
    examples, problems = read_annotations([path])
    assert not problems and len(examples) == 3
    assert [e.label for e in load_examples([path])] == ["position"]
