"""Exchange with annotation tools: our predictions out as pre-annotations, human exports back in.

One task per article, one span per claim, named by its stance (``progress``, ``obstacle``,
``position``; annotators may also use ``any`` and ``ignore``, guide §3-4). Offsets are
character (code point) offsets into the article as `stance label` read it.

Label Studio (JSON tasks with ``predictions``; the JSON export with ``annotations`` back):
each claim is two results sharing one region ``id``: a ``labels`` result (``from_name``
``label``) holding the span and the stance, and a per-region ``textarea`` result (``from_name``
``speakers``) whose ``value.text`` lists the speaker ids. Label Studio keeps results with the
same id on the same region, so deleting, moving or relabelling a span keeps its speakers.
The project must use `LABEL_CONFIG`. The doc id is in ``data.doc``.

doccano (sequence labelling JSONL, ``{"text", "label": [[start, end, label]]}``): a span has
no attributes, so the speakers travel in the label itself: ``progress|rubio``, several joined
by ``+`` (``position|rubio+witkoff``). Annotators fix a speaker by picking or creating another
label. Extra keys (``doc``, ``date``) become doccano metadata and come back at the top level of
the export; exports with ``entities``/``relations`` (projects with relations) are read too.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from . import __version__
from .annotations import SPEAKER_ID, find_articles
from .documents import read_text
from .errors import AnnotationError, InputError, OutputError, StanceError
from .records import LABELS

TOOLS = ("labelstudio", "doccano")
SPAN_LABELS = (*LABELS, "any", "ignore")
LABEL_CONFIG = """<View>
  <Style>.htx-text { white-space: pre-wrap; }</Style>
  <Labels name="label" toName="text">
""" + "".join(f'    <Label value="{name}"/>\n' for name in SPAN_LABELS) + """  </Labels>
  <Text name="text" value="$text"/>
  <TextArea name="speakers" toName="text" perRegion="true" editable="true" displayMode="region-list"
            placeholder="speaker id(s), e.g. rubio"/>
