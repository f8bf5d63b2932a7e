"""Hand rules: every rule's examples and counter-examples are checked, and rules never raise."""
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.errors import ConfigError
from stance.rules import apply_rule, apply_rules, combine_patterns, final_vote, load_rules, parse_rules, rules_view

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples_and_a_note(rule) -> None:
    assert rule.examples, "a rule without examples fails the suite"
    assert rule.note


@pytest.mark.parametrize("rule, sentence", [pytest.param(r, e, id=f"{r.id}:{i}") for r in RULES
                                            for i, e in enumerate(r.examples)])
def test_examples_get_the_rule_label(rule, sentence: str) -> None:
    vote = apply_rule(rule, rules_view(sentence))
    assert vote is not None and vote.label == rule.label, f"{rule.id} should vote {rule.label} on {sentence!r}"


@pytest.mark.parametrize("rule, sentence", [pytest.param(r, e, id=f"{r.id}:{i}") for r in RULES
                                            for i, e in enumerate(r.counter)])
def test_counter_examples_do_not_get_the_rule_label(rule, sentence: str) -> None:
    vote = apply_rule(rule, rules_view(sentence))
    assert vote is None or vote.label != rule.label


@pytest.mark.parametrize("text, rule, label", [
    pytest.param("« Aucun progrès n'a été fait », a regretté Peskov.", "obstacle.no_progress", "obstacle", id="no-progress"),
    pytest.param("Rubio a assuré que les talks n'étaient pas dans l'impasse.", "progress.deadlock_denied", "progress",
                 id="deadlock-denied"),
    pytest.param("Le Kremlin a rejeté la proposition européenne.", "obstacle.reject_proposal", "obstacle", id="reject"),
    pytest.param("Selon une source, la partie russe n'a pas rejeté l'idée d'emblée.", "obstacle.reject_proposal",
                 "progress", id="rejection-denied-is-openness"),
])
def test_final_vote(text: str, rule: str, label: str) -> None:
    vote = final_vote(apply_rules(text))
    assert vote is not None and (vote.rule, vote.label) == (rule, label)


def test_negated_cue_flips_to_the_negated_label() -> None:
    votes = {v.rule: v for v in apply_rules("Les échanges n'ont pas été constructifs, a dit Kiev.")}
    assert votes["progress.constructive"].label == "obstacle"
    assert votes["progress.constructive"].negated


def test_condition_is_not_an_obstacle() -> None:
    votes = apply_rules("Aucun accord ne sera signé sans le retrait des troupes, a prévenu Kiev.")
    assert final_vote(votes) is None
    assert any(v.label == "position" for v in votes)


@pytest.mark.parametrize("data, message", [
    pytest.param({"rule": [{"id": "x", "label": "maybe", "patterns": ["a"], "examples": ["a"]}]}, "label", id="label"),
    pytest.param({"rule": [{"id": "x", "label": "progress", "patterns": ["("], "examples": ["a"]}]}, "bad regex", id="regex"),
    pytest.param({"rule": [{"id": "x", "label": "progress", "patterns": ["a"]}]}, "no examples", id="no-examples"),
    pytest.param({"rule": [{"label": "progress", "patterns": ["a"], "examples": ["a"]}]}, "unique string id", id="no-id"),
])
def test_bad_rules_are_refused_with_a_clear_error(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_rules(data, "rules.toml")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_rules_never_raise(text: str) -> None:
    for vote in apply_rules(text):
        assert vote.label in ("progress", "obstacle", "position")


def _leftmost_first(patterns, text: str) -> tuple[int, int] | None:
    """What one alternation of ``patterns`` matches: the leftmost start, first pattern on ties."""
    found = [m for m in (p.search(text) for p in patterns) if m]
    if not found:
        return None
    start = min(m.start() for m in found)
    for pattern in patterns:
        match = pattern.match(text, start)
        if match:
            return match.span()
    return None


CORPUS_SENTENCES = [s for r in RULES for s in (*r.examples, *r.counter)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CORPUS_SENTENCES), min_size=1, max_size=3),
       st.text(alphabet="abcdeilnoprstu '-,«»", max_size=20))
def test_combined_regex_matches_like_its_patterns(parts: list[str], noise: str) -> None:
    text = rules_view(noise.join(parts))
    for rule in RULES:
        match = rule.combined.search(text)
        assert (match.span() if match else None) == _leftmost_first([re.compile(p) for p in rule.patterns], text), rule.id


@pytest.mark.parametrize("patterns, text, span", [
    pytest.param([r"\bdoute", r"pas\s+encore"], "sans doute pas encore", (5, 10), id="boundary-kept"),
    pytest.param([r"\bdoute", r"pas\s+encore"], "redoute pas encore", (8, 18), id="inside-a-word"),
    pytest.param([r"\bdoute", r"pas\s+encore"], "doute", (0, 5), id="at-start"),
    pytest.param([r"\bdoute", r"\bpas"], "redoute un pas", (11, 14), id="all-bounded"),
])
def test_combine_patterns_keeps_word_boundaries(patterns: list[str], text: str, span: tuple[int, int]) -> None:
    combined = combine_patterns(tuple(re.compile(p) for p in patterns))
    assert combined.search(text).span() == span


def test_pickled_rules_rebuild_their_combined_regex() -> None:
    rule = pickle.loads(pickle.dumps(RULES[0]))
    assert rule == RULES[0] and rule.combined.pattern == RULES[0].combined.pattern
    assert "combined" not in RULES[0].__getstate__()
