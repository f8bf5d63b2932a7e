"""`stance segment` and `stance attribute`: the first stages on their own."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._common import Fmt, app, command, read_documents, write_rows


@app.command()
@command
def segment(paths: Annotated[list[str], typer.Argument(help="Files, folders (*.txt, recursive) or - for stdin.")],
            fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl) -> None:
    """Split articles into sentences and zoned lines (doc, index, start, end, kind, text)."""
    from ..segment import split_sentences

    documents, failed = read_documents(paths)
    rows = [{"doc": d.doc, "index": s.index, "start": s.start, "end": s.end, "kind": s.kind, "text": s.text}
            for d in documents for s in split_sentences(d.text)]
    write_rows(rows, fmt.value, ["doc", "index", "start", "end", "kind", "text"])
    if failed:
        raise typer.Exit(1)


@app.command()
@command
def attribute(paths: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
              fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl,
              speakers: Annotated[Path | None, typer.Option(help="TOML file adding speakers.")] = None) -> None:
    """Find claims and their speakers (no stance): the attribution stage alone."""
    from ..claims import extract_claims
    from ..speakers import load_registry

    registry = load_registry(speakers)
    columns = ["doc", "start", "end", "speaker", "speakers", "speaker_mention", "cue", "method", "text"]
    rows = []
    documents, failed = read_documents(paths)
    for document in documents:
        for claim in extract_claims(document.text, doc=document.doc, registry=registry):
            row = claim.to_dict()
            rows.append({c: row[c] for c in columns})
    write_rows(rows, fmt.value, columns)
    if failed:
        raise typer.Exit(1)
