"""Tests for stance.authorship: documents as sources and who wrote them."""
from __future__ import annotations

import pytest

from stance.authorship import document_anaphor, document_by, document_of, publishes, selon_document


@pytest.mark.parametrize("pattern, text, found", [
    pytest.param(document_of, "une note interne du ", True, id="document-of-its-author"),
    pytest.param(document_by, "le compte rendu publie dans la soiree par ", True, id="document-by-its-author"),
    pytest.param(document_of, "le texte ", False, id="no-author"),
])
def test_document_leads(pattern: object, text: str, found: bool) -> None:
    assert (pattern().fullmatch(text) is not None) is found


@pytest.mark.parametrize("text, found", [
    pytest.param("le texte ajoute que la treve tient", True, id="a-document-named-again"),
    pytest.param("le meme sondage indique que", True, id="le-meme"),
    pytest.param("le communique, publie par la presidence, evoque", False, id="an-apposition-with-its-author"),
    pytest.param("le document, mis en ligne sur le site, indique", True, id="an-apposition-without-author"),
    pytest.param("le texte du kremlin juge", False, id="its-author-follows"),
])
def test_document_anaphor(text: str, found: bool) -> None:
    assert (document_anaphor().match(text) is not None) is found


def test_selon_a_document_and_publishing() -> None:
    assert selon_document().search("selon l'etude, moscou use ses interlocuteurs").group("doc") == "l'etude"
    assert publishes().search("le centre grotius publie ce jeudi un rapport de 84 pages")
    assert not publishes().search("le centre grotius a rejete le rapport")
