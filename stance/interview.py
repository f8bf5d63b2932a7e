"""Interview transcripts: dialogue lines alternating question and answer.

French radio and press interviews print each turn as a line opening with a dash, or, in
a text announced as an interview, as a short question paragraph followed by its answer.
When a document has at least four dash turns (or three question paragraphs) and the
interviewer's turns ask questions, every answer is a claim of the guest, whose name is
taken from the greeting (« — Hélène Castaing, bonjour. ») or, failing that, is the last
person named before the dialogue. The interviewer's turns are never claims (guide §2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .attribute import Attribution
from .clauses import MIN_WORDS, WORD
from .clean import fold
from .records import Mention, Sentence
from .resources import word_list, word_set
from .speakers import ascii_id
from .verbs import verb_lexicon

_GREETING = re.compile(r"\s*([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+)\s*,\s*bonjour\b")
_MIN_TURNS = 4
_LINE_START = re.compile(r"^[ \t]*\S", re.MULTILINE)  # the first character of each non-blank line
_BYLINE = re.compile(r"\s*(?:propos\s+recueillis\s+)?par\s+")  # « Propos recueillis par Julien Ferrand »: the interviewer
_HEADLINE_COLON = re.compile(r"\s?:\s*[«\"“]")
# announced as an interview: a rubric line (« ENTRETIEN. », « Interview – ») or « propos recueillis »;
# « lors d'un entretien téléphonique » in a news story is not
_INTERVIEW_CUE = re.compile(r"propos recueillis|^[ \t]*(?:entretien|interview)\b|repond(?:ait)? aux questions",
                            re.IGNORECASE | re.MULTILINE)
_CUE_REACH = 800  # characters from the top where the interview is announced
_MAX_QUESTION_WORDS = 40
_MIN_PARAGRAPH_QUESTIONS = 3


@dataclass(frozen=True)
class Interview:
    """Where the turns are, which are answers, and who answers."""

    answers: frozenset[int]  # line starts of the guest's turns
    questions: frozenset[int]
    guest: str | None
    guest_mention: str | None


def line_start(text: str, position: int) -> int:
    """Offset of the start of the line holding ``position``."""
    return text.rfind("\n", 0, position) + 1


def _turn_lines(text: str, sentences: list[Sentence]) -> list[int]:
    # a dash marker opens a turn; a turn is known by the start of its line
    return [line_start(text, s.start) for s in sentences if s.kind == "marker" and s.text in ("—", "–", "-")]


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)].strip(" \t\r—–-\u00a0")


def _paragraph_turns(text: str, labelled: frozenset[int]) -> list[int]:
    """Turns of an interview printed as paragraphs, a question then its answer, no dashes.

    Only in a text announced as an interview (« Propos recueillis par », « ENTRETIEN »); a
    question is a short paragraph ending with « ? », or a line labelled as a question
    (``labelled``: « Q : Moscou réclame aussi … »), its answer the next paragraph.
    """
    if not _INTERVIEW_CUE.search(fold(text[:_CUE_REACH])):
        return []
    starts = [m.start() for m in _LINE_START.finditer(text)]
    turns: list[int] = []
    for here, nxt in zip(starts, starts[1:]):
        line = _line(text, here)
        # a labelled question (« Q : … ») may first quote someone at length
        asks = here in labelled or line.endswith("?") and len(line.split()) <= _MAX_QUESTION_WORDS
        if asks and not _line(text, nxt).endswith("?") \
                and nxt not in labelled:
            turns += [here, nxt]
    return turns if len(turns) >= 2 * _MIN_PARAGRAPH_QUESTIONS else []


def _answers_after(text: str, questions: list[int]) -> list[int]:
    """Dashed questions whose answers are the undashed paragraphs after them."""
    turns: list[int] = []
    for question in questions:
        line_end = text.find("\n", question)
        nxt = _LINE_START.search(text, line_end + 1) if line_end >= 0 else None
        if nxt is None or text[nxt.end() - 1] in "—–-":
            continue
        turns += [question, nxt.start()]
    return turns


def find_interview(text: str, sentences: list[Sentence], mentions: list[Mention]) -> Interview | None:
    """The interview structure of a document, or None when it has no dialogue."""
    turns = _turn_lines(text, sentences)
    labelled = frozenset(line_start(text, s.start) for s in sentences if s.kind == "question")  # « Q : … »
    if len(turns) >= _MIN_TURNS // 2 and all(_line(text, t).endswith("?") for t in turns):
        turns = _answers_after(text, turns)  # « — Question ? » lines, answers in plain paragraphs
    if len(turns) < _MIN_TURNS:
        turns = _paragraph_turns(text, labelled)
        if not turns:
            return None
    lines = [_line(text, t) for t in turns]
    asked = [line.endswith(("?", "…", "...")) or turn in labelled for line, turn in zip(lines, turns)]
    if sum(asked[0::2]) <= sum(asked[1::2]):  # the interviewer's turns are the ones that ask
        return None
    greeting = _GREETING.match(lines[0])
    guest, shown = None, None
    if greeting:
        shown = greeting.group(1)
        start = turns[0] + text[turns[0]:].find(shown)
        named = next((m for m in mentions if m.start <= start < m.end and m.speaker), None)
        guest = named.speaker if named else ascii_id(shown.split()[-1])
    else:
        before = [m for m in mentions if m.end <= turns[0] and m.kind == "person" and m.speaker
                  and not _BYLINE.fullmatch(fold(text[line_start(text, m.start):m.start]))]
        # « Olena Kovalenko : « … » » as the title names the guest; else the last person named
        titled = next((m for m in before if _HEADLINE_COLON.match(text, m.end) and "\n" not in text[:m.start].strip()),
                      None)
        chosen = titled or (before[-1] if before else None)
        if chosen is not None:
            guest, shown = chosen.speaker, chosen.text
    return Interview(frozenset(turns[1::2]), frozenset(turns[0::2]), guest, shown)


def turn_of(interview: Interview, text: str, sentence: Sentence) -> str | None:
    """``"answer"``, ``"question"`` or None for a sentence outside the dialogue."""
    line = line_start(text, sentence.start)
    if line in interview.answers:
        return "answer"
    if line in interview.questions:
        return "question"
    return None


_WORD_OR_ELISION = re.compile(r"\w+'?")
_QUOTE_MARK = re.compile(r"[«»“”\"]")


def says_nothing(answer: str) -> bool:
    """A courtesy, or a bare « Non. » / « Oui, bien sûr. » outside quotes (a quoted « Jamais »
    is a headline): an answer that is no claim."""
    return is_courtesy(answer) or len(WORD.findall(answer)) < MIN_WORDS and not _QUOTE_MARK.search(answer)


def is_courtesy(text: str) -> bool:
    """« Merci à vous. », « Bonjour. »: a turn that says nothing (``data/courtesies.txt``)."""
    return " ".join(_WORD_OR_ELISION.findall(fold(text))) in _courtesies()


@lru_cache(maxsize=1)
def _courtesies() -> frozenset[str]:
    return frozenset(" ".join(_WORD_OR_ELISION.findall(line)) for line in word_list("courtesies"))


def named_source(attribution: Attribution | None, mentions: list[Mention],
                  kinds: tuple[str, ...] = ("person", "institution"),
                  methods: tuple[str, ...] = ("subject", "inverted", "aside")) -> Mention | None:
    """The named person (or body) that is the source, as subject or inverted (not a pronoun)."""
    if attribution is None or not attribution.speaker or attribution.method not in methods:
        return None
    return next((m for m in mentions if m.text == attribution.mention and m.kind in kinds), None)


def reports_someone_named(attribution: Attribution | None, mentions: list[Mention]) -> bool:
    """In an answer, « Iouri Ouchakov a expliqué que … »: a named person says it, not the guest."""
    if named_source(attribution, mentions, kinds=("person",)) is None:
        return False
    entry = verb_lexicon().get(" ".join((attribution.cue or "").split()[-1:]))
    return entry is not None and entry.lemma in word_set("saying_verbs")
