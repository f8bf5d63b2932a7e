"""Interview transcripts: turns, questions, answers and the guest."""
from stance.clean import fold
from stance.interview import find_interview, turn_of
from stance.segment import split_sentences
from stance.speakers import find_mentions, load_registry

TEXT = """Kaja Kallas répondait aux questions de notre envoyé spécial.

— Que retenez-vous de Genève ?

— Des progrès, mais pas sur l'essentiel.

— Et la suite ?

— Une nouvelle réunion la semaine prochaine.
"""


def _interview(text: str):
    sentences = split_sentences(text)
    mentions = find_mentions(text, fold(text), 0, len(text), load_registry())
    return find_interview(text, sentences, mentions), sentences


def test_guest_without_greeting_is_the_last_person_named_before() -> None:
    interview, sentences = _interview(TEXT)
    assert interview is not None and interview.guest == "kallas"
    turns = {s.text: turn_of(interview, TEXT, s) for s in sentences if s.is_prose}
    assert turns["Que retenez-vous de Genève ?"] == "question"
    assert turns["Des progrès, mais pas sur l'essentiel."] == "answer"
    assert turns["Kaja Kallas répondait aux questions de notre envoyé spécial."] is None


def test_answers_that_ask_more_than_the_questions_is_not_an_interview() -> None:
    text = "\n".join(f"— Question {i} ?" for i in range(6)) + "\n"
    interview, _ = _interview(text)
    assert interview is None
