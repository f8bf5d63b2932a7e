"""Tests for stance.markup: HTML left in scraped text, read with offsets into the original."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.markup import read_markup
from stance.pipeline import Labeler


@pytest.mark.parametrize("text, view", [
    pytest.param("&laquo;&nbsp;Non&nbsp;&raquo;", "«\u00a0Non\u00a0»", id="named-entities"),
    pytest.param("&#171;Oui&#xBB;", "«Oui»", id="numeric-entities"),
    pytest.param("<p>Un.</p><p>Deux.</p>", "\nUn.\n\nDeux.\n", id="block-tags-end-lines"),
    pytest.param("Il a <strong>dit</strong> non.<br>Fin.", "Il a dit non.\nFin.", id="inline-tags-dropped"),
    pytest.param('<a href="/x?a=1&amp;b=2">lien</a> ici', "lien ici", id="attributes-with-entities"),
    pytest.param("<script>var a = '<p>';</script>Texte", "Texte", id="script-dropped-whole"),
    pytest.param("<!-- pub --> Texte", " Texte", id="comment-dropped"),
])
def test_markup_view(text: str, view: str) -> None:
    found = read_markup(text)
    assert found is not None and found.text == view


@pytest.mark.parametrize("text", [
    pytest.param("Rubio a dit que « tout avance ».", id="plain-text"),
    pytest.param("AT&T et 3 < 4 ; l'indice &foo; reste.", id="ampersand-and-less-than-that-are-no-markup"),
])
def test_text_without_markup_has_no_view(text: str) -> None:
    assert read_markup(text) is None


def test_a_claim_in_a_saved_page_keeps_original_offsets() -> None:
    page = ("<p>Les émissaires ont été reçus.</p>\n<p>&laquo;&nbsp;L'entretien a été très utile&nbsp;&raquo;, "
            "a déclaré Iouri Ouchakov.</p>")
    claims = Labeler.load().label(page)
    assert [(c.speaker, c.text) for c in claims] == [
        ("ouchakov", "&laquo;&nbsp;L'entretien a été très utile&nbsp;&raquo;, a déclaré Iouri Ouchakov.")]
    assert all(page[c.start:c.end] == c.text for c in claims)


_PIECES = st.sampled_from(["<p>", "</p>", "<br/>", "<em>", "</em>", "&laquo;", "&raquo;", "&nbsp;", "&amp;", "&#233;",
                           "Rubio", " a dit ", "« non »", ".", "\n", "&", "<", "x"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.data())
def test_view_spans_map_to_ordered_original_spans(text: str, data: st.DataObject) -> None:
    view = read_markup(text)
    if view is None:
        return
    end = data.draw(st.integers(1, max(1, len(view.text))))
    start = data.draw(st.integers(0, end - 1))
    if not view.text:
        return
    a, b = view.start_in_original(start), view.end_in_original(end)
    assert 0 <= a < b <= len(text)
