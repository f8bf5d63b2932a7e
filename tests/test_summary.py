"""Stance counts and shares per speaker and period, and reading `stance label` outputs."""
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stance.errors import ConfigError, InputError, StanceError
from stance.summary import UNDATED, UNKNOWN_SPEAKER, columns_for, parse_by, period_of, read_output, summarize


def _row(speaker, date, label):
    return {"doc": "d1", "speaker": speaker, "date": date, "label": label, "start": 0, "end": 1, "text": "x"}


# 2025-12-01 is a Monday, 2025-12-07 the Sunday of the same ISO week.
ROWS = [
    _row("rubio", "2025-12-01", "progress"),
    _row("rubio", "2025-12-07", "obstacle"),
    _row("rubio", "2025-12-08", "position"),
    _row("rubio", "2025-12-08", "progress"),
    _row("lavrov", None, "position"),
    _row("lavrov", "--12-02", "obstacle"),
    _row(None, "2025-11-30", "progress"),
    _row("lavrov", "2025-12-02", None),  # unlabelled: ignored
]


def _pick(rows, *keys):
    return [tuple(r[k] for k in keys) for r in rows]


@pytest.mark.parametrize("by, freq, expected", [
    pytest.param(("speaker",), "week",
                 [("rubio", 4, 2, 1, 1), ("lavrov", 2, 0, 1, 1), (UNKNOWN_SPEAKER, 1, 1, 0, 0)], id="speaker"),
    pytest.param(("date",), "week",
                 [("2025-11-24", 1, 1, 0, 0), ("2025-12-01", 2, 1, 1, 0), ("2025-12-08", 2, 1, 0, 1),
                  (UNDATED, 2, 0, 1, 1)], id="week"),
    pytest.param("date", "day",
                 [("2025-11-30", 1, 1, 0, 0), ("2025-12-01", 1, 1, 0, 0), ("2025-12-07", 1, 0, 1, 0),
                  ("2025-12-08", 2, 1, 0, 1), (UNDATED, 2, 0, 1, 1)], id="day"),
    pytest.param("date", "month", [("2025-11", 1, 1, 0, 0), ("2025-12", 4, 2, 1, 1), (UNDATED, 2, 0, 1, 1)],
                 id="month"),
])
def test_counts(by, freq, expected) -> None:
    rows = summarize(ROWS, by=by, freq=freq)
    key = "speaker" if "speaker" in parse_by(by) else "period"
    assert _pick(rows, key, "claims", "progress", "obstacle", "position") == expected
    assert all(list(r) == columns_for(by) for r in rows)


def test_speaker_and_period() -> None:
    rows = summarize(ROWS, by="speaker,date", freq="week")
    assert _pick(rows, "speaker", "period", "claims") == [
        ("rubio", "2025-12-01", 2), ("rubio", "2025-12-08", 2), ("lavrov", UNDATED, 2),
        (UNKNOWN_SPEAKER, "2025-11-24", 1)]
    assert rows[0]["progress_share"] == 0.5 and rows[0]["obstacle_share"] == 0.5 and rows[0]["position_share"] == 0


def test_shares_are_rounded_fractions() -> None:
    rows = summarize([_row("a", None, "progress")] * 2 + [_row("a", None, "obstacle")])
    assert (rows[0]["progress_share"], rows[0]["obstacle_share"], rows[0]["position_share"]) == (0.6667, 0.3333, 0.0)


def test_empty_by_gives_one_overall_row_and_empty_input_none() -> None:
    assert _pick(summarize(ROWS, by=()), "claims", "progress") == [(7, 3)]
    assert summarize([], by="speaker") == []


@pytest.mark.parametrize("value, freq, expected", [
    pytest.param("2025-12-06", "week", "2025-12-01", id="saturday"),
    pytest.param("2025-12-01", "week", "2025-12-01", id="monday"),
    pytest.param("2026-01-01", "week", "2025-12-29", id="across-year"),
    pytest.param("2025-12-06T23:10:00+01:00", "day", "2025-12-06", id="datetime"),
    pytest.param("--12-02", "week", UNDATED, id="no-year"),
    pytest.param("", "day", UNDATED, id="empty"),
    pytest.param(None, "day", UNDATED, id="none"),
    pytest.param("2025-13-45", "day", UNDATED, id="invalid"),
    pytest.param(20251206, "day", UNDATED, id="not-a-string"),
])
def test_period_of(value, freq, expected) -> None:
    assert period_of(value, freq) == expected


@pytest.mark.parametrize("by, freq", [pytest.param("topic", "week", id="bad-by"),
                                      pytest.param("speaker", "year", id="bad-freq")])
def test_bad_options_raise_config_errors(by, freq) -> None:
    with pytest.raises(ConfigError):
        summarize(ROWS, by=by, freq=freq)


labels = st.sampled_from(["progress", "obstacle", "position"])
dates = st.one_of(st.none(), st.just("--12-02"), st.dates().map(lambda d: d.isoformat()))
rows_strategy = st.lists(st.builds(_row, st.sampled_from(["a", "b", None]), dates, labels), max_size=40)


@given(rows_strategy, st.sampled_from(["speaker", "date", "speaker,date", ""]),
       st.sampled_from(["day", "week", "month"]))
def test_shares_sum_to_one_and_counts_add_up(rows, by, freq) -> None:
    out = summarize(rows, by=by, freq=freq)
    assert sum(r["claims"] for r in out) == len(rows)
    for r in out:
        assert r["claims"] == r["progress"] + r["obstacle"] + r["position"] > 0
        assert abs(r["progress_share"] + r["obstacle_share"] + r["position_share"] - 1) <= 2e-4
    assert summarize(list(reversed(rows)), by=by, freq=freq) == out  # order-independent


def _jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_output_files_gz_and_folders(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", ROWS[:3])
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(ROWS[3]) + "\n\n")
    assert list(read_output([first])) == ROWS[:3]
    assert list(read_output([str(tmp_path)])) == ROWS[:4]


@pytest.mark.parametrize("content, message", [
    pytest.param('{"doc": "a"}\n{"doc": \n', "bad.jsonl:2: invalid JSON", id="truncated"),
    pytest.param('\n\n[1, 2]\n', "bad.jsonl:3: expected a JSON object", id="not-an-object"),
])
def test_bad_lines_name_file_and_line(tmp_path: Path, content, message) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        list(read_output([path]))
    assert isinstance(info.value, StanceError) and str(path) in str(info.value)


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_output([tmp_path / "missing.jsonl"]))
    with pytest.raises(InputError, match="no .jsonl files"):
        list(read_output([tmp_path]))
