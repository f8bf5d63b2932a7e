"""Reporting and stance verbs: the lexicon (``data/reporting_verbs.txt``) and verb groups.

A verb group is a reporting verb with its auxiliary and what sits between them
(« a pour sa part évoqué », « s'est dit », « a-t-il souligné », « était-il ajouté »).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .clean import fold
from .resources import word_list
from .trie import trie_pattern

_ER_ENDINGS = ("e", "ee", "es", "ees", "ent", "ait", "aient", "a", "erent", "era", "eront", "erait",
               "eraient", "ant", "er", "ons", "ez")
_AUXILIARIES = ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut", "est", "sont",
                "etait", "etaient", "ai", "avons", "avez", "s'est", "se sont", "s'etait", "s'etaient",
                "va", "vont", "allait", "doit", "devait", "veut", "voulait", "tient a", "a tenu a",
                "a ete", "ont ete", "avait ete", "avaient ete", "aurait ete", "auraient ete")


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """A lexicon verb and the conditions under which it reports speech."""

    lemma: str
    requires: str | None = None  # words (« de|d' ») one of which must follow in the clause
    incise_only: bool = False


def _generate_forms(infinitive: str) -> list[str]:
    # « laisser entendre »: the first word conjugates, the rest stays
    verb, _, rest = infinitive.partition(" ")
    base, tail = verb[:-2], f" {rest}" if rest else ""
    forms = []
    for ending in _ER_ENDINGS:
        stem = base
        if base.endswith("g") and ending[0] in "ao":
            stem = base + "e"
        forms.append(stem + ending + tail)
    return forms


_ENTRY = re.compile(r"(?P<head>(?:\[[^\]]*\]|[^:])*)(?::(?P<forms>.*))?$")


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, VerbEntry]:
    """Folded verb form → entry, generated from the data file."""
    return _lexicon(reflexive_only=False)


@lru_cache(maxsize=1)
def _reflexive_lexicon() -> dict[str, VerbEntry]:
    return _lexicon(reflexive_only=True)


def entry_of(form: str, reflexive: bool) -> VerbEntry:
    """The entry of a matched form; with its reflexive pronoun the reflexive verb's, when
    one shares the form (« s'est demandé si » is not « a demandé que »)."""
    return (_reflexive_lexicon().get(form) if reflexive else None) or verb_lexicon()[form]


def _lexicon(reflexive_only: bool) -> dict[str, VerbEntry]:
    forms: dict[str, VerbEntry] = {}
    for line in word_list("reporting_verbs"):
        # the colon that starts the form list, not one inside « [que|qu'|:] »
        head, listed = _ENTRY.match(line).group("head", "forms")
        listed = listed or ""
        requires = re.search(r"\[([^\]]+)\]", head)
        entry = VerbEntry(fold(re.sub(r"[\[{].*", "", head)).strip(),
                          fold(requires.group(1)) if requires else None, "{incise}" in head)
        lemma = entry.lemma
        reflexive = re.match(r"(?:se |s')(.*)", lemma)
        if reflexive_only and not reflexive:
            continue
        if listed.strip():
            words = [fold(f).strip() for f in listed.split(",") if f.strip()]
            if " " not in lemma:
                words.append(lemma)  # the infinitive too (« a tenu à rappeler »)
        elif (reflexive.group(1) if reflexive else lemma).split()[0].endswith("er"):
            words = _generate_forms(reflexive.group(1) if reflexive else lemma)
        else:
            words = [lemma]
        for word in words:  # a plain verb outranks a reflexive one sharing the form (« opposer »)
            if word not in forms or not reflexive and forms[word].lemma.startswith(("se ", "s'")):
                forms[word] = entry
    return forms


@lru_cache(maxsize=1)
def verb_pattern() -> re.Pattern[str]:
    """Regex finding verb groups in masked folded text.

    Groups: ``aux`` (auxiliary, optional), ``refl`` (reflexive pronoun), ``verb`` (the
    lexicon form), ``inv`` (inverted subject pronoun: -t-il, -elle, -on…).
    """
    alternation = trie_pattern(verb_lexicon())
    fillers = trie_pattern(word_list("verb_fillers"))
    aux = trie_pattern(_AUXILIARIES)
    return re.compile(
        rf"(?<![\w'-])(?:ne\s+|n')?(?:(?:(?:l'|le\s+|la\s+|les\s+|lui\s+|leur\s+|nous\s+|vous\s+|me\s+|m'|y\s+|en\s+)(?=[a-z]))?(?P<aux>(?:(?:se|s')\s*)?(?:{aux}))(?P<auxinv>-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))?"
        rf"(?:\s*,?\s+(?:{fillers})(?:(?<=')|(?![\w]))\s*,?){{0,4}}?\s*)?(?:(?:nous|vous|me)\s+|m')?(?P<refl>(?:se|s')\s*)?(?P<verb>{alternation})"
        rf"(?P<inv>-t-(?:il|elle|on)|-(?:il|elle|ils|elles|on))?(?![\w])"
    )


@lru_cache(maxsize=1)
def distant_auxiliary() -> re.Pattern[str]:
    """An auxiliary before a participle with up to four fillers and commas between them
    (« a en outre, mercredi, estimé »), matched up to the end of the searched text."""
    fillers = trie_pattern(word_list("verb_fillers"))
    return re.compile(r"(?<![\w'])(?:a|ont|avait|avaient|aurait|auraient|aura|auront|s'est|se\s+sont|s'etait)"
                      rf"(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles))?(?:\s*,?\s*(?:{fillers})\s*,?){{0,4}}\s*$")


def is_gerund(form: str) -> bool:
    """« estimant », « saluant »: a participle clause, not a main verb."""
    return form.endswith("ant")


def is_participle(form: str, written: str) -> bool:
    """« qualifiée », « annoncé » used without auxiliary: an adjective, not a finite verb.

    ``written`` is the form as in the original text (accents decide « affirmé » from
    « affirme »; accent-stripped text keeps the finite reading).
    """
    entry = verb_lexicon().get(form)
    if entry is None:
        return False
    if not entry.lemma.endswith("er"):  # « écrite », « admis », « conclue »: feminine or plural participles
        return form.endswith(("ite", "ites", "ise", "ises", "ue", "ues", "its", "ie", "ies")) and " " not in form
    return form.endswith(("ee", "ees", "es")) or written.rstrip().endswith(("é", "É"))


def is_infinitive(form: str) -> bool:
    """« déclarer »: an infinitive never carries the clause's subject."""
    entry = verb_lexicon().get(form)
    return entry is not None and (form == entry.lemma or form == re.sub(r"^(?:se |s')", "", entry.lemma))


# « X a remercié l'Union et affirmé que … »: a participle after « et » shares the auxiliary
# of the verb before it
_AND_BEFORE = re.compile(r"(?<![\w'])et\s*$")
_EARLIER_AUXILIARY = re.compile(r"(?<![\w'])(?:a|ont|avait|avaient|aurait|auraient)\s+\w+")


def shares_auxiliary(masked: str, position: int) -> bool:
    """True when a participle at ``position`` follows « et » after a verb with its auxiliary."""
    and_before = _AND_BEFORE.search(masked, 0, position)
    return bool(and_before and _EARLIER_AUXILIARY.search(masked, 0, and_before.start()))