</View>
"""
_SPLIT = re.compile(r"[,;+\n]")


def _speakers(row: Mapping[str, Any]) -> list[str]:
    return list(row.get("speakers") or ([row["speaker"]] if row.get("speaker") else []))


def _by_article(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str]) -> Iterator[tuple[str, list]]:
    """(doc, rows) per article: docs of ``rows`` in order, then articles without claims."""
    grouped: dict[str, list] = {}
    for row in rows:
        doc = row.get("doc")
        if doc not in articles:
            raise InputError(f"no article text for doc {doc!r}")
        text, start, end = articles[doc], row.get("start"), row.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != row.get("text"):
            raise InputError(f"{doc}: claim {start}-{end} does not match the article (edited since labelling?)")
        grouped.setdefault(doc, []).append(row)
    yield from grouped.items()
    yield from ((doc, []) for doc in articles if doc not in grouped)


def to_labelstudio(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str],
                   model_version: str = f"stance {__version__}") -> list[dict[str, Any]]:
    """Label Studio tasks with our claims as ``predictions``.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label`` (`stance.output.claim_row`).
    articles : mapping
        Doc id → full article text the offsets point into.
    model_version : str
        Shown by Label Studio for the prediction.

    Returns
    -------
    list of dict
        Tasks ``{"data": {"text", "doc", "date"}, "predictions": [...]}``; the prediction
        score is the lowest claim score, so sorting by it puts the doubtful articles first.
    """
    tasks = []
    for doc, claims in _by_article(rows, articles):
        result: list[dict[str, Any]] = []
        for i, row in enumerate(claims):
            span = {"start": row["start"], "end": row["end"]}
            result.append({"id": f"c{i}", "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {**span, "text": row["text"], "labels": [row["label"]]},
                           **({"score": row["score"]} if row.get("score") is not None else {})})
            if _speakers(row):
                result.append({"id": f"c{i}", "from_name": "speakers", "to_name": "text", "type": "textarea",
                               "value": {**span, "text": _speakers(row)}})
        scores = [r["score"] for r in claims if r.get("score") is not None]
        date = next((r["date"] for r in claims if r.get("date")), None)
        prediction = {"model_version": model_version, "result": result, **({"score": min(scores)} if scores else {})}
        tasks.append({"data": {"text": articles[doc], "doc": doc, **({"date": date} if date else {})},
                      "predictions": [prediction] if claims else []})
    return tasks


def to_doccano(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str]) -> Iterator[dict[str, Any]]:
    """doccano sequence-labelling lines ``{"text", "label": [[start, end, "progress|rubio"]], "doc"}``.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label``.
    articles : mapping
        Doc id → full article text.

    Yields
    ------
    dict
        One JSONL object per article; a claim without speaker gets the bare stance label.
    """
    for doc, claims in _by_article(rows, articles):
        labels = [[r["start"], r["end"], "|".join([r["label"], "+".join(_speakers(r))]).rstrip("|")] for r in claims]
        date = next((r["date"] for r in claims if r.get("date")), None)
        yield {"text": articles[doc], "label": labels, "doc": doc, **({"date": date} if date else {})}


def _utf16_to_index(text: str, offset: int) -> int:
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _row(doc: Any, text: Any, start: Any, end: Any, label: Any, speakers: list[str], shown: Any,
         where: str) -> dict[str, Any]:
    """One annotation row, checked; raises `AnnotationError` naming ``where``."""
    if not isinstance(doc, str) or not doc:
        raise AnnotationError(f"{where}: no doc id (data.doc / doc field)")
    if not isinstance(text, str) or not text:
        raise AnnotationError(f"{where}: no article text")
    if label not in SPAN_LABELS:
        raise AnnotationError(f"{where}: unknown label {label!r} (expected {', '.join(SPAN_LABELS)})")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise AnnotationError(f"{where}: offsets {start}-{end} outside the text (0-{len(text)})")
    if isinstance(shown, str) and text[start:end] != shown:
        start, end = _utf16_to_index(text, start), _utf16_to_index(text, end)  # older tools count UTF-16 units
        if text[start:end] != shown:
            raise AnnotationError(f"{where}: span text {shown[:40]!r} differs from the article at its offsets")
    base = {"doc": doc, "start": start, "end": end, "text": text[start:end]}
    if label == "ignore":
        return {**base, "ignore": True}
    if not speakers:
        raise AnnotationError(f"{where}: span {start}-{end} has no speaker")
    for sid in speakers:
        if not SPEAKER_ID.match(sid):
            raise AnnotationError(f"{where}: malformed speaker id {sid!r} (lowercase ascii, or *)")
    return {**base, "speakers": speakers, "label": label}


def _split(values: Iterable[Any]) -> list[str]:
    ids = [s.strip().lower() for v in values if isinstance(v, str) for s in _SPLIT.split(v)]
    return list(dict.fromkeys(s for s in ids if s))


def _finish(rows: list[dict[str, Any]], what: str) -> list[dict[str, Any]]:
    if not rows:
        raise AnnotationError(f"no annotated span in the {what} (was it the pre-annotation file?)")
    seen: dict[tuple, dict] = {}
    for row in rows:
        key = (row["doc"], row["start"], row["end"])
        if key in seen and seen[key] != row:
            raise AnnotationError(f"{row['doc']}: two different annotations of span {row['start']}-{row['end']}")
        seen[key] = row
    return sorted(seen.values(), key=lambda r: (r["doc"], r["start"], r["end"]))


def _pick(annotations: Any) -> dict[str, Any] | None:
    """The annotation to keep: ground truth first, then the latest not cancelled."""
    kept = [a for a in annotations or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    kept.sort(key=lambda a: (bool(a.get("ground_truth")), str(a.get("updated_at") or a.get("created_at") or "")))
    return kept[-1] if kept else None


def from_labelstudio(export: Any) -> list[dict[str, Any]]:
    """Annotation rows from a Label Studio JSON export (tasks with ``annotations``).

    Parameters
    ----------
    export : list of dict
        The parsed export. Per task the ground-truth annotation, else the latest one not
        cancelled, is used; tasks nobody annotated are skipped; predictions are ignored.

    Returns
    -------
    list of dict
        ``{doc, start, end, text, speakers, label}`` or ``{doc, start, end, text, ignore}``,
        sorted by doc and offsets.

    Raises
    ------
    AnnotationError
        Naming the task and region: unknown label, offsets outside the text, span text not
        the article slice, missing or malformed speaker, missing doc id.
    """
    if not isinstance(export, list):
        raise AnnotationError("expected a JSON list of tasks (Label Studio 'JSON' export)")
    rows = []
    for number, task in enumerate(export, start=1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            hint = " (JSON-MIN export? use 'JSON')" if isinstance(task, dict) and "label" in task else ""
            raise AnnotationError(f"task #{number}: not a Label Studio task with 'data'{hint}")
        where = f"task {task.get('id', '#' + str(number))}"
        annotation = _pick(task.get("annotations"))
        if annotation is None:
            continue
        regions: dict[Any, dict] = {}
        speakers: dict[Any, list] = {}
        for result in annotation.get("result") or []:
            value = (result.get("value") or {}) if isinstance(result, dict) else {}
            if value and result.get("type") == "labels":
                regions[result.get("id")] = value
            elif value and result.get("type") in ("textarea", "choices"):
                given = value.get("text") or value.get("choices") or []
                speakers.setdefault(result.get("id"), []).extend([given] if isinstance(given, str) else given)
        data = task["data"]
        for rid, value in regions.items():
            labels = value.get("labels") or []
            rows.append(_row(data.get("doc"), data.get("text"), value.get("start"), value.get("end"),
                             labels[0] if len(labels) == 1 else labels, _split(speakers.get(rid, [])),
                             value.get("text"), f"{where} ({data.get('doc')}), region {rid}"))
    return _finish(rows, "Label Studio export")


def from_doccano(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Annotation rows from a doccano sequence-labelling JSONL export.

    Parameters
    ----------
    lines : iterable of str
        Lines of the export: ``{"text", "label": [[start, end, "stance|ids"]], "doc"}`` or
        ``{"text", "entities": [{"start_offset", "end_offset", "label"}], "doc"}``.

    Returns
    -------
    list of dict
        Annotation rows as in `from_labelstudio`.

    Raises
    ------
    AnnotationError
        Naming the line: invalid JSON, unknown label, span without speaker, bad offsets.
    """
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AnnotationError(f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(item, dict):
            raise AnnotationError(f"line {number}: not a JSON object")
        meta = item.get("meta") or item.get("metadata")
        doc = item.get("doc") or (meta.get("doc") if isinstance(meta, dict) else None)
        spans = item.get("label", item.get("labels", item.get("entities"))) or []
        for span in spans if isinstance(spans, list) else [spans]:
            if isinstance(span, dict):
                span = [span.get("start_offset"), span.get("end_offset"), span.get("label")]
            if not isinstance(span, list) or len(span) != 3 or not isinstance(span[2], str):
                raise AnnotationError(f"line {number}: malformed span {span!r} (expected [start, end, label])")
            label, _, ids = span[2].partition("|")
            rows.append(_row(doc, item.get("text", item.get("data")), span[0], span[1], label.strip(),
                             _split([ids]), None, f"line {number} ({doc}), span {span[2]!r}"))
    return _finish(rows, "doccano export")


def _write_atomic(out: Path, content: str, force: bool) -> None:
    """Write ``content`` to a temporary file beside ``out`` and move it into place."""
    if out.is_dir():
        raise OutputError(f"{out}: is a directory")
    if out.exists() and not force:
        raise OutputError(f"{out}: exists; use --force to overwrite")
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=out.parent, prefix=f".{out.name}.",
                                         suffix=".tmp", delete=False) as handle:
            tmp = Path(handle.name)
            handle.write(content)
        os.replace(tmp, out)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def _check_tool(tool: str) -> None:
    if tool not in TOOLS:
        raise StanceError(f"unknown tool {tool!r} (expected {' or '.join(TOOLS)})")


