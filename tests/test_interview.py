"""Interview transcripts: turns, questions, answers and the guest."""
import pytest

from stance.clean import fold
from stance.interview import find_interview, turn_of
from stance.mentions import find_mentions
from stance.segment import split_sentences
from stance.speakers import load_registry

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


def test_each_sentence_of_an_answer_is_its_own_claim() -> None:
    # the guide is silent on answers; its « usually a sentence » and two of four held-out
    # annotators cut answers by sentence, and a sentence keeps its own stance
    from stance.claims import extract_claims
    text = TEXT.replace("Une nouvelle réunion la semaine prochaine.",
                        "Une nouvelle réunion la semaine prochaine. Elle aura lieu à Genève.")
    claims = extract_claims(text)
    units = {c.text: c.unit for c in claims}
    assert units["Une nouvelle réunion la semaine prochaine."] != units["Elle aura lieu à Genève."]
    assert units["Des progrès, mais pas sur l'essentiel."] != units["Elle aura lieu à Genève."]
    assert {c.speaker for c in claims} == {"kallas"}


@pytest.mark.parametrize("text, courtesy", [
    pytest.param("Merci à vous.", True, id="thanks"),
    pytest.param("Merci de m’avoir invité !", True, id="thanks-curly-apostrophe"),
    pytest.param("Merci, nous avançons bien.", False, id="thanks-then-a-claim"),
])
def test_courtesy_turns_are_not_claims(text: str, courtesy: bool) -> None:
    from stance.interview import is_courtesy
    assert is_courtesy(text) is courtesy


PARAGRAPHS = """Iryna Tkatchenko : « Rien n'est réglé »

ENTRETIEN. Propos recueillis par Paul Martin.

Iryna Tkatchenko arrive de Genève, où elle a croisé Volodymyr Zelensky.

Les discussions avancent-elles ?

Oui, les groupes de travail se réunissent chaque semaine et les documents circulent.

Et sur les territoires ?

Rien n'a bougé, la délégation russe répète ses exigences.

Une date pour la suite ?

Nous retournerons à Genève le 9 juin.
"""


def test_question_paragraphs_in_an_announced_interview_are_turns() -> None:
    from stance.claims import extract_claims
    claims = extract_claims(PARAGRAPHS)
    assert [c.text for c in claims][-3:] == [
        "Oui, les groupes de travail se réunissent chaque semaine et les documents circulent.",
        "Rien n'a bougé, la délégation russe répète ses exigences.", "Nous retournerons à Genève le 9 juin."]
    assert {c.speaker for c in claims[-3:]} == {"tkatchenko"}  # the guest named in the title, not Zelensky
    # the same paragraphs in a text not announced as an interview are not a dialogue, even
    # when « entretien » appears in a sentence
    for plain in (PARAGRAPHS.replace("ENTRETIEN. Propos recueillis par", "Par"),
                  PARAGRAPHS.replace("ENTRETIEN. Propos recueillis par", "Lors d'un entretien téléphonique avec")):
        assert find_interview(plain, split_sentences(plain), []) is None


DASHED_QUESTIONS = """Le politologue Mikhaïl Sokolovski répond à nos questions.

Propos recueillis par Julien Ferrand
Publié le 14/04/2027

— Moscou peut-il accepter cette clause ?

Sous cette forme, certainement pas.

— Kaja Kallas estime que le traité ne vaudrait rien. Que lui répondez-vous ?

Ce n'est pas sérieux. Sur le fond, je ne vois aucun mouvement : la Russie veut toujours le Donbass.

— Moscou rejette le tracé américain. Est-ce un obstacle ?

Oui.

— Le Kremlin a-t-il posé des conditions ?

Iouri Ouchakov a expliqué qu'il faudrait d'abord un texte prêt. Moscou exige toujours la neutralité.
"""


def test_dashed_questions_with_plain_answers_and_named_reports() -> None:
    from stance.claims import extract_claims
    claims = [(c.text, c.speaker) for c in extract_claims(DASHED_QUESTIONS)]
    assert claims == [("Sous cette forme, certainement pas.", "sokolovski"),
                      ("Kaja Kallas estime que le traité ne vaudrait rien.", "kallas"),  # reported in a question
                      ("Ce n'est pas sérieux.", "sokolovski"),
                      # a colon inside an answer cuts nothing
                      ("Sur le fond, je ne vois aucun mouvement : la Russie veut toujours le Donbass.", "sokolovski"),
                      ("Moscou rejette le tracé américain.", "russie"),  # a body named in a question reports too
                      ("Iouri Ouchakov a expliqué qu'il faudrait d'abord un texte prêt.", "ouchakov"),
                      ("Moscou exige toujours la neutralité.", "sokolovski")]  # not the byline's interviewer


LABELLED = """ENTRETIEN

Iryna Savtchouk : « Nous ne céderons pas »

Propos recueillis par Claire Vasseur

Q : Qu'en retenez-vous ?

R : Ce fut une réunion très dense. Nous avons rapproché nos positions.

Q : Moscou réclame aussi une limitation de votre armée.

R : C'est une ligne rouge absolue.

Q : Et ensuite ?

R : Une nouvelle réunion doit se tenir à Miami.
"""


def test_labelled_question_without_a_question_mark_still_opens_a_turn() -> None:
    from stance.claims import extract_claims
    texts = [c.text for c in extract_claims(LABELLED)]
    assert "C'est une ligne rouge absolue." in texts  # the answer after « Q : Moscou réclame … »
    assert {c.speaker for c in extract_claims(LABELLED)} == {"savtchouk", "russie"}  # « Moscou réclame » reports
    assert not any(t.startswith("R :") for t in texts)  # the label is no part of the claim


LONG_QUESTIONS = ("""ENTRETIEN

Guéorgui Belov : « Nous n'avons jamais été aussi près d'un cessez-le-feu »

Propos recueillis par Claire Dumont

"""
                  "Q : Après la dernière session d'Abou Dhabi, Steve Witkoff a parlé de discussions « extrêmement "
                  "productives ». Iouri Ouchakov a au contraire affirmé qu'il était « trop tôt pour parler de "
                  "résultats ». Qui faut-il croire, selon vous, aujourd'hui ?"
                  """

R : Sur les dossiers techniques, les équipes ont beaucoup avancé. Sur le fond, rien n'a bougé.

Q : Le Kremlin exige toujours le retrait des troupes ukrainiennes de la région de Donetsk. Vladimir Poutine peut-il y renoncer ?

R : Je ne vois pas le président russe y renoncer sans une contrepartie majeure.

Q : Et Kiev ?

R : Kiev ne cédera pas, et Washington le sait.
""")


def test_labelled_questions_may_run_long_and_report_someone() -> None:
    from stance.claims import extract_claims
    claims = [(c.speaker, c.text) for c in extract_claims(LONG_QUESTIONS)]
    # the guest, named only in the title with a first name we do not list, answers
    assert ("belov", "Je ne vois pas le président russe y renoncer sans une contrepartie majeure.") in claims
    # a question quoting someone first reports that person's claim
    assert ("witkoff", "Après la dernière session d'Abou Dhabi, Steve Witkoff a parlé de discussions "
            "« extrêmement productives ».") in claims  # without the « Q : » label
    assert {"ouchakov", "kremlin"} <= {speaker for speaker, _ in claims}
    assert not any(text.endswith("?") for _, text in claims)  # the interviewer's questions are never claims
