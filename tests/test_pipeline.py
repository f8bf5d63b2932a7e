"""The whole pipeline through the library API."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance
from stance.pipeline import SPLIT_CONFIDENCE, Labeler, carries_two_stances, group_quotations, merge_same_stance
from stance.records import Claim, Label, Prediction

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def labeler() -> Labeler:
    return Labeler.load()


def test_public_api_is_exactly_all() -> None:
    assert sorted(stance.__all__) == sorted([
        "Claim", "Document", "Label", "Labeler", "Prediction", "Sentence", "StanceClassifier", "StanceError",
        "extract_claims", "label_files", "label_text", "score", "split_sentences", "to_dataframe"])
    for name in stance.__all__:
        assert getattr(stance, name) is not None


def test_label_text_offsets_and_fields(labeler: Labeler) -> None:
    text = (ROOT / "seeds" / "003_772bbe1f3ecc83be.txt").read_text(encoding="utf-8")
    claims = labeler.label(text, doc="003")
    assert claims
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
        assert claim.label in Label and 0.0 <= claim.score <= 1.0
        assert abs(sum(claim.probabilities.values()) - 1.0) < 1e-3
        assert claim.source in ("rule", "model") and claim.doc == "003"
    starts = [c.start for c in claims]
    assert starts == sorted(starts)


def test_two_stances_in_one_sentence_stay_two_claims(labeler: Labeler) -> None:
    text = ("Le ministre a estimé qu'il y avait eu de réels progrès mais que de nombreux obstacles "
            "demeuraient sur la question des territoires.")
    claims = labeler.label(text)
    assert [c.label.value for c in claims] == ["progress", "obstacle"]
    assert claims[1].text.startswith("mais que")


def test_two_stances_inside_one_quotation_are_two_claims(labeler: Labeler) -> None:
    text = ("« Certaines propositions nous conviennent et nous avançons bien, mais d'autres sont absolument "
            "inacceptables et bloquent tout », a déclaré Iouri Ouchakov.")
    claims = labeler.label(text)
    assert [(c.speaker, c.label.value) for c in claims] == [("ouchakov", "progress"), ("ouchakov", "obstacle")]
    assert claims[1].text.startswith("mais d'autres")


def test_one_stance_inside_one_quotation_stays_one_claim(labeler: Labeler) -> None:
    text = "« Le texte avance, mais nous avançons aussi sur les prisonniers », a salué Marco Rubio."
    assert [c.text for c in labeler.label(text)] == [text]


def test_same_stance_clauses_are_joined_back() -> None:
    text = "Rubio a salué des progrès ; il a salué une ambiance cordiale."
    parts = [Claim(0, 30, text[0:30], speaker="rubio", label=Label.PROGRESS, unit=0, score=0.9,
                   probabilities={"progress": 0.9, "obstacle": 0.05, "position": 0.05}),
             Claim(32, len(text), text[32:], speaker="rubio", label=Label.PROGRESS, unit=0, score=0.7,
                   probabilities={"progress": 0.7, "obstacle": 0.2, "position": 0.1})]
    merged = merge_same_stance(parts, text)
    assert len(merged) == 1 and merged[0].text == text and merged[0].score == pytest.approx(0.8)


def _piece(start: int, end: int, sentence: int, label: Label, score: float, unit: int = 0) -> Claim:
    return Claim(start, end, "x" * (end - start), speaker="peskov", sentence=sentence, unit=unit, label=label, score=score)


def test_quotations_are_runs_of_one_unit_over_several_sentences() -> None:
    pieces = [_piece(0, 10, 0, Label.OBSTACLE, 0.9), _piece(11, 20, 1, Label.PROGRESS, 0.5),
              _piece(21, 30, 2, Label.POSITION, 0.9, unit=2), _piece(31, 40, 2, Label.PROGRESS, 0.9, unit=2)]
    assert group_quotations(pieces) == [pieces[:2]]  # the last two are clauses of one sentence
    assert not carries_two_stances(pieces[:2])  # one confident stance: one claim
    assert carries_two_stances([pieces[0], _piece(11, 20, 1, Label.PROGRESS, SPLIT_CONFIDENCE)])


def test_a_sentence_opening_with_mais_starts_a_new_run() -> None:
    pieces = [_piece(0, 10, 0, Label.PROGRESS, 0.9), _piece(11, 20, 1, Label.PROGRESS, 0.5),
              Claim(21, 40, "Mais soyons lucides.", speaker="peskov", sentence=2, unit=0, label=Label.OBSTACLE, score=0.5)]
    assert group_quotations(pieces) == [pieces[:2]]


def test_a_quotation_reopened_on_a_new_paragraph_starts_a_new_run() -> None:
    text = "« Nous refusons cette mission.\n\n« Un accord reste possible. »"
    pieces = [_piece(0, 30, 0, Label.POSITION, 0.5), _piece(32, len(text), 1, Label.PROGRESS, 0.5)]
    assert group_quotations(pieces, text) == []
    assert group_quotations(pieces) == [pieces]


class KeywordModel:
    """A stand-in model: a fixed stance and confidence per keyword, so the test is about joining."""

    def __init__(self, cues: dict[str, tuple[Label, float]]) -> None:
        self.cues = cues

    def explain(self, claims: list) -> list[Prediction]:
        out = []
        for claim in claims:
            text = claim.text if isinstance(claim, Claim) else claim
            label, score = next((v for k, v in self.cues.items() if k in text), (Label.POSITION, 0.4))
            probabilities = {lab.value: (score if lab == label else (1 - score) / 2) for lab in Label}
            out.append(Prediction(label, score, probabilities, "model"))
        return out


def test_a_quotation_over_two_sentences_is_one_claim() -> None:
    text = "« Nous avons exposé nos positions. Elles restent éloignées », a reconnu Sergueï Lavrov."
    weak = Labeler(KeywordModel({"éloignées": (Label.OBSTACLE, 0.9), "exposé": (Label.PROGRESS, 0.5)}))
    assert [(c.text, c.speaker, c.label) for c in weak.label(text)] == [(text, "lavrov", Label.OBSTACLE)]
    # two confident stances stay two claims
    strong = Labeler(KeywordModel({"éloignées": (Label.OBSTACLE, 0.9), "exposé": (Label.PROGRESS, 0.8)}))
    assert [c.label for c in strong.label(text)] == [Label.PROGRESS, Label.OBSTACLE]


def test_score_returns_probabilities() -> None:
    out = stance.score(["Le Kremlin a jugé la proposition « inacceptable ».", "Kiev se rendra à Genève jeudi."])
    assert len(out) == 2 and all(abs(sum(p.values()) - 1) < 1e-6 for p in out)


def test_custom_speakers_file(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text('[erdogan]\nname = "Recep Tayyip Erdogan"\nkind = "person"\ngender = "m"\nside = ""\n'
                     'names = ["Erdogan", "Erdoğan"]\ntitles = ["président turc"]\n', encoding="utf-8")
    claims = stance.label_text("Le président turc a salué des échanges « constructifs ».", speakers=extra)
    assert [c.speaker for c in claims] == ["erdogan"]


def test_to_dataframe_without_pandas_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(stance.StanceError, match="pandas"):
        stance.to_dataframe([])


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_label_never_crashes_and_spans_hold(labeler: Labeler, text: str) -> None:
    claims = labeler.label(text)
    previous = 0
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text and claim.start >= previous
        previous = claim.end
