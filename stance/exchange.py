"""Files for annotation tools: export predictions as pre-annotations, import corrected exports.

The formats themselves (Label Studio tasks and exports, doccano JSONL) are in
:mod:`stance.toolformats`; this module reads and writes the files, atomically.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .annotations import find_articles
from .documents import read_text
from .errors import AnnotationError, InputError, OutputError, StanceError
from .persist import atomic_write_bytes
from .toolformats import LABEL_CONFIG, SPAN_LABELS, TOOLS, from_doccano, from_labelstudio, to_doccano, to_labelstudio

__all__ = ["LABEL_CONFIG", "SPAN_LABELS", "TOOLS", "export_file", "from_doccano", "from_labelstudio", "import_file",
           "to_doccano", "to_labelstudio"]


def _write_atomic(out: Path, content: str, force: bool) -> None:
    if out.is_dir() or (out.exists() and not force):
        raise OutputError(f"{out}: " + ("is a directory" if out.is_dir() else "exists; use --force to overwrite"))
    try:
        atomic_write_bytes(out, content.encode("utf-8"))  # temporary file + os.replace
    except OSError as exc:
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _read(path: Path, tool: str) -> str:
    if tool not in TOOLS:
        raise StanceError(f"unknown tool {tool!r} (expected {' or '.join(TOOLS)})")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None


def _load_articles(docs: Iterable[str], folders: list[Path], error: type[StanceError]) -> dict[str, str]:
    articles = {}
    for doc in dict.fromkeys(docs):
        found = find_articles(doc, folders)
        if found is None:
            raise error(f"{doc}.txt not found in {', '.join(map(str, folders)) or 'no folder'} (use --articles)")
        articles[doc] = read_text(found)  # as `stance label` reads it
    return articles


def export_file(pred_jsonl: str | Path, article_dirs: Iterable[str | Path], out: str | Path,
                to: str = "labelstudio", *, force: bool = False) -> int:
    """Write ``stance label`` predictions as a tool's pre-annotations; return the task count.

    Parameters
    ----------
    pred_jsonl : str or Path
        JSONL output of ``stance label``.
    article_dirs : iterable of str or Path
        Folders holding ``<doc>.txt``.
    out : str or Path
        Tasks file (JSON list for Label Studio, JSONL for doccano), written atomically.
    to : {"labelstudio", "doccano"}
        The tool.
    force : bool
        Replace an existing ``out``.

    Raises
    ------
    InputError
        Unreadable predictions, a missing article, or claims that no longer match it.
    OutputError
        ``out`` exists without ``force`` or cannot be written.
    """
    path, rows = Path(pred_jsonl), []
    for number, line in enumerate(_read(path, to).splitlines(), start=1):
        try:
            row = json.loads(line) if line.strip() else None
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
        if row is not None and (not isinstance(row, dict) or not row.get("doc") or not row.get("label")):
            raise InputError(f"{path}:{number}: not a labelled claim with a doc id (output of stance label?)")
        rows += [row] if row is not None else []
    articles = _load_articles((r["doc"] for r in rows), [Path(d) for d in article_dirs], InputError)
    try:
        tasks = to_labelstudio(rows, articles) if to == "labelstudio" else list(to_doccano(rows, articles))
    except InputError as exc:
        raise InputError(f"{path}: {exc}") from None
    _write_atomic(Path(out), json.dumps(tasks, ensure_ascii=False, indent=1) + "\n" if to == "labelstudio"
                  else "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), force)
    return len(tasks)


def import_file(export_path: str | Path, out_jsonl: str | Path, from_: str = "labelstudio", *,
                force: bool = False, article_dirs: Iterable[str | Path] = ()) -> int:
    """Turn a tool's export into an annotation file (guide §4); return the row count.

    Parameters
    ----------
    export_path : str or Path
        Label Studio "JSON" export, or doccano JSONL export.
    out_jsonl : str or Path
        Annotation file to write, atomically.
    from_ : {"labelstudio", "doccano"}
        The tool.
    force : bool
        Replace an existing ``out_jsonl``.
    article_dirs : iterable of str or Path
        If given, spans are also checked against ``<doc>.txt`` there (what
        `stance.annotations.validate` checks with the same folders).

    Raises
    ------
    AnnotationError
        A bad export; the message names the file, then the task or line.
    OutputError
        ``out_jsonl`` exists without ``force`` or cannot be written.
    """
    path = Path(export_path)
    content = _read(path, from_)
    try:
        if from_ == "doccano":
            rows = from_doccano(content.splitlines())
        else:
            try:
                export = json.loads(content)
            except json.JSONDecodeError as exc:
                raise AnnotationError(f"invalid JSON: {exc.msg} (line {exc.lineno})") from None
            rows = from_labelstudio(export)
        folders = [Path(d) for d in article_dirs]
        texts = _load_articles((r["doc"] for r in rows), folders, AnnotationError) if folders else {}
        for row in rows if folders else []:
            if texts[row["doc"]][row["start"]:row["end"]] != row["text"]:
                raise AnnotationError(f"{row['doc']}: span {row['start']}-{row['end']} differs from {row['doc']}.txt")
    except AnnotationError as exc:
        raise AnnotationError(f"{path}: {exc}") from None
    _write_atomic(Path(out_jsonl), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), force)
    return len(rows)
