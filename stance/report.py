"""One self-contained HTML page of labelled claims: charts per speaker and over time, and
each article with its claims highlighted in the original text.

The page needs no network: inline CSS and inline SVG only, no scripts, no external fonts.
"""
from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

from .documents import read_text
from .errors import InputError, OutputError
from .records import LABELS
from .segment import split_sentences
from .summary import UNDATED, UNKNOWN_SPEAKER, period_of, read_output, summarize

log = logging.getLogger("stance")
COLOURS = {"progress": "#2e7d32", "obstacle": "#c62828", "position": "#4f6b8f"}
TINTS = {"progress": "#dcefdc", "obstacle": "#f9dada", "position": "#e1e8f2"}
MAX_BARS = 40
TIMELINE_SPEAKERS = 6

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


def _speaker(row: dict[str, Any]) -> str:
    return _display(str(row.get("speaker") or UNKNOWN_SPEAKER))


def _display(speaker: str) -> str:
    return "* (group)" if speaker == "*" else speaker


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _legend() -> str:
    items = "".join(f'<span><i class="{lab}"></i>{lab}</span>' for lab in LABELS)
    return f'<div class="legend" aria-label="legend">{items}</div>'


def _bar_chart(rows: list[dict[str, Any]]) -> str:
    stats = summarize(rows, ("speaker",))
    if not stats:
        return '<p class="note">No labelled claims.</p>'
    shown = stats[:MAX_BARS]
    label_w, bar_w, row_h = 170, 560, 24
    width, height = label_w + bar_w + 44, row_h * len(shown) + 8
    most = max(r["claims"] for r in shown)
    out = [(f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="bars-t"><title id="bars-t">Claims per speaker, by stance</title>')]
    for i, stat in enumerate(shown):
        y, name = 4 + i * row_h, _display(stat["speaker"])
        short = name if len(name) <= 24 else name[:23] + "…"
        out.append(f'<text x="{label_w - 8}" y="{y + row_h / 2:.1f}" text-anchor="end" dominant-baseline="central">'
                   f'<title>{escape(name)}</title>{escape(short)}</text>')
        x = float(label_w)
        for lab in LABELS:
            if not stat[lab]:
                continue
            w = bar_w * stat[lab] / most
            out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{COLOURS[lab]}">'
                       f'<title>{escape(name)}: {stat[lab]} {lab} of {stat["claims"]} '
                       f'({stat[lab + "_share"]:.0%})</title></rect>')
            if w >= 16:
                out.append(f'<text class="num" x="{x + w / 2:.1f}" y="{y + row_h / 2:.1f}" text-anchor="middle" '
                           f'dominant-baseline="central" aria-hidden="true">{stat[lab]}</text>')
            x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + row_h / 2:.1f}" dominant-baseline="central">{stat["claims"]}</text>')
    out.append("</svg>")
    if len(stats) > len(shown):
        out.append(f'<p class="note">{len(stats) - len(shown)} more speakers not shown.</p>')
    return "".join(out)


def _timeline(rows: list[dict[str, Any]], freq: str) -> str:
    dated = [r for r in rows if r.get("label") in LABELS and period_of(r.get("date"), freq) != UNDATED]
    undated = sum(1 for r in rows if r.get("label") in LABELS) - len(dated)
    if not dated:
        return '<p class="note">No dated claims: no timeline.</p>'
    top = summarize(dated, ("speaker",))[:TIMELINE_SPEAKERS]
    cells = {(c["speaker"], c["period"]): c for c in summarize(dated, ("speaker", "date"), freq)}
    periods = _period_range(min(p for _, p in cells), max(p for _, p in cells), freq)
    width, height, left, top_pad, bottom = 320, 140, 34, 6, 20
    plot_w, plot_h = width - left - 8, height - top_pad - bottom
    step = min(44.0, plot_w / len(periods))
    gap = min(3.0, step * 0.2)
    panels = []
    for stat in top:
        name = _display(stat["speaker"])
        out = [(f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">'
                f'<title>{escape(name)}: share of each stance per {freq}</title>'
                f'<rect x="{left}" y="{top_pad}" width="{plot_w}" height="{plot_h}" fill="#f4f6f8"/>')]
        out += [f'<text class="axis" x="{left - 4}" y="{top_pad + plot_h * (1 - share):.1f}" text-anchor="end" '
                f'dominant-baseline="central">{share:.0%}</text>' for share in (1.0, 0.5, 0.0)]
        for i, period in enumerate(periods):
            cell = cells.get((stat["speaker"], period))
            if cell is None:
                continue
            x, y = left + i * step + gap / 2, float(top_pad + plot_h)
            for lab in LABELS:
                h = plot_h * cell[lab] / cell["claims"]
                if h:
                    y -= h
                    out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(step - gap, 1):.1f}" height="{h:.1f}" '
                               f'fill="{COLOURS[lab]}"><title>{escape(name)}, {period}: {cell[lab]} {lab} of '
                               f'{cell["claims"]} ({cell[lab + "_share"]:.0%})</title></rect>')
        span = f"{periods[0]} – {periods[-1]}" if len(periods) > 1 else periods[0]
        ticks = [(left, "start", periods[0]), (left + len(periods) * step, "end", periods[-1])]
        for x, anchor, text in ticks if len(periods) * step >= 150 else [(left, "start", span)]:
            out.append(f'<text class="axis" x="{x:.1f}" y="{height - 5}" text-anchor="{anchor}">{text}</text>')
        out.append("</svg>")
        panels.append(f'<div class="panel"><h4>{escape(name)} <span class="meta">{_n(stat["claims"], "dated claim")}'
                      f'</span></h4>{"".join(out)}</div>')
    note = f'<p class="note">{_n(undated, "undated claim")} not shown.</p>' if undated else ""
    return f'<div class="panels">{"".join(panels)}</div>{note}'


def _period_range(first: str, last: str, freq: str) -> list[str]:
    """Every period from ``first`` to ``last``, so that the x axis is proportional to time."""
    if freq == "month":
        (y0, m0), (y1, m1) = (map(int, p.split("-")) for p in (first, last))
        return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    start, end, days = date.fromisoformat(first), date.fromisoformat(last), 7 if freq == "week" else 1
    return [(start + timedelta(days=d)).isoformat() for d in range(0, (end - start).days + 1, days)]


def _hover(row: dict[str, Any]) -> str:
    label, probs = row.get("label"), row.get("probabilities")
    prob = probs.get(label) if isinstance(probs, dict) else None
    prob = prob if isinstance(prob, (int, float)) else row.get("score")
    lines = [f"{_speaker(row)} · {label}"]
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
            f'{escape(_speaker(row))}</span>{inner}</mark>')


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
                   f'{_n(len(claims), "claim")} ({counts})</p>')
        if doc in articles:
            body, unplaced = _article_html(articles[doc], claims)
            out.append(f'<div class="article">{body}</div>')
            if unplaced:
                out.append(f'<p class="note">{_n(len(unplaced), "claim")} whose offsets do not fit the article '
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
            f'<p class="meta">{len(rows)} claims in {docs} articles: {totals}</p>{_legend()}'
            f'<h2>Claims per speaker</h2>{_bar_chart(labelled)}'
            f'<h2>Stance shares over time (per {escape(freq)}, top speakers)</h2>{_timeline(labelled, freq)}'
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
