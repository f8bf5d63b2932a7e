"""Output rows of labelled claims: the documented fields, as JSONL or CSV lines."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from .records import Claim

FIELDS = ("doc", "date", "start", "end", "text", "speaker", "speakers", "speaker_mention", "label", "score",
          "probabilities", "source", "rule", "cue", "method", "evidence")


def claim_row(claim: Claim) -> dict[str, Any]:
    """The output fields of a claim (``meta`` added when the document had metadata)."""
    row = claim.to_dict()
    out = {k: row.get(k) for k in FIELDS}
    if claim.meta:
        out["meta"] = claim.meta
    return out


def jsonl_line(claim: Claim) -> str:
    """One JSON line (UTF-8 text, not escaped)."""
    return json.dumps(claim_row(claim), ensure_ascii=False) + "\n"


def csv_header() -> str:
    """The CSV header line."""
    return csv_line(dict.fromkeys(FIELDS + ("meta",), None), header=True)


def csv_line(row: dict[str, Any], header: bool = False) -> str:
    """One CSV line; lists and dicts are JSON-encoded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(list(row))
    else:
        writer.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else ("" if v is None else v)
                         for v in (row.get(k) for k in FIELDS + ("meta",))])
    return buffer.getvalue()


def format_claim(claim: Claim, fmt: str) -> str:
    """A claim as a JSONL or CSV line."""
    return jsonl_line(claim) if fmt == "jsonl" else csv_line(claim_row(claim))