def export_file(pred_jsonl: str | Path, article_dirs: Iterable[str | Path], out: str | Path,
                to: str = "labelstudio", *, force: bool = False) -> int:
    """Write the predictions of ``pred_jsonl`` as pre-annotations for ``to``; return the task count.

    Articles are read as `stance label` reads them (``<doc>.txt`` in ``article_dirs``). The
    output (a JSON list for Label Studio, JSONL for doccano) is written atomically and an
    existing ``out`` is only replaced with ``force``; raises `InputError` or `OutputError`.
    """
    _check_tool(to)
    path, folders = Path(pred_jsonl), [Path(d) for d in article_dirs]
    rows = []
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or not row.get("doc") or not row.get("label"):
            raise InputError(f"{path}:{number}: not a labelled claim with a doc id (output of stance label?)")
        rows.append(row)
    articles = {}
    for doc in dict.fromkeys(r["doc"] for r in rows):
        found = find_articles(doc, folders)
        if found is None:
            raise InputError(f"{doc}.txt not found in {', '.join(map(str, folders)) or 'no folder'} (use --articles)")
        articles[doc] = read_text(found)
    try:
        if to == "labelstudio":
            tasks = to_labelstudio(rows, articles)
            content = json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"
        else:
            tasks = list(to_doccano(rows, articles))
            content = "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks)
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    _write_atomic(Path(out), content, force)
    return len(tasks)


def import_file(export_path: str | Path, out_jsonl: str | Path, from_: str = "labelstudio", *,
                force: bool = False, article_dirs: Iterable[str | Path] = ()) -> int:
    """Turn a tool export into an annotation file (guide §4); return the number of rows.

    With ``article_dirs``, each span is also checked against ``<doc>.txt`` so the rows pass
    `stance.annotations.validate`. Errors name the export file and the task or line.
    """
    _check_tool(from_)
    path, folders = Path(export_path), [Path(d) for d in article_dirs]
    content = _read(path)
    try:
        if from_ == "labelstudio":
            try:
                export = json.loads(content)
            except json.JSONDecodeError as exc:
                raise AnnotationError(f"invalid JSON: {exc.msg} (line {exc.lineno})") from None
            rows = from_labelstudio(export)
        else:
            rows = from_doccano(content.splitlines())
        texts: dict[str, str] = {}
        for row in rows if folders else []:
            if row["doc"] not in texts:
                found = find_articles(row["doc"], folders)
                if found is None:
                    raise AnnotationError(f"{row['doc']}.txt not found in the article folders")
                texts[row["doc"]] = read_text(found)
            if texts[row["doc"]][row["start"]:row["end"]] != row["text"]:
                raise AnnotationError(f"{row['doc']}: span {row['start']}-{row['end']} differs from {row['doc']}.txt")
    except AnnotationError as exc:
        raise AnnotationError(f"{path}: {exc}") from None
    _write_atomic(Path(out_jsonl), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), force)
    return len(rows)
