"""Inline SVG charts of the report: stances per speaker, and their shares over time."""
from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import Any

from .records import LABELS
from .summary import UNDATED, UNKNOWN_SPEAKER, period_of, summarize

COLOURS = {"progress": "#2e7d32", "obstacle": "#c62828", "position": "#4f6b8f"}
TINTS = {"progress": "#dcefdc", "obstacle": "#f9dada", "position": "#e1e8f2"}
MAX_BARS = 40
TIMELINE_SPEAKERS = 6

def speaker_of(row: dict[str, Any]) -> str:
    """Display name of a row's speaker.

    Parameters
    ----------
    row : dict
        An output row of ``stance label``.

    Returns
    -------
    str
        The speaker as shown in the report; `UNKNOWN_SPEAKER` when the row has none.
    """
    return display_name(str(row.get("speaker") or UNKNOWN_SPEAKER))


def display_name(speaker: str) -> str:
    """Name shown for a speaker id: the group marker ``*`` is spelled out.

    Parameters
    ----------
    speaker : str
        Speaker id.

    Returns
    -------
    str
        The name to display.

    Examples
    --------
    >>> display_name("*"), display_name("rubio")
    ('* (group)', 'rubio')
    """
    return "* (group)" if speaker == "*" else speaker


def count_noun(count: int, noun: str) -> str:
    """A count with its noun, plural unless the count is one.

    Parameters
    ----------
    count : int
        How many.
    noun : str
        Singular noun.

    Returns
    -------
    str
        For instance ``"2 claims"``.

    Examples
    --------
    >>> count_noun(1, "claim"), count_noun(0, "claim")
    ('1 claim', '0 claims')
    """
    return f"{count} {noun}{'s' * (count != 1)}"


def legend() -> str:
    """HTML legend of the stance colours.

    Returns
    -------
    str
        A ``div.legend`` with one swatch per label of `stance.records.LABELS`.
    """
    items = "".join(f'<span><i class="{lab}"></i>{lab}</span>' for lab in LABELS)
    return f'<div class="legend" aria-label="legend">{items}</div>'


def bar_chart(rows: list[dict[str, Any]]) -> str:
    """Inline SVG bar chart of claims per speaker, stacked by stance.

    Parameters
    ----------
    rows : list of dict
        Labelled output rows of ``stance label``.

    Returns
    -------
    str
        The ``<svg>`` (at most `MAX_BARS` speakers, most claims first, then a note on the
        others), or a note when there is no labelled claim.
    """
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
        y, name = 4 + i * row_h, display_name(stat["speaker"])
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


def timeline(rows: list[dict[str, Any]], freq: str) -> str:
    """Inline SVG panels of stance shares per period for the top speakers.

    Parameters
    ----------
    rows : list of dict
        Labelled output rows of ``stance label``.
    freq : {"day", "week", "month"}
        Period of the x axis.

    Returns
    -------
    str
        One panel per speaker among the `TIMELINE_SPEAKERS` with most dated claims, and a
        note counting undated claims; a note alone when no claim is dated.
    """
    dated = [r for r in rows if r.get("label") in LABELS and period_of(r.get("date"), freq) != UNDATED]
    undated = sum(1 for r in rows if r.get("label") in LABELS) - len(dated)
    if not dated:
        return '<p class="note">No dated claims: no timeline.</p>'
    top = summarize(dated, ("speaker",))[:TIMELINE_SPEAKERS]
    cells = {(c["speaker"], c["period"]): c for c in summarize(dated, ("speaker", "date"), freq)}
    periods = period_range(min(p for _, p in cells), max(p for _, p in cells), freq)
    width, height, left, top_pad, bottom = 320, 140, 34, 6, 20
    plot_w, plot_h = width - left - 8, height - top_pad - bottom
    step = min(44.0, plot_w / len(periods))
    gap = min(3.0, step * 0.2)
    panels = []
    for stat in top:
        name = display_name(stat["speaker"])
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
        panels.append(f'<div class="panel"><h4>{escape(name)} <span class="meta">{count_noun(stat["claims"], "dated claim")}'
                      f'</span></h4>{"".join(out)}</div>')
    note = f'<p class="note">{count_noun(undated, "undated claim")} not shown.</p>' if undated else ""
    return f'<div class="panels">{"".join(panels)}</div>{note}'


def period_range(first: str, last: str, freq: str) -> list[str]:
    """Every period from ``first`` to ``last``, so that the x axis is proportional to time.

    Parameters
    ----------
    first, last : str
        Periods as `stance.summary.period_of` names them (``YYYY-MM`` for months, else ISO dates).
    freq : {"day", "week", "month"}
        Period length.

    Returns
    -------
    list of str
        The periods, both ends included.

    Examples
    --------
    >>> period_range("2025-11", "2026-01", "month")
    ['2025-11', '2025-12', '2026-01']
    >>> period_range("2026-01-05", "2026-01-19", "week")
    ['2026-01-05', '2026-01-12', '2026-01-19']
    """
    if freq == "month":
        (y0, m0), (y1, m1) = (map(int, p.split("-")) for p in (first, last))
        return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y0 * 12 + m0 - 1, y1 * 12 + m1)]
    start, end, days = date.fromisoformat(first), date.fromisoformat(last), 7 if freq == "week" else 1
    return [(start + timedelta(days=d)).isoformat() for d in range(0, (end - start).days + 1, days)]


