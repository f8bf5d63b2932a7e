"""Clause cuts inside one sentence (guide §1: one claim per stance)."""
import pytest

from stance.clauses import split_clauses


@pytest.mark.parametrize("masked, expected", [
    pytest.param("a b c d; e f g h", [(0, 9), (9, 16)], id="semicolon"),
    pytest.param("a b c mais d e f", [(0, 6), (6, 16)], id="mais"),
    pytest.param("a b c d mais e", [(0, 14)], id="short-tail-joined"),
    pytest.param("tout en saluant x, a b c", [(0, 19), (19, 24)], id="leading-tout-en"),
    pytest.param("a b c d, alors que e f g", [(0, 9), (9, 24)], id="alors-que"),
    pytest.param("a b c d, ajoutant toutefois que e f", [(0, 9), (9, 35)], id="participle-with-contrast"),
    pytest.param("a b c d, ajoutant que e f g", [(0, 27)], id="participle-without-contrast-stays"),
])
def test_split_clauses_relative_offsets(masked: str, expected: list[tuple[int, int]]) -> None:
    assert split_clauses(masked) == expected


@pytest.mark.parametrize("folded, masked, expected", [
    pytest.param('" a b c d, mais e f g ", a dit x', '                       , a dit x', [(0, 11), (11, 32)],
                 id="mais-inside-a-quotation"),
    pytest.param('" a b c d, mais e "', '                   ', [(0, 19)], id="short-quoted-tail-joined"),
    pytest.param('" a b c d mais e f g "', '                      ', [(0, 22)], id="no-comma-no-cut"),
])
def test_split_clauses_inside_quotations(folded: str, masked: str, expected: list[tuple[int, int]]) -> None:
    assert split_clauses(masked, folded) == expected
