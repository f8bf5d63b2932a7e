"""Reading inputs: encodings, binary files, corpora, dates."""
import gzip
import json
from pathlib import Path

import pytest

from stance.documents import Failure, detect_date, iter_documents, read_text
from stance.errors import InputError


@pytest.mark.parametrize("raw, expected", [
    pytest.param(b"Le Kremlin a dit.", "Le Kremlin a dit.", id="utf8"),
    pytest.param(b"\xef\xbb\xbfLe Kremlin a dit.", "Le Kremlin a dit.", id="bom"),
    pytest.param("Le secrétaire d’État a dit.".encode("cp1252"), "Le secrétaire d’État a dit.", id="cp1252"),
    pytest.param("Réunion à Genève.".encode("latin-1"), "Réunion à Genève.", id="latin1"),
])
def test_read_text_encodings(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert read_text(path) == expected


@pytest.mark.parametrize("raw, message", [
    pytest.param(b"%PDF-1.4 binary", "binary", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n....", "binary", id="png"),
    pytest.param(b"abc\x00def", "binary", id="nul"),
    pytest.param(b"   \n\t  ", "empty", id="whitespace"),
    pytest.param(b"", "empty", id="empty"),
])
def test_read_text_refuses_bad_input(tmp_path: Path, raw: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=message):
        read_text(path)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


@pytest.mark.parametrize("text, date", [
    pytest.param(" date 2025-12-06 Le Kremlin…", "2025-12-06", id="header"),
    pytest.param("MOSCOU, 2 décembre (Reuters) - Le Kremlin…", "--12-02", id="dateline"),
    pytest.param("KIEV, 14 janvier 2026 (AFP) - …", "2026-01-14", id="dateline-year"),
    pytest.param("Publié le 23/01/2026 à 10h", "2026-01-23", id="numeric"),
    pytest.param("Le Kremlin a parlé.", None, id="none"),
])
def test_detect_date(text: str, date: str | None) -> None:
    assert detect_date(text) == date


def test_corpus_files_jsonl_csv_gzip_and_bad_rows(tmp_path: Path) -> None:
    rows = [{"id": "a1", "text": "Le Kremlin a salué un dialogue utile.", "date": "2026-01-02", "source": "x"},
            {"id": "a2", "text": ""}, "not json"]
    lines = "\n".join(json.dumps(r) if isinstance(r, dict) else r for r in rows) + "\n"
    (tmp_path / "c.jsonl").write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(rows[0]) + "\n")
    (tmp_path / "e.csv").write_text("id,text,date,outlet\nb1,\"Moscou exige, dit-on, le retrait.\",,AFP\n",
                                    encoding="utf-8")
    items = list(iter_documents([str(tmp_path)]))
    docs = [i for i in items if not isinstance(i, Failure)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.doc for d in docs] == ["a1", "a1", "b1"]
    assert docs[0].date == "2026-01-02" and docs[0].meta == {"source": "x"}
    assert docs[2].meta == {"outlet": "AFP"}
    assert len(failures) == 2 and all(":" in f.source for f in failures)


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Le Kremlin a dit.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    items = list(iter_documents([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Failure", "Document"]
