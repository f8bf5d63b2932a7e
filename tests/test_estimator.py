"""`StanceClassifier` follows the scikit-learn estimator contract and the hybrid policy."""
import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, cross_val_score
from sklearn.pipeline import Pipeline

from stance.errors import StanceError
from stance.estimator import StanceClassifier
from stance.records import Claim

TEXTS = [
    "Des progrès tangibles ont été faits, a estimé Witkoff.", "Les échanges ont été constructifs, selon Kiev.",
    "« Nous avançons », a assuré Rubio.", "Le Kremlin a salué un dialogue utile.",
    "Moscou exige le retrait des troupes.", "Kiev se rendra à Genève la semaine prochaine.",
    "Le négociateur réclame des garanties de sécurité.", "Rubio rencontrera Lavrov jeudi.",
    "Le Kremlin juge le plan inacceptable.", "Peskov a déploré l'absence de compromis.",
    "Selon Kiev, les discussions sont dans l'impasse.", "Ouchakov reste sceptique sur la trêve.",
]
LABELS = ["progress"] * 4 + ["position"] * 4 + ["obstacle"] * 4


@pytest.fixture(scope="module")
def fitted() -> StanceClassifier:
    return StanceClassifier(max_features=2000).fit(TEXTS, LABELS)


def test_init_stores_params_only_and_get_params_round_trips() -> None:
    clf = StanceClassifier(C=2.0, stems=False)
    assert clf.get_params()["C"] == 2.0 and clf.get_params()["stems"] is False
    assert not hasattr(clf, "model_")
    copy = clone(clf)
    assert copy.get_params() == clf.get_params() and copy is not clf


def test_fit_returns_self_and_sets_classes(fitted: StanceClassifier) -> None:
    assert list(fitted.classes_) == ["obstacle", "position", "progress"]
    again = StanceClassifier(max_features=2000)
    assert again.fit(TEXTS, LABELS) is again


def test_predict_and_predict_proba_shapes(fitted: StanceClassifier) -> None:
    proba = fitted.predict_proba(TEXTS[:3])
    assert proba.shape == (3, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(fitted.predict(TEXTS)) <= set(fitted.classes_)


def test_accepts_claim_records(fitted: StanceClassifier) -> None:
    claim = Claim(0, 10, "Des progrès ont été faits, a dit Rubio.")
    assert fitted.predict([claim])[0] == fitted.predict([claim.text])[0]


def test_final_rule_decides_in_hybrid_and_not_in_model_mode(fitted: StanceClassifier) -> None:
    text = "Aucun progrès n'a été enregistré, a reconnu Peskov."
    hybrid = fitted.explain([text])[0]
    assert (hybrid.source, hybrid.rule, hybrid.label.value) == ("rule", "obstacle.no_progress", "obstacle")
    assert hybrid.score >= 0.5
    model_only = clone(fitted).set_params(mode="model").fit(TEXTS, LABELS).explain([text])[0]
    assert model_only.source == "model" and model_only.rule is None


def test_model_decisions_carry_evidence(fitted: StanceClassifier) -> None:
    prediction = fitted.explain(["Le Kremlin a salué des échanges constructifs."])[0]
    assert prediction.source == "model"
    assert prediction.evidence and all(isinstance(e, str) for e in prediction.evidence)


def test_rules_mode_falls_back_to_position_without_votes() -> None:
    clf = StanceClassifier(mode="rules", max_features=2000).fit(TEXTS, LABELS)
    prediction = clf.explain(["Le temps est clair à Genève."])[0]
    assert (prediction.label.value, prediction.source) == ("position", "default")


def test_works_in_pipeline_gridsearch_and_cross_val_score() -> None:
    pipe = Pipeline([("clf", StanceClassifier(max_features=2000))])
    scores = cross_val_score(pipe, TEXTS, LABELS, cv=2)
    assert scores.shape == (2,)
    search = GridSearchCV(StanceClassifier(max_features=2000), {"C": [1.0, 4.0]}, cv=2).fit(TEXTS, LABELS)
    assert search.best_params_["C"] in (1.0, 4.0)


@pytest.mark.parametrize("texts, labels, message", [
    pytest.param(["a"], ["progress", "obstacle"], "as many labels", id="lengths"),
    pytest.param(["a", "b"], ["progress", "maybe"], "unknown label", id="label"),
    pytest.param([], [], "at least one", id="empty"),
])
def test_bad_fit_input_raises_stance_error(texts: list, labels: list, message: str) -> None:
    with pytest.raises(StanceError, match=message):
        StanceClassifier().fit(texts, labels)


def test_compact_predictor_reproduces_scikit_learn(fitted: StanceClassifier) -> None:
    texts = TEXTS + ["Aucun progrès, a dit Peskov.", "Texte sans rapport avec quoi que ce soit", ""]
    expected = fitted.model_.predict_proba(fitted.features_.transform(texts))
    got = np.array([[p.probabilities[c] for c in fitted.classes_] for p in fitted.compact_.explain(texts, mode="model")])
    np.testing.assert_allclose(got, expected, atol=1e-9)


def test_pickled_estimator_rebuilds_its_predictor(fitted: StanceClassifier) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(fitted))
    assert list(copy.predict(TEXTS)) == list(fitted.predict(TEXTS))


def test_compact_predictions_do_not_depend_on_the_batch(fitted: StanceClassifier) -> None:
    texts = TEXTS + ["Aucun progrès, a dit Peskov.", "", "Texte sans rapport, texte sans rapport."]
    together = fitted.compact_.explain(texts)
    alone = [fitted.compact_.explain([text])[0] for text in texts]
    for a, b in zip(together, alone):
        assert (a.label, a.source, a.rule, a.evidence) == (b.label, b.source, b.rule, b.evidence)
        assert a.probabilities == pytest.approx(b.probabilities, abs=1e-12)
    assert fitted.compact_.explain([]) == []
