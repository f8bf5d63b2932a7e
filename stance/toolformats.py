"""Exchange with annotation tools: predictions out as pre-annotations, corrected exports back in.

One task per article, one span per claim labelled with its stance (annotators may also use
``any`` and ``ignore``, guide §3-4); offsets are code points into the article as read.

Label Studio (project set up with `LABEL_CONFIG`; tasks with ``predictions`` out, the "JSON"
export back; doc id in ``data.doc``): a claim is a ``labels`` result (``from_name="label"``)
plus a per-region ``textarea`` result (``from_name="speakers"``, ``value.text``: speaker ids)
with the same region ``id``, so relabelling, resizing or deleting a span carries its speakers.

doccano (sequence-labelling JSONL ``{"text", "label": [[start, end, label]], "doc"}``): spans
have no attributes, so speakers are in the label, ``progress|rubio`` or ``position|rubio+witkoff``;
``doc`` becomes metadata, exported back as a top-level key. Relation projects' exports
(``entities`` with ``start_offset``/``end_offset``/``label``) are read too.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from . import __version__
from .annotations import SPEAKER_ID
from .errors import AnnotationError, InputError
from .records import LABELS

TOOLS = ("labelstudio", "doccano")
SPAN_LABELS = (*LABELS, "any", "ignore")
LABEL_CONFIG = ('<View>\n  <Style>.htx-text { white-space: pre-wrap; }</Style>\n  <Labels name="label" toName="text">\n'
                + "".join(f'    <Label value="{name}"/>\n' for name in SPAN_LABELS)
                + '  </Labels>\n  <Text name="text" value="$text"/>\n'
                '  <TextArea name="speakers" toName="text" perRegion="true" editable="true" displayMode="region-list"'
                ' placeholder="speaker id(s), e.g. rubio"/>\n</View>\n')
_SPLIT = re.compile(r"[,;+\n]")
Row = dict[str, Any]


def _speakers(row: Mapping[str, Any]) -> list[str]:
    return list(row.get("speakers") or ([row["speaker"]] if row.get("speaker") else []))


def _by_article(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str]) -> Iterator[tuple[str, list, Row]]:
    """(doc, claims, task metadata) for the docs of ``rows`` in order, then articles without claims."""
    grouped: dict[str, list] = {}
    for row in rows:
        doc, start, end = row.get("doc"), row.get("start"), row.get("end")
        if not isinstance(doc, str) or doc not in articles:
            raise InputError(f"no article text for doc {doc!r}")
        if not isinstance(start, int) or not isinstance(end, int) or articles[doc][start:end] != row.get("text"):
            raise InputError(f"{doc}: claim {start}-{end} does not match the article (edited since labelling?)")
        grouped.setdefault(doc, []).append(row)
    for doc in [*grouped, *(d for d in articles if d not in grouped)]:
        claims = grouped.get(doc, [])
        date = next((r["date"] for r in claims if r.get("date")), None)
        meta: Row = {"doc": doc, "date": date} if date else {"doc": doc}
        yield doc, claims, meta


def to_labelstudio(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str],
                   model_version: str = f"stance {__version__}") -> list[Row]:
    """Label Studio tasks carrying our claims as ``predictions``.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label`` (`stance.output.claim_row`).
    articles : mapping of str to str
        Doc id to the article text the offsets point into.
    model_version : str
        Shown by Label Studio beside the prediction.

    Returns
    -------
    list of dict
        ``{"data": {"text", "doc", "date"}, "predictions": [...]}`` per article; the prediction
        score is the lowest claim score, so sorting by it puts doubtful articles first.
    """
    tasks = []
    for doc, claims, meta in _by_article(rows, articles):
        result: list[Row] = []
        for i, row in enumerate(claims):
            span = {"start": row["start"], "end": row["end"]}
            result.append({"id": f"c{i}", "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {**span, "text": row["text"], "labels": [row["label"]]},
                           **({"score": row["score"]} if row.get("score") is not None else {})})
            if _speakers(row):
                result.append({"id": f"c{i}", "from_name": "speakers", "to_name": "text", "type": "textarea",
                               "value": {**span, "text": _speakers(row)}})
        scores = [r["score"] for r in claims if r.get("score") is not None]
        prediction = {"model_version": model_version, "result": result, **({"score": min(scores)} if scores else {})}
        data: Row = {"text": articles[doc], **meta}
        tasks.append({"data": data, "predictions": [prediction] if claims else []})
    return tasks


def to_doccano(rows: Iterable[Mapping[str, Any]], articles: Mapping[str, str]) -> Iterator[Row]:
    """doccano sequence-labelling lines ``{"text", "label": [[start, end, "progress|rubio"]], "doc"}``.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label``.
    articles : mapping of str to str
        Doc id to the full article text.

    Yields
    ------
    dict
        One JSONL object per article; a claim without speaker gets the bare stance label.
    """
    for doc, claims, meta in _by_article(rows, articles):
        labels = [[r["start"], r["end"], "|".join([r["label"], "+".join(_speakers(r))]).rstrip("|")] for r in claims]
        yield {"text": articles[doc], "label": labels, **meta}


def _utf16_to_index(text: str, offset: int) -> int:
    return len(text.encode("utf-16-le")[:2 * offset].decode("utf-16-le", "ignore"))


def _row(doc: Any, text: Any, start: Any, end: Any, label: Any, speakers: list[str], shown: Any, where: str) -> Row:
    """One checked annotation row; `AnnotationError` messages start with ``where``."""
    if not isinstance(doc, str) or not doc:
        raise AnnotationError(f"{where}: no doc id (data.doc / doc field)")
    if not isinstance(text, str) or not text:
        raise AnnotationError(f"{where}: no article text")
    if label not in SPAN_LABELS:
        raise AnnotationError(f"{where}: unknown label {label!r} (expected one of {', '.join(SPAN_LABELS)})")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise AnnotationError(f"{where}: offsets {start!r}-{end!r} are not integers with 0 <= start < end")
    if isinstance(shown, str) and text[start:end] != shown:  # older Label Studio counted UTF-16 code units
        units = _utf16_to_index(text, start), _utf16_to_index(text, end)
        start, end = units if text[units[0]:units[1]] == shown else (start, end)
    if end > len(text):
        raise AnnotationError(f"{where}: offsets {start}-{end} outside the text (0-{len(text)})")
    if isinstance(shown, str) and text[start:end] != shown:
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


def _finish(rows: list[Row], what: str) -> list[Row]:
    if not rows:
        raise AnnotationError(f"no annotated span in the {what} (was it the pre-annotation file?)")
    seen: dict[tuple, Row] = {}
    for row in rows:
        key = (row["doc"], row["start"], row["end"])
        if seen.setdefault(key, row) != row:
            raise AnnotationError(f"{row['doc']}: two different annotations of span {row['start']}-{row['end']}")
    return sorted(seen.values(), key=lambda r: (r["doc"], r["start"], r["end"]))


def from_labelstudio(export: Any) -> list[Row]:
    """Annotation rows from a Label Studio "JSON" export.

    Parameters
    ----------
    export : list of dict
        The parsed export. Per task the ground-truth annotation, else the latest one not
        cancelled, is read; unannotated tasks and predictions are skipped.

    Returns
    -------
    list of dict
        ``{doc, start, end, text, speakers, label}`` or ``{doc, start, end, text, ignore}``
        sorted by doc and offsets, ``text`` being the article slice.

    Raises
    ------
    AnnotationError
        Naming task and region: unknown label, offsets outside the text or not matching its
        span text, missing or malformed speaker, no doc id, nothing annotated.
    """
    if not isinstance(export, list):
        raise AnnotationError("expected a JSON list of tasks (Label Studio 'JSON' export)")
    rows = []
    for number, task in enumerate(export, start=1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            hint = " (JSON-MIN export? use 'JSON')" if isinstance(task, dict) and "label" in task else ""
            raise AnnotationError(f"task #{number}: not a Label Studio task with 'data'{hint}")
        kept = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
        kept.sort(key=lambda a: (bool(a.get("ground_truth")), str(a.get("updated_at") or a.get("created_at") or "")))
        regions: dict[Any, Row] = {}
        speakers: dict[Any, list] = {}
        for result in kept[-1].get("result") or [] if kept else []:
            value = (result.get("value") or {}) if isinstance(result, dict) else {}
            if value and result.get("type") == "labels":
                regions[result.get("id")] = value
            elif value and result.get("type") in ("textarea", "choices"):
                given = value.get("text") or value.get("choices") or []
                speakers.setdefault(result.get("id"), []).extend([given] if isinstance(given, str) else given)
        data, where = task["data"], f"task {task.get('id', '#' + str(number))} ({task['data'].get('doc')})"
        for rid, value in regions.items():
            labels = value.get("labels") or []
            rows.append(_row(data.get("doc"), data.get("text"), value.get("start"), value.get("end"),
                             labels[0] if len(labels) == 1 else labels, _split(speakers.get(rid, [])),
                             value.get("text"), f"{where}, region {rid}"))
    return _finish(rows, "Label Studio export")


def from_doccano(lines: Iterable[str]) -> list[Row]:
    """Annotation rows from a doccano sequence-labelling JSONL export.

    Parameters
    ----------
    lines : iterable of str
        ``{"text", "label": [[start, end, "stance|ids"]], "doc"}`` per line, or with
        ``"entities": [{"start_offset", "end_offset", "label"}]`` (projects with relations).

    Returns
    -------
    list of dict
        Annotation rows as `from_labelstudio` returns them.

    Raises
    ------
    AnnotationError
        Naming line and span: invalid JSON, unknown label, no speaker, bad offsets, no doc.
    """
    rows = []
    for number, line in enumerate(lines, start=1):
        try:
            item = json.loads(line) if line.strip() else {}
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
