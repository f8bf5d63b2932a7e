"""`stance segment` and `stance attribute`: the first stages on their own."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._common import Fmt, app, command, write_rows
from ._common import read_documents


@app.command()
@command
def segment(paths: Annotated[list[str], typer.Argument(help="Files, folders (*.txt, recursive) or - for stdin.")],
            fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl) -> None:
    """Split articles into sentences and zoned lines (doc, index, start, end, kind, text)."""
    from ..segment import split_sentences

    rows = [{"doc": d.doc, "index": s.index, "start": s.start, "end": s.end, "kind": s.kind, "text": s.text}
            for d in read_documents(paths) for s in split_sentences(d.text)]
    write_rows(rows, fmt.value, ["doc", "index", "start", "end", "kind", "text"])


@app.command()
@command
def attribute(paths: Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.")],
              fmt: Annotated[Fmt, typer.Option("--format", help="jsonl or table.")] = Fmt.jsonl,
              speakers: Annotated[Optional[Path], typer.Option(help="TOML file adding speakers.")] = None) -> None:
    """Find claims and their speakers (no stance): the attribution stage alone."""
    from ..claims import extract_claims
    from ..speakers import load_registry

    registry = load_registry(speakers)
    columns = ["doc", "start", "end", "speaker", "speakers", "speaker_mention", "cue", "method", "text"]
    rows = []
    for document in read_documents(paths):
        for claim in extract_claims(document.text, doc=document.doc, registry=registry):
            row = claim.to_dict()
            rows.append({c: row[c] for c in columns})
    write_rows(rows, fmt.value, columns)
