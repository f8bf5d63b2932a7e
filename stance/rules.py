"""Hand rules (``stance/data/rules.toml``): each votes a label or abstains, never raises.

Rules match on the folded claim. A cue under negation votes the rule's ``negated`` label
(« aucun progrès » → obstacle) or abstains. Final rules decide alone in the hybrid; the
others are features the model weighs (see :mod:`stance.estimator`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .clean import fold
from .errors import ConfigError
from .negation import is_negated
from .records import LABELS
from .resources import data_path, load_toml


@dataclass(frozen=True)
class Rule:
    """One labelling rule."""

    id: str
    label: str
    patterns: tuple[str, ...]  # regex sources, checked on load; only `combined` is compiled
    unless: tuple[re.Pattern[str], ...] = ()
    negated: str | None = None
    final: bool = False
    note: str = ""
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    combined: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # all patterns in one regex: one scan per rule instead of one per pattern
        object.__setattr__(self, "combined", combine_patterns(self.patterns))

    def __getstate__(self) -> dict[str, object]:
        # a model file pickles its rules; the derived regex is rebuilt on load so that a
        # faster `combine_patterns` also speeds up models saved before it
        return {k: v for k, v in self.__dict__.items() if k != "combined"}

    def __setstate__(self, state: dict[str, object]) -> None:
        patterns = state.get("patterns", ())
        if isinstance(patterns, tuple):  # models saved before the sources were kept as text
            state = {**state, "patterns": tuple(getattr(p, "pattern", p) for p in patterns)}
        self.__dict__.update(state)
        self.__post_init__()


_LEADING_BOUNDARY = re.compile(r"^\\b(?=[a-z])")


def combine_patterns(patterns: Sequence[str | re.Pattern[str]]) -> re.Pattern[str]:
    """One alternation matching exactly what the leftmost-first search over ``patterns`` would.

    Speed: the regex engine rejects a branch cheaply when it starts with a literal, and
    factors out a ``\\b`` shared by *all* branches. When only some branches start with
    ``\\b`` + letter, every position pays for every ``\\b`` test (the sceptical rule took
    5x longer than its patterns one by one). There ``\\bx`` is rewritten ``x(?<!\\w.)``:
    the letter first, then the same test (no word character before it), so the match is
    unchanged.
    """
    sources = [p if isinstance(p, str) else p.pattern for p in patterns]
    if not all(s.startswith("\\b") for s in sources):
        sources = [s[2] + r"(?<!\w.)" + s[3:] if _LEADING_BOUNDARY.match(s) else s for s in sources]
    return re.compile("|".join(f"(?:{s})" for s in sources))


@dataclass(frozen=True, slots=True)
class Vote:
    """A rule's vote on one text: its label and the cue that triggered it."""

    rule: str
    label: str
    cue: str
    final: bool
    negated: bool = False


def _compile(rule_id: str, key: str, patterns: object, where: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ConfigError(f"{where}: rule {rule_id!r}: {key} must be a list of strings")
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(f"{where}: rule {rule_id!r}: bad regex {pattern!r} in {key}: {exc}") from None
    return tuple(compiled)


def _sources(rule_id: str, key: str, patterns: object, where: str) -> tuple[str, ...]:
    # checked like `unless`, kept as text: a model file then pickles strings, and loading it
    # compiles one combined regex per rule instead of every pattern again
    return tuple(p.pattern for p in _compile(rule_id, key, patterns, where))


def parse_rules(data: dict[str, object], where: str) -> tuple[Rule, ...]:
    """Validate the parsed TOML into rules (errors name the file and the rule)."""
    rows = data.get("rule", [])
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: expected [[rule]] tables")
    rules, seen = [], set()
    for row in rows:
        rule_id = row.get("id")
        if not isinstance(rule_id, str) or not rule_id or rule_id in seen:
            raise ConfigError(f"{where}: every rule needs a unique string id (got {rule_id!r})")
        seen.add(rule_id)
        label, negated = row.get("label"), row.get("negated")
        if label not in LABELS or (negated is not None and negated not in LABELS):
            raise ConfigError(f"{where}: rule {rule_id!r}: label and negated must be one of {', '.join(LABELS)}")
        examples, counter = row.get("examples", []), row.get("counter", [])
        if not examples:
            raise ConfigError(f"{where}: rule {rule_id!r} has no examples")
        rules.append(Rule(rule_id, label, _sources(rule_id, "patterns", row.get("patterns"), where),
                          _compile(rule_id, "unless", row.get("unless", []), where), negated,
                          bool(row.get("final", False)), str(row.get("note", "")), tuple(examples), tuple(counter)))
    return tuple(rules)


def load_rules(path: Path | str | None = None) -> tuple[Rule, ...]:
    """Rules from ``path`` (default: the shipped ``rules.toml``)."""
    return _load_rules(str(path or data_path("rules.toml")))


@lru_cache(maxsize=4)
def _load_rules(path: str) -> tuple[Rule, ...]:
    return parse_rules(load_toml(Path(path)), path)


def apply_rule(rule: Rule, folded: str) -> Vote | None:
    """The vote of one rule on a folded text, or None when it abstains."""
    combined = rule.combined
    match = combined.search(folded)
    if match is None or any(u.search(folded) for u in rule.unless):
        return None
    while match is not None:
        if not is_negated(folded, match.start()):
            return Vote(rule.id, rule.label, match.group(), rule.final)
        if rule.negated:
            return Vote(rule.id, rule.negated, match.group(), rule.final, True)
        match = combined.search(folded, match.end() if match.end() > match.start() else match.end() + 1)
    return None


def rules_view(text: str) -> str:
    """Folded text with quote marks blanked, so cues match across « … »."""
    return fold(text).replace('"', " ")


def apply_rules(text: str, rules: tuple[Rule, ...] | None = None) -> list[Vote]:
    """Votes of every rule on ``text`` (a claim), in rule order.

    >>> [(v.rule, v.label) for v in apply_rules("Aucun progrès n'a été fait, a dit Peskov.")][:1]
    [('obstacle.no_progress', 'obstacle')]
    """
    folded = rules_view(text)
    votes = []
    for rule in rules if rules is not None else load_rules():
        try:
            vote = apply_rule(rule, folded)
        except (RecursionError, MemoryError):  # pathological input: abstain, never raise
            vote = None
        if vote:
            votes.append(vote)
    return votes


def final_vote(votes: list[Vote]) -> Vote | None:
    """The deciding vote among final rules (first in file order), if any."""
    return next((v for v in votes if v.final), None)
