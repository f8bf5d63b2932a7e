"""One self-contained HTML page of labelled claims: charts per speaker and over time, and
each article with its claims highlighted in the original text.

The page needs no network: inline CSS and inline SVG only, no scripts, no external fonts.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path
from typing import Any

from .charts import COLOURS, TINTS, bar_chart, count_noun, legend, speaker_of, timeline
from .documents import read_text
from .errors import InputError, OutputError
from .records import LABELS
from .segment import split_sentences
from .summary import period_of, read_output

log = logging.getLogger("stance")

_CSS = """
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d232b;
 background:#fff;max-width:1100px;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde1e6}
h3{font-size:1rem;margin:1.4rem 0 .3rem;font-family:ui-monospace,Menlo,Consolas,monospace}
.meta,.note{color:#5d6670;font-size:.9rem}.legend{display:flex;gap:1.2rem;margin:.4rem 0 .8rem;font-size:.9rem}
.legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;vertical-align:-.1em}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#2b323b}
svg .num{fill:#fff;font-weight:600;pointer-events:none}svg .axis{fill:#6b7480;font-size:10.5px}
.panels{display:flex;flex-wrap:wrap;gap:.8rem 1.6rem}.panel h4{margin:.2rem 0;font-size:.9rem}
.article{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #e3e6ea;border-radius:6px;padding:.8rem 1rem;
 background:#fcfcfd}
.zone{color:#9aa1aa}
mark.c{color:inherit;border-radius:3px;padding:.05em .15em;-webkit-box-decoration-break:clone;
 box-decoration-break:clone}
.tag{font:600 11px/1.3 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#fff;border-radius:3px;
 padding:0 .35em;margin-right:.3em;white-space:nowrap;vertical-align:.08em}
ul.claims{padding-left:1.2rem}ul.claims li{margin:.3rem 0}
mark.unlabelled{background:#eceef1;border-bottom:2px dashed #8a929c}.tag.unlabelled{background:#8a929c}
""" + "".join(f"mark.{lab}{{background:{TINTS[lab]};border-bottom:2px solid {COLOURS[lab]}}}"
              f".tag.{lab},.legend i.{lab}{{background:{COLOURS[lab]}}}" for lab in LABELS)



def _hover(row: dict[str, Any]) -> str:
    label, probs = row.get("label"), row.get("probabilities")
    prob = probs.get(label) if isinstance(probs, dict) else None
    prob = prob if isinstance(prob, (int, float)) else row.get("score")
    lines = [f"{speaker_of(row)} · {label}"]
    if row.get("rule"):
        lines.append(f"rule: {row['rule']}")
    elif isinstance(prob, (int, float)):
        lines.append(f"p({label}) = {prob:.2f}")
    lines.append(f"source: {row.get('source') or '?'}")
    if row.get("speaker_mention"):
        lines.append(f"said by: {row['speaker_mention']}" + (f" ({row['cue']})" if row.get("cue") else ""))
    return "\n".join(lines)


def _mark(row: dict[str, Any], inner: str) -> str:
    label = row.get("label") if row.get("label") in LABELS else "unlabelled"
    return (f'<mark class="c {label}" title="{escape(_hover(row))}"><span class="tag {label}">'
            f'{escape(speaker_of(row))}</span>{inner}</mark>')


def _article_html(text: str, claims: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    grey = [(u.start, u.end) for u in split_sentences(text) if u.kind != "sentence"]

    def plain(a: int, b: int) -> str:
        out, pos = [], a
        for s, e in grey:
            if e <= a or s >= b:
                continue
            s, e = max(s, a), min(e, b)
            out += [escape(text[pos:s]), f'<span class="zone">{escape(text[s:e])}</span>']
            pos = e
        return "".join(out) + escape(text[pos:b])

    out, unplaced, pos = [], [], 0
    for row in sorted(claims, key=lambda r: [v if isinstance(v, int) else -1 for v in (r.get("start"), r.get("end"))]):
        start, end = row.get("start"), row.get("end")
        if (not isinstance(start, int) or not isinstance(end, int) or not pos <= start < end <= len(text)
                or (isinstance(row.get("text"), str) and text[start:end] != row["text"])):
            unplaced.append(row)
            continue
        out += [plain(pos, start), _mark(row, plain(start, end))]
        pos = end
    out.append(plain(pos, max(pos, len(text.rstrip()))))
    return "".join(out), unplaced


def _claim_list(claims: list[dict[str, Any]]) -> str:
    items = "".join(f"<li>{_mark(r, escape(str(r.get('text') or '')))}</li>" for r in claims)
    return f'<ul class="claims">{items}</ul>'


def _articles(rows: list[dict[str, Any]], articles: dict[str, str]) -> str:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_doc.setdefault(str(row.get("doc") or "(no doc)"), []).append(row)
    for doc in sorted(articles):
        by_doc.setdefault(doc, [])
    out = []
    for doc, claims in by_doc.items():
        counts = ", ".join(f"{lab} {sum(1 for c in claims if c.get('label') == lab)}" for lab in LABELS)
        when = next((str(c["date"]) for c in claims if c.get("date")), "no date")
        out.append(f'<section id="doc-{escape(doc)}"><h3>{escape(doc)}</h3><p class="meta">{escape(when)} · '
                   f'{count_noun(len(claims), "claim")} ({counts})</p>')
        if doc in articles:
            body, unplaced = _article_html(articles[doc], claims)
            out.append(f'<div class="article">{body}</div>')
            if unplaced:
                out.append(f'<p class="note">{count_noun(len(unplaced), "claim")} whose offsets do not fit the article '
                           f'text:</p>{_claim_list(unplaced)}')
        else:
            out.append('<p class="note">Article text not found; its claims:</p>' + _claim_list(claims))
        out.append("</section>")
    return "".join(out)


def render_html(rows: Iterable[dict[str, Any]], articles: dict[str, str] | None = None,
                title: str = "Stance report", freq: str = "week") -> str:
    """One self-contained HTML page: stance counts per speaker, a timeline, highlighted articles.

    Parameters
    ----------
    rows : iterable of dict
        Output rows of ``stance label`` (see :data:`stance.output.FIELDS`).
    articles : dict of str to str, optional
        Article text per doc id, as read by :func:`stance.documents.read_text` (the
        offsets of the rows index into it). Claims of an article without text are listed.
    title : str
        Page title.
    freq : {"day", "week", "month"}
        Period of the timeline.

    Returns
    -------
    str
        The HTML page (inline CSS and SVG, no script, no external reference).

    Raises
    ------
    ConfigError
        On an unknown ``freq``.
    """
    rows = list(rows)
    articles = articles or {}
    period_of(None, freq)  # checks freq
    labelled = [r for r in rows if r.get("label") in LABELS]
    totals = " · ".join(f"{lab} {sum(1 for r in labelled if r['label'] == lab)}" for lab in LABELS)
    docs = len({r.get("doc") for r in rows} | set(articles))
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{escape(title)}</title>'
            f'<style>{_CSS}</style></head><body><h1>{escape(title)}</h1>'
            f'<p class="meta">{len(rows)} claims in {docs} articles: {totals}</p>{legend()}'
            f'<h2>Claims per speaker</h2>{bar_chart(labelled)}'
            f'<h2>Stance shares over time (per {escape(freq)}, top speakers)</h2>{timeline(labelled, freq)}'
            f'<h2>Articles</h2><p class="note">Claims are highlighted by stance with their speaker; hover for '
            f'the rule or probability and the source. Greyed lines are zoned out (headers, bylines, '
            f'boilerplate).</p>{_articles(rows, articles)}</body></html>\n')


def _find_articles(docs: Iterable[str], dirs: Sequence[str | Path]) -> dict[str, str]:
    found: dict[str, str] = {}
    for folder in map(Path, dirs):
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder of articles")
        missing = set(docs) - set(found)
        paths = {doc: folder / f"{doc}.txt" for doc in missing if (folder / f"{doc}.txt").is_file()}
        for path in sorted(folder.rglob("*.txt")) if missing - set(paths) else []:
            if path.stem in missing:
                paths.setdefault(path.stem, path)
        for doc, path in sorted(paths.items()):
            try:
                found[doc] = read_text(path)
            except InputError as exc:
                log.warning("%s", exc)
    return found


def write_report(outputs: Iterable[str | Path], article_dirs: Sequence[str | Path] | None, out_html: str | Path,
                 title: str = "Stance report", freq: str = "week") -> Path:
    """Read ``stance label`` outputs, find ``<doc>.txt`` articles, write the HTML page atomically.

    Parameters
    ----------
    outputs : iterable of str or Path
        JSONL output files or folders (see :func:`stance.summary.read_output`).
    article_dirs : sequence of str or Path, optional
        Folders searched (first directly, then recursively) for ``<doc>.txt``.
    out_html : str or Path
        The page to write (a temporary file beside it is renamed over it).
    title, freq : str
        As in :func:`render_html`.

    Returns
    -------
    Path
        The written page.

    Raises
    ------
    InputError
        On an unreadable output file or a missing article folder.
    OutputError
        When the page cannot be written.
    """
    rows = list(read_output(outputs))
    docs = {str(r["doc"]) for r in rows if r.get("doc")}
    page = render_html(rows, _find_articles(docs, article_dirs or []), title=title, freq=freq)
    target = Path(out_html)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target
