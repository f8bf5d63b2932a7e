"""Label Studio and doccano exchange: pre-annotations out, corrected exports back to annotation rows."""
import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stance import __version__
from stance.annotations import validate
from stance.documents import read_text
from stance.errors import AnnotationError, InputError, OutputError, StanceError
from stance.exchange import (
    LABEL_CONFIG,
    export_file,
    from_doccano,
    from_labelstudio,
    import_file,
    to_doccano,
    to_labelstudio,
)
from stance.output import claim_row
from stance.pipeline import Labeler

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "exchange"
ARTICLES = FIXTURES / "articles"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# predictions.jsonl is `stance label` output on ARTICLES, except that the Peskov claim was set to a
# wrong "position" (0.51) so that the human exports carry a label correction.


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _articles(folder: Path) -> dict[str, str]:
    return {p.stem: read_text(p) for p in sorted(folder.glob("*.txt"))}


def _ls_export() -> list[dict[str, Any]]:
    return json.loads((FIXTURES / "labelstudio_export.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def labeler() -> Labeler:
    return Labeler.load()


# --- golden cases ----------------------------------------------------------------------------

@pytest.mark.parametrize("tool, golden", [
    pytest.param("labelstudio", "expected_labelstudio_tasks.json", id="labelstudio"),
    pytest.param("doccano", "expected_doccano_tasks.jsonl", id="doccano"),
])
def test_export_matches_golden(tmp_path: Path, tool: str, golden: str) -> None:
    out = tmp_path / golden
    assert export_file(FIXTURES / "predictions.jsonl", [ARTICLES], out, to=tool) == 2
    expected = (FIXTURES / golden).read_text(encoding="utf-8").replace("stance <version>", f"stance {__version__}")
    assert out.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("export, tool, golden", [
    pytest.param("labelstudio_export.json", "labelstudio", "expected_from_labelstudio.jsonl", id="labelstudio"),
    pytest.param("doccano_export.jsonl", "doccano", "expected_from_doccano.jsonl", id="doccano"),
    pytest.param("doccano_relations_export.jsonl", "doccano", "expected_from_doccano.jsonl", id="doccano-relations"),
])
def test_import_matches_golden_and_validates(tmp_path: Path, export: str, tool: str, golden: str) -> None:
    out = tmp_path / "annotations" / "new.jsonl"
    count = import_file(FIXTURES / export, out, from_=tool, article_dirs=[ARTICLES])
    assert _rows(out) == _rows(FIXTURES / golden)
    assert count == len(_rows(out))
    assert validate([out], [ARTICLES]) == []


def test_labelstudio_import_applies_the_human_corrections() -> None:
    rows = {(r["doc"], r["start"]): r for r in from_labelstudio(_ls_export())}
    assert rows[("ex_001", 277)]["label"] == "obstacle"  # relabelled from the predicted position
    assert ("ex_001", 164) not in rows  # span deleted
    assert rows[("ex_002", 28)]["speakers"] == ["ouchakov"]  # speaker corrected (russie predicted)
    assert rows[("ex_002", 0)] == {"doc": "ex_002", "start": 0, "end": 26, "text": "Moscou pose ses conditions",
                                   "ignore": True}


# --- round trip with real pipeline output ----------------------------------------------------

def _accept_all_labelstudio(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What Label Studio exports when an annotator submits every prediction unchanged."""
    exported = []
    for number, task in enumerate(json.loads(json.dumps(tasks)), start=1):
        result = task["predictions"][0]["result"] if task["predictions"] else []
        exported.append({"id": number, "data": task["data"], "predictions": [number],
                         "annotations": [{"id": number, "completed_by": 1, "was_cancelled": False,
                                          "ground_truth": False, "task": number,
                                          "result": [{**r, "origin": "prediction"} for r in result]}]})
    return exported


def _accept_all_doccano(lines: list[dict[str, Any]]) -> list[str]:
    return [json.dumps({"id": i, **line, "Comments": []}, ensure_ascii=False) for i, line in enumerate(lines, 1)]


@pytest.mark.parametrize("tool", [pytest.param("labelstudio", id="labelstudio"), pytest.param("doccano", id="doccano")])
def test_round_trip_of_pipeline_output(tmp_path: Path, labeler: Labeler, tool: str) -> None:
    articles = _articles(SEEDS)
    predictions = [claim_row(c) for doc, text in articles.items() for c in labeler.label(text, doc=doc)]
    assert predictions
    if tool == "labelstudio":
        rows = from_labelstudio(_accept_all_labelstudio(to_labelstudio(predictions, articles)))
    else:
        rows = from_doccano(_accept_all_doccano(list(to_doccano(predictions, articles))))
    key = lambda r: (r["doc"], r["start"], r["end"], tuple(r["speakers"]), r["label"])
    assert sorted(map(key, rows)) == sorted(map(key, predictions))
    out = tmp_path / "round.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert validate([out], [SEEDS]) == []


def test_several_speakers_survive_both_tools() -> None:
    text = "« Nous avançons », ont déclaré Marco Rubio et Steve Witkoff."
    rows = [{"doc": "d", "start": 0, "end": len(text), "text": text, "speakers": ["rubio", "witkoff"],
             "label": "progress", "score": 0.9}]
    tasks = to_labelstudio(rows, {"d": text})
    assert [r["type"] for r in tasks[0]["predictions"][0]["result"]] == ["labels", "textarea"]
    assert {r["id"] for r in tasks[0]["predictions"][0]["result"]} == {"c0"}
    lines = list(to_doccano(rows, {"d": text}))
    assert lines[0]["label"] == [[0, len(text), "progress|rubio+witkoff"]]
    assert from_labelstudio(_accept_all_labelstudio(tasks))[0]["speakers"] == ["rubio", "witkoff"]
    assert from_doccano(_accept_all_doccano(lines))[0]["speakers"] == ["rubio", "witkoff"]


def test_articles_without_claims_become_empty_tasks() -> None:
    tasks = to_labelstudio([], {"empty": "Rien à signaler."})
    assert tasks == [{"data": {"text": "Rien à signaler.", "doc": "empty"}, "predictions": []}]


def test_label_config_names_match_the_results() -> None:
    for name in ('name="label"', 'name="text"', 'name="speakers"', 'perRegion="true"', 'value="ignore"'):
        assert name in LABEL_CONFIG


def test_utf16_offsets_of_older_label_studio_are_mapped_to_characters() -> None:
    text = "🇺🇦 Kiev : « Nous avançons », a dit Oumerov."
    start = text.index("«")
    utf16 = len(text[:start].encode("utf-16-le")) // 2
    span = text[start:]
    task = {"id": 5, "data": {"text": text, "doc": "emoji"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": utf16, "end": utf16 + len(span), "text": span, "labels": ["progress"]}},
        {"id": "a", "type": "textarea", "from_name": "speakers", "to_name": "text",
         "value": {"start": utf16, "end": utf16 + len(span), "text": ["oumerov"]}}]}]}
    assert utf16 != start
    (row,) = from_labelstudio([task])
    assert (row["start"], row["end"], row["text"]) == (start, len(text), span)


# --- bad input -------------------------------------------------------------------------------

def _result(export: list, task: int, index: int) -> dict[str, Any]:
    return next(a for a in export[task]["annotations"] if not a["was_cancelled"])["result"][index]


def _set(path: tuple, value: Any) -> Callable[[list], Any]:
    def edit(export: list) -> list:
        target = _result(export, 0, 0)
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return export
    return edit


def _drop_speaker(export: list) -> list:
    export[0]["annotations"][0]["result"].pop(1)
    return export


def _no_doc(export: list) -> list:
    del export[0]["data"]["doc"]
    return export


def _unannotated(export: list) -> list:
    for task in export:
        task["annotations"] = []
    return export


@pytest.mark.parametrize("edit, message", [
    pytest.param(_set(("value", "labels"), ["progres"]), "task 1 (ex_001), region c0: unknown label 'progres'", id="label"),
    pytest.param(_set(("value", "end"), 10_000), "task 1 (ex_001), region c0: offsets 61-10000 outside", id="offsets"),
    pytest.param(_set(("value", "text"), "« Nous avons"), "region c0: span text '« Nous avons' differs", id="text"),
    pytest.param(_drop_speaker, "task 1 (ex_001), region c0: span 61-162 has no speaker", id="no-speaker"),
    pytest.param(lambda e: [e, _result(e, 0, 1)["value"].update(text=["Marco Rubio"])][0],
                 "malformed speaker id 'marco rubio'", id="speaker"),
    pytest.param(_no_doc, "task 1 (None), region c0: no doc id", id="no-doc"),
    pytest.param(lambda e: {"tasks": e}, "expected a JSON list of tasks", id="not-a-list"),
    pytest.param(lambda e: [{"text": "x", "label": []}], "task #1: not a Label Studio task with 'data' (JSON-MIN",
                 id="json-min"),
    pytest.param(_unannotated, "no annotated span in the Label Studio export", id="predictions-only"),
])
def test_bad_labelstudio_export_names_the_task(edit: Callable[[list], Any], message: str) -> None:
    with pytest.raises(AnnotationError) as info:
        from_labelstudio(edit(_ls_export()))
    assert message in str(info.value)


@pytest.mark.parametrize("line, message", [
    pytest.param('{"text": "abc", "label": [[0, 2, "prog', "line 2: invalid JSON", id="json"),
    pytest.param({"text": "Il avance.", "doc": "d", "label": [[0, 9, "progress"]]},
                 "line 2 (d), span 'progress': span 0-9 has no speaker", id="no-speaker"),
    pytest.param({"text": "Il avance.", "doc": "d", "label": [[0, 9, "maybe|rubio"]]},
                 "line 2 (d), span 'maybe|rubio': unknown label 'maybe'", id="label"),
    pytest.param({"text": "Il avance.", "doc": "d", "label": [[0, 99, "progress|rubio"]]},
                 "offsets 0-99 outside the text (0-10)", id="offsets"),
    pytest.param({"text": "Il avance.", "label": [[0, 9, "progress|rubio"]]}, "line 2 (None)", id="no-doc"),
    pytest.param({"text": "Il avance.", "doc": "d", "label": [[0, 9]]}, "line 2: malformed span [0, 9]", id="span"),
    pytest.param({"doc": "d", "label": [[0, 9, "progress|rubio"]]}, "line 2 (d)", id="no-text"),
])
def test_bad_doccano_export_names_the_line(line: Any, message: str) -> None:
    first = json.dumps({"text": "Il recule.", "doc": "c", "label": [[0, 9, "obstacle|rubio"]]})
    with pytest.raises(AnnotationError) as info:
        from_doccano([first, line if isinstance(line, str) else json.dumps(line)])
    assert message in str(info.value)


def test_two_different_annotations_of_one_span_are_refused() -> None:
    lines = [json.dumps({"text": "Il recule.", "doc": "c", "label": [[0, 9, "obstacle|rubio"], [0, 9, "position|rubio"]]})]
    with pytest.raises(AnnotationError, match="two different annotations of span 0-9"):
        from_doccano(lines)


def test_import_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "export.jsonl"
    bad.write_text('{"text": "Il recule.", "doc": "c", "label": [[0, 9, "obstacle"]]}\n', encoding="utf-8")
    with pytest.raises(AnnotationError, match=rf"^{bad}: line 1 \(c\)"):
        import_file(bad, tmp_path / "out.jsonl", from_="doccano")
    assert not (tmp_path / "out.jsonl").exists()


def test_import_checks_spans_against_the_article_files(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for path in ARTICLES.glob("*.txt"):  # the article changed since the export
        (articles / path.name).write_text("Chapeau ajouté.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(AnnotationError, match="ex_001: span 61-162 differs from ex_001.txt"):
        import_file(FIXTURES / "doccano_export.jsonl", tmp_path / "out.jsonl", from_="doccano", article_dirs=[articles])


def test_export_refuses_missing_or_edited_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"ex_001.txt not found .*\(use --articles\)"):
        export_file(FIXTURES / "predictions.jsonl", [tmp_path], tmp_path / "tasks.json")
    (tmp_path / "ex_001.txt").write_text("Autre texte.", encoding="utf-8")
    (tmp_path / "ex_002.txt").write_text((ARTICLES / "ex_002.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="ex_001: claim 61-162 does not match the article"):
        export_file(FIXTURES / "predictions.jsonl", [tmp_path], tmp_path / "tasks.json")
    assert not (tmp_path / "tasks.json").exists()


def test_export_refuses_rows_that_are_not_predictions(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"text": "Il avance.", "label": "progress"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"rows.jsonl:1: not a labelled claim with a doc id"):
        export_file(rows, [ARTICLES], tmp_path / "tasks.json")


@pytest.mark.parametrize("run", [
    pytest.param(lambda out, force: export_file(FIXTURES / "predictions.jsonl", [ARTICLES], out, force=force), id="export"),
    pytest.param(lambda out, force: import_file(FIXTURES / "labelstudio_export.json", out, force=force), id="import"),
])
def test_existing_output_needs_force_and_writes_are_atomic(tmp_path: Path, run: Callable[[Path, bool], int]) -> None:
    out = tmp_path / "out.json"
    out.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="exists; use --force"):
        run(out, False)
    assert out.read_text(encoding="utf-8") == "keep me"
    run(out, True)
    assert out.read_text(encoding="utf-8") != "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left


def test_unknown_tool_is_a_stance_error(tmp_path: Path) -> None:
    with pytest.raises(StanceError, match="unknown tool 'prodigy'"):
        export_file(FIXTURES / "predictions.jsonl", [ARTICLES], tmp_path / "x", to="prodigy")
    with pytest.raises(StanceError, match="unknown tool 'prodigy'"):
        import_file(FIXTURES / "doccano_export.jsonl", tmp_path / "x", from_="prodigy")


def test_fixture_exports_are_not_modified_by_import() -> None:
    export = _ls_export()
    before = copy.deepcopy(export)
    from_labelstudio(export)
    assert export == before
