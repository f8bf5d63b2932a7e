"""The HTML report: self-contained, escaped, every claim highlighted, zoned lines greyed."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.charts import period_range
from stance.errors import ConfigError, InputError, OutputError
from stance.report import render_html, write_report
from stance.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
COOKIE = "Ce contenu est bloqué car vous n’avez pas accepté les cookies et autres traceurs."
CLAIM_1 = "« Nous avançons <script>alert(1)</script> vers la paix », a déclaré Marco Rubio."
CLAIM_2 = "Selon le Kremlin, rien n'est réglé & tout reste <b>ouvert</b>."
ARTICLE = f"Titre\n\n{COOKIE}\n\n{CLAIM_1} Un détail <script>x()</script> sans source.\n\n{CLAIM_2}\n"


def _claim(doc, text, piece, speaker, label, date="2025-12-06", **extra):
    start = text.index(piece)
    row = {"doc": doc, "date": date, "start": start, "end": start + len(piece), "text": piece, "speaker": speaker,
           "label": label, "score": 0.9, "probabilities": {label: 0.9}, "source": "model", "rule": None}
    return {**row, **extra}


ROWS = [_claim("a1", ARTICLE, CLAIM_1, "rubio", "progress"),
        _claim("a1", ARTICLE, CLAIM_2, "kremlin", "obstacle", source="rule", rule="obstacle.nothing_settled")]


class Article(HTMLParser):
    """Text of the article boxes (speaker tags left out), marks and greyed zones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text, self.marks, self.zones, self.titles = [], [], [], []

    def handle_starttag(self, tag, attrs) -> None:
        cls = dict(attrs).get("class") or ""
        self.stack.append(cls)
        if tag == "mark":
            self.marks.append("")
            self.titles.append(dict(attrs).get("title"))
        if "zone" in cls.split():
            self.zones.append("")

    def handle_endtag(self, tag) -> None:
        self.stack.pop()

    def handle_data(self, data) -> None:
        if "article" not in self.stack or "tag" in " ".join(self.stack).split():
            return
        self.text.append(data)
        if any("c " in c for c in self.stack):
            self.marks[-1] += data
        if any("zone" in c.split() for c in self.stack):
            self.zones[-1] += data


def _parse(page: str) -> Article:
    parser = Article()
    parser.feed(page)
    return parser


def test_page_is_self_contained_html_with_charts() -> None:
    page = render_html(ROWS, {"a1": ARTICLE}, title="Talks <week>")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Talks &lt;week&gt;</title>" in page
    assert not re.search(r"https?://", page) and "<link" not in page and "@import" not in page
    assert page.count("<svg") >= 2 and "<title>" in page.split("<svg", 1)[1]
    for label in ("progress", "obstacle", "position"):
        assert f'class="{label}"' in page  # legend


def test_article_text_is_escaped() -> None:
    page = render_html(ROWS, {"a1": ARTICLE})
    assert "<script" not in page and "<b>ouvert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;script&gt;x()&lt;/script&gt;" in page


def test_each_claim_is_highlighted_in_the_original_text() -> None:
    parsed = _parse(render_html(ROWS, {"a1": ARTICLE}))
    assert parsed.marks == [CLAIM_1, CLAIM_2]
    assert "".join(parsed.text) == ARTICLE.rstrip()
    assert "p(progress) = 0.90" in parsed.titles[0] and "source: model" in parsed.titles[0]
    assert "rule: obstacle.nothing_settled" in parsed.titles[1] and "source: rule" in parsed.titles[1]


def test_cookie_banner_line_is_greyed() -> None:
    assert [u.kind for u in split_sentences(ARTICLE) if u.text == COOKIE] == ["boilerplate"]
    parsed = _parse(render_html(ROWS, {"a1": ARTICLE}))
    assert COOKIE in parsed.zones and CLAIM_1 not in "".join(parsed.zones)


@pytest.mark.parametrize("articles, rows, expected", [
    pytest.param(None, ROWS, "Article text not found", id="missing-text"),
    pytest.param({"a1": "autre texte" * 20}, ROWS, "2 claims whose offsets do not fit", id="changed-text"),
    pytest.param({"a1": ARTICLE}, [ROWS[0], {**ROWS[0], "speaker": "x"}], "1 claim whose offsets", id="overlap"),
])
def test_claims_that_cannot_be_placed_are_listed(articles, rows, expected) -> None:
    page = render_html(rows, articles)
    assert expected in page and "&lt;script&gt;alert(1)" in page and "<script" not in page


@pytest.mark.parametrize("dates, expected", [
    pytest.param([None, "--12-02"], "No dated claims", id="undated"),
    pytest.param(["2025-12-01", None], "1 undated claim not shown", id="partly-dated"),
])
def test_timeline(dates, expected) -> None:
    rows = [{**row, "date": date} for row, date in zip(ROWS, dates)]
    assert expected in render_html(rows, {"a1": ARTICLE}, freq="day")


@pytest.mark.parametrize("first, last, freq, expected", [
    pytest.param("2025-12-30", "2026-01-02", "day", ["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"], id="day"),
    pytest.param("2025-12-01", "2025-12-15", "week", ["2025-12-01", "2025-12-08", "2025-12-15"], id="week"),
    pytest.param("2025-11", "2026-01", "month", ["2025-11", "2025-12", "2026-01"], id="month"),
])
def test_timeline_axis_has_every_period(first, last, freq, expected) -> None:
    assert period_range(first, last, freq) == expected


def test_bad_freq() -> None:
    with pytest.raises(ConfigError):
        render_html(ROWS, freq="fortnight")


spans = st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab <>&\"'.«»\n é", min_size=1, max_size=100), spans)
def test_rendering_keeps_the_text_and_marks_each_span(text, raw_spans) -> None:
    rows, end = [], 0
    for start, length in sorted(raw_spans):
        start = max(start, end)
        if start + length <= len(text):
            rows.append({"doc": "d", "start": start, "end": start + length, "text": text[start:start + length],
                         "speaker": "s", "label": "position", "source": "model", "score": 0.5})
            end = start + length
    parsed = _parse(render_html(rows, {"d": text}))
    assert "".join(parsed.text).rstrip() == text.rstrip()
    assert parsed.marks == [r["text"] for r in rows]


def test_write_report_on_the_seeds(tmp_path: Path) -> None:
    from stance.batch import run_batch
    from stance.output import claim_row

    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(claim_row(c), ensure_ascii=False) + "\n"
                           for _, claims in run_batch([str(ROOT / "seeds")]) for c in claims), encoding="utf-8")
    html_path = write_report([out], [ROOT / "seeds"], tmp_path / "report.html")
    page = html_path.read_text(encoding="utf-8")
    parsed = _parse(page)
    assert len(parsed.marks) == len(out.read_text(encoding="utf-8").splitlines()) > 10
    assert "Article text not found" not in page and "do not fit" not in page
    assert any("cookies" in zone for zone in parsed.zones)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "report.html"]


def test_write_report_finds_nested_articles_and_reports_errors(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    (tmp_path / "arts" / "sub").mkdir(parents=True)
    (tmp_path / "arts" / "sub" / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    page = write_report([out], [tmp_path / "arts"], tmp_path / "r.html").read_text(encoding="utf-8")
    assert _parse(page).marks == [CLAIM_1]
    with pytest.raises(InputError, match="not a folder"):
        write_report([out], [tmp_path / "nowhere"], tmp_path / "r.html")
    with pytest.raises(OutputError, match="cannot write"):
        write_report([out], [], tmp_path / "no" / "dir" / "r.html")
