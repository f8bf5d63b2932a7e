"""Stage 4: claims — clause splits, what is never a claim, span invariants, seeds end to end."""
import importlib.util
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.claims import extract_claims

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "annotations" / "seeds.gold.jsonl"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
FAST = settings(max_examples=100, deadline=None, derandomize=True)


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"BUG: {reason}")


def assert_spans(source: str, claims: list) -> None:
    previous = 0
    for claim in claims:
        assert previous <= claim.start < claim.end <= len(source)
        assert claim.text == source[claim.start:claim.end]
        assert claim.text == claim.text.strip()
        previous = claim.end


def triples(source: str) -> list[tuple[int, str, str | None]]:
    claims = extract_claims(source)
    assert_spans(source, claims)
    return [(c.start, c.text, c.speaker) for c in claims]


def at(source: str, piece: str, speaker: str | None) -> tuple[int, str, str | None]:
    assert source.count(piece) == 1, piece
    return (source.index(piece), piece, speaker)


# --------------------------------------------------------------------------- clause splits

SPLITS = [
    pytest.param("Izvestia affirme que Poutine irait à Genève, une hypothèse que Dmitri Peskov a qualifiée de "
                 "« pure spéculation ».",
                 [("Izvestia affirme que Poutine irait à Genève,", "izvestia"),
                  ("une hypothèse que Dmitri Peskov a qualifiée de « pure spéculation ».", "peskov")],
                 id="apposed-relative-with-its-own-source"),
    pytest.param("Marco Rubio a évoqué un accord proche, un texte que les Européens ont déjà lu.",
                 [("Marco Rubio a évoqué un accord proche, un texte que les Européens ont déjà lu.", "rubio")],
                 id="apposed-relative-without-a-source-stays"),
    pytest.param("Une source affirme qu'un sommet aura lieu en mars, une hypothèse que ni Kiev ni Moscou n'ont confirmée.",
                 [("Une source affirme qu'un sommet aura lieu en mars, une hypothèse que ni Kiev ni Moscou n'ont "
                   "confirmée.", "source")], id="apposed-relative-denied-by-nobody-speaking"),
    pytest.param("C'est plutôt Moscou qui pose des conditions : Iouri Ouchakov a estimé qu'un sommet ne pourrait "
                 "avoir lieu qu'après un accord.",
                 [("Iouri Ouchakov a estimé qu'un sommet ne pourrait avoir lieu qu'après un accord.", "ouchakov")],
                 id="narrated-lead-in-before-a-colon-is-dropped"),
    pytest.param("Le Kremlin a réagi : Dmitri Peskov a affirmé que rien n'était décidé.",
                 [("Dmitri Peskov a affirmé que rien n'était décidé.", "peskov")],
                 id="lead-in-that-says-nothing-is-dropped"),
    pytest.param("Le Kremlin a salué un dialogue utile : Dmitri Peskov a affirmé que rien n'était décidé.",
                 [("Le Kremlin a salué un dialogue utile :", "kremlin"),
                  ("Dmitri Peskov a affirmé que rien n'était décidé.", "peskov")], id="colon-between-two-sources"),
    pytest.param("« Aucun accord ne peut se faire sans l'Europe », a martelé Kaja Kallas, qui s'est dite « sceptique » "
                 "quant à la volonté de Moscou.",
                 [("« Aucun accord ne peut se faire sans l'Europe », a martelé Kaja Kallas,", "kallas"),
                  ("qui s'est dite « sceptique » quant à la volonté de Moscou.", "kallas")],
                 id="relative-with-its-own-verb-after-a-claim"),
    pytest.param("Le représentant ukrainien à l'ONU, Sergiy Kyslytsya, qui a décrit une ambiance « chaleureuse », "
                 "était présent.",
                 [("Le représentant ukrainien à l'ONU, Sergiy Kyslytsya, qui a décrit une ambiance « chaleureuse », "
                   "était présent.", "kyslytsya")], id="relative-after-a-bare-name-stays-in-its-sentence"),
    pytest.param("Dmitri Peskov a affirmé que la centrale, qui reste selon lui une installation russe, serait protégée.",
                 [("Dmitri Peskov a affirmé que la centrale, qui reste selon lui une installation russe, serait protégée.",
                   "peskov")], id="relative-without-a-reporting-verb-is-content"),
    pytest.param("Le ministre a été clair : « Nous ne céderons pas. »",
                 [("Le ministre a été clair : « Nous ne céderons pas. »", None)], id="colon-before-a-quote-stays"),
    pytest.param("Kirill Dmitriev a estimé que le dialogue progressait mais que les sanctions restaient un obstacle "
                 "majeur.", [("Kirill Dmitriev a estimé que le dialogue progressait", "dmitriev"),
                             ("mais que les sanctions restaient un obstacle majeur.", "dmitriev")], id="mais-que"),
    pytest.param("Le Kremlin a salué une discussion utile, mais a exclu tout cessez-le-feu rapide.",
                 [("Le Kremlin a salué une discussion utile,", "kremlin"),
                  ("mais a exclu tout cessez-le-feu rapide.", "kremlin")], id="mais-verb"),
    pytest.param("Le Kremlin a salué une discussion utile, tandis que Kiev a dénoncé des exigences irréalistes.",
                 [("Le Kremlin a salué une discussion utile,", "kremlin"),
                  ("tandis que Kiev a dénoncé des exigences irréalistes.", "ukraine")], id="tandis-que-two-speakers"),
    pytest.param("Marco Rubio a jugé que les discussions avançaient, tandis que Iouri Ouchakov a estimé qu'aucun "
                 "compromis n'était en vue.",
                 [("Marco Rubio a jugé que les discussions avançaient,", "rubio"),
                  ("tandis que Iouri Ouchakov a estimé qu'aucun compromis n'était en vue.", "ouchakov")],
                 id="tandis-que-named"),
    pytest.param("Tout en saluant la médiation américaine, Emmanuel Macron a exigé des garanties solides.",
                 [("Tout en saluant la médiation américaine,", "macron"),
                  ("Emmanuel Macron a exigé des garanties solides.", "macron")], id="leading-tout-en"),
    pytest.param("Kirill Dmitriev a jugé l'offre sérieuse, tout en rappelant que les sanctions restaient un obstacle.",
                 [("Kirill Dmitriev a jugé l'offre sérieuse,", "dmitriev"),
                  ("tout en rappelant que les sanctions restaient un obstacle.", "dmitriev")], id="trailing-tout-en"),
    pytest.param("Kiev a dénoncé un ultimatum, tout en se disant prête à poursuivre le dialogue.",
                 [("Kiev a dénoncé un ultimatum,", "ukraine"),
                  ("tout en se disant prête à poursuivre le dialogue.", "ukraine")], id="tout-en-reflexive"),
    pytest.param("Marco Rubio a jugé que les discussions avançaient ; il a toutefois prévenu que rien n'était acquis.",
                 [("Marco Rubio a jugé que les discussions avançaient ;", "rubio"),
                  ("il a toutefois prévenu que rien n'était acquis.", "rubio")], id="semicolon"),
    pytest.param("Iouri Ouchakov a jugé la rencontre utile; il a néanmoins exclu tout compromis territorial.",
                 [("Iouri Ouchakov a jugé la rencontre utile;", "ouchakov"),
                  ("il a néanmoins exclu tout compromis territorial.", "ouchakov")], id="semicolon-glued"),
    pytest.param("Marco Rubio a salué des avancées, mais prudemment.",
                 [("Marco Rubio a salué des avancées, mais prudemment.", "rubio")], id="short-clause-not-split"),
    pytest.param("Marco Rubio a salué des avancées mais aussi des obstacles.",
                 [("Marco Rubio a salué des avancées", "rubio"), ("mais aussi des obstacles.", "rubio")],
                 id="mais-without-que"),
]


@pytest.mark.parametrize("source, expected", SPLITS)
def test_clause_splits(source: str, expected: list[tuple[str, str]]) -> None:
    assert triples(source) == [at(source, piece, speaker) for piece, speaker in expected]
    claims = extract_claims(source)
    assert len({c.sentence for c in claims}) == 1  # clauses of one sentence


def test_clauses_of_a_seed_sentence_have_their_own_offsets() -> None:
    source = ("Le ministre a salué des progrès réels mais que beaucoup restait à faire. "
              "Le Kremlin a jugé l'offre utile, tandis que Kiev l'a jugée insuffisante.")
    claims = extract_claims(source)
    assert [c.text for c in claims] == [
        "Le ministre a salué des progrès réels", "mais que beaucoup restait à faire.",
        "Le Kremlin a jugé l'offre utile,", "tandis que Kiev l'a jugée insuffisante."]
    assert_spans(source, claims)
    assert claims[0].sentence == claims[1].sentence != claims[2].sentence == claims[3].sentence


# --------------------------------------------------------------------------- never claims

@pytest.mark.parametrize("source", [
    pytest.param("Les combats se poursuivent dans la région de Kharkiv.", id="narration"),
    pytest.param("La rencontre a eu lieu mardi à Genève.", id="meeting-took-place"),
    pytest.param("Steve Witkoff a rencontré Kirill Dmitriev mardi à Miami.", id="meeting-between-named"),
    pytest.param("Les deux délégations se sont retrouvées lundi à Genève.", id="delegations-met"),
    pytest.param("Vladimir Poutine a reçu Steve Witkoff pendant cinq heures au Kremlin.", id="received"),
    pytest.param("La rencontre a été qualifiée de constructive.", id="passive-without-source"),
    pytest.param("Rubio juge les discussions utiles", id="short-heading-with-verb"),
    pytest.param("RUBIO ESTIME QUE L'ACCORD EST PROCHE", id="caps-heading-with-verb"),
    pytest.param("Lire aussi : Le Kremlin affirme que l'accord est proche", id="link"),
    pytest.param("Photo : Marco Rubio a salué les négociateurs à Genève / AFP", id="photo-caption"),
    pytest.param("(Avec AFP)", id="byline"),
    pytest.param("Par Jeanne Martin", id="author"),
    pytest.param("En cliquant sur « J'accepte », vous acceptez que nos partenaires et nous déposions des cookies.",
                 id="cookie-banner"),
    pytest.param("Nos partenaires et nous estimons que vos données sont précieuses.", id="banner-with-verb"),
    pytest.param("Question : Le Kremlin a-t-il répondu à la proposition ?", id="interviewer-question"),
    pytest.param("Partager sur Facebook", id="share"),
    pytest.param("", id="empty"),
    pytest.param("Kiev a reçu lundi une proposition écrite.", id="participle-adjective-ecrite"),
])
def test_never_claims(source: str) -> None:
    assert extract_claims(source) == []


@pytest.mark.parametrize("prefix", [
    pytest.param("MOSCOU, 2 décembre (Reuters) - ", id="dateline"),
    pytest.param("14h32 - ", id="timestamp"),
    pytest.param("- ", id="bullet"),
    pytest.param("date 2025-12-06 ", id="date-header"),
])
def test_zoned_prefix_is_not_part_of_the_claim(prefix: str) -> None:
    sentence = "Le Kremlin a jugé la proposition américaine inacceptable."
    source = prefix + sentence
    assert triples(source) == [(len(prefix), sentence, "kremlin")]


def test_document_with_every_kind_of_line() -> None:
    source = ("date 2025-12-06 NÉGOCIATIONS : RUBIO JUGE L'ACCORD PROCHE\n\n"
              "Par Jeanne Martin\n\n"
              "MOSCOU, 2 décembre (Reuters) - Le Kremlin a jugé la proposition américaine inacceptable.\n\n"
              "Gérer mes choix\nJ'accepte\n\n"
              "Photo : Dmitri Peskov au Kremlin / AFP\n\n"
              "Les combats se poursuivent dans l'est du pays.\n\n"
              "Lire aussi : Kiev affirme que rien n'est signé\n\n"
              "Il a ajouté que Moscou attendait une réponse écrite de Washington.\n"
              "(Avec AFP)")
    assert triples(source) == [
        at(source, "Le Kremlin a jugé la proposition américaine inacceptable.", "kremlin"),
        at(source, "Il a ajouté que Moscou attendait une réponse écrite de Washington.", "kremlin"),
    ]


def test_claim_fields() -> None:
    source = "Le Kremlin a démenti tout blocage. « Nous avançons. Rien n'est signé », a déclaré Dmitri Peskov."
    claims = extract_claims(source, doc="article-7")
    assert [c.text for c in claims] == ["Le Kremlin a démenti tout blocage.", "« Nous avançons.",
                                        "Rien n'est signé », a déclaré Dmitri Peskov."]
    assert all(c.doc == "article-7" and c.label is None for c in claims)
    assert [c.sentence for c in claims] == [0, 1, 2]
    assert claims[1].unit == claims[2].unit != claims[0].unit  # one quotation, one unit
    assert claims[2].speaker_mention == "Dmitri Peskov" and claims[2].cue
    assert claims[0].to_dict()["speakers"] == ["kremlin"]


def test_crlf_offsets() -> None:
    source = "Marco Rubio a jugé les échanges utiles.\r\n\r\nIl a ajouté que le calendrier restait ouvert.\r\n"
    assert triples(source) == [at(source, "Marco Rubio a jugé les échanges utiles.", "rubio"),
                               at(source, "Il a ajouté que le calendrier restait ouvert.", "rubio")]


def test_custom_registry_is_used(tmp_path: Path) -> None:
    from stance.speakers import load_registry
    path = tmp_path / "sp.toml"
    path.write_text('[dupont]\nname = "Jeanne Dupont"\nkind = "person"\ngender = "f"\nside = "EU"\n'
                    'names = ["Jeanne Dupont", "Dupont"]\n', encoding="utf-8")
    source = "Mme Dupont a salué la reprise du dialogue. Elle a ajouté que l'Europe resterait vigilante."
    claims = extract_claims(source, registry=load_registry(path))
    assert [c.speaker for c in claims] == ["dupont", "dupont"]


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from([
    "Marco Rubio", "Le Kremlin", "Il", "Elle", "Celui-ci", "le responsable russe", "Kiev", "une source",
    " a déclaré ", " a estimé que ", " a-t-il souligné", ", a ajouté ", "était-il ajouté", "Selon ", "D'après lui, ",
    "« ", " »", '"', " mais que ", " tandis que ", " tout en saluant ", "; ", ", ", ". ", ".", "?", " : ",
    "\n", "\n\n", "\r\n", "J'accepte", "TITRE", "Lire aussi : ", "(Avec AFP)", "14h32 - ", "- ", "les deux parties",
    "la paix", " qui a décrit ", "M. ", "(...)", "…", "é", " ",
])


@FAST
@given(st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=40).map("".join)))
def test_claim_spans_property(source: str) -> None:
    assert_spans(source, extract_claims(source))


@FAST
@given(st.binary(max_size=300))
def test_claims_on_surrogateescaped_bytes(raw: bytes) -> None:
    source = raw.decode("utf-8", "surrogateescape")
    assert_spans(source, extract_claims(source))


# --------------------------------------------------------------------------- seeds end to end

def _scorer():
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SCORER.exists() and GOLD.exists() and SEEDS.exists()),
                    reason="../shared/tools/score.py, seeds or gold annotations absent")
def test_seeds_detection_and_speakers_end_to_end() -> None:
    scorer = _scorer()
    predictions = []
    for path in sorted(SEEDS.glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        claims = extract_claims(source, doc=path.stem)
        assert_spans(source, claims)
        for claim in claims:
            row = claim.to_dict()
            row["label"] = "position"  # stance labels are not scored here
            predictions.append(row)
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = scorer.score(predictions, gold, str(SEEDS))
    assert result["gold_claims"] == sum(1 for g in gold if not g.get("ignore"))
    details = {k: result[k] for k in ("misses", "false_pos")}
    assert result["detection_f1"] >= 0.95, details
    assert result["speaker_acc"] >= 0.95, result["wrong"]


INTERVIEW = """Marc Delorme, ancien négociateur à l'OSCE, était l'invité de la matinale.

— Marc Delorme, bonjour. Faut-il croire à une trêve avant l'été ?

— Bonjour. Je n'y crois guère. Les positions restent très éloignées sur les territoires.

— Les Européens ont-ils encore un rôle ?

— Oui, celui de payer la reconstruction.
"""


def test_interview_answers_are_claims_of_the_guest_and_questions_are_not() -> None:
    claims = extract_claims(INTERVIEW)
    assert [(c.speaker, c.text) for c in claims] == [
        ("delorme", "Je n'y crois guère."),
        ("delorme", "Les positions restent très éloignées sur les territoires."),
        ("delorme", "Oui, celui de payer la reconstruction."),
    ]
    assert all(c.method == "interview" and INTERVIEW[c.start:c.end] == c.text for c in claims)


def test_a_few_bullet_lines_are_not_an_interview() -> None:
    text = "- Le Kremlin juge le plan prématuré.\n- Kiev se rendra à Genève ?\n- Rien d'autre.\n"
    assert all(c.method != "interview" for c in extract_claims(text))


def test_each_sentence_of_a_name_colon_answer_is_its_own_claim() -> None:
    text = ("Iryna Kovalenko : Nous ne céderons aucun territoire. Le président l'a dit très clairement.\n\n"
            "Iryna Kovalenko : Merci à vous.\n\nIryna Kovalenko : Laissez-moi finir.\n\n"
            "Iryna Kovalenko : Non.\n\nDmitri Peskov : « Jamais »\n")
    claims = extract_claims(text)
    assert [(c.speaker, c.text) for c in claims] == [
        ("kovalenko", "Iryna Kovalenko : Nous ne céderons aucun territoire."),
        ("kovalenko", "Le président l'a dit très clairement."),
        ("peskov", "Dmitri Peskov : « Jamais »"),  # a short quoted headline still says something
    ]
    assert claims[0].unit != claims[1].unit  # labelling never joins them back


TRANSCRIPT = """Point de presse du Kremlin

QUESTION (Reuters) : Le président Zelensky a affirmé que l'Ukraine ne retirerait jamais ses troupes. Votre réaction ?

DMITRI PESKOV : Notre position est bien connue et elle n'a pas changé.

Quant au référendum, c'est une affaire intérieure de l'Ukraine.

JOURNALISTE : Plus prudent, en tout cas.

Nous constatons que Kiev invente de nouveaux prétextes pour retarder le processus.

QUESTION (AFP) : Et les Européens, sont-ils écartés ?

DMITRI PESKOV : Ils ne jouent aucun rôle constructif.

Côté américain, le ton reste résolument optimiste.
"""


def test_a_transcript_answer_runs_over_its_paragraphs_up_to_the_next_label() -> None:
    claims = extract_claims(TRANSCRIPT)
    assert [(c.speaker, c.method, c.text) for c in claims] == [
        ("zelensky", "subject", "Le président Zelensky a affirmé que l'Ukraine ne retirerait jamais ses troupes."),
        ("peskov", "headline", "DMITRI PESKOV : Notre position est bien connue et elle n'a pas changé."),
        ("peskov", "answer", "Quant au référendum, c'est une affaire intérieure de l'Ukraine."),
        # the interviewer's line ends the answer; after the last question the article narrates
        ("peskov", "headline", "DMITRI PESKOV : Ils ne jouent aucun rôle constructif."),
    ]


def test_a_pronoun_in_a_question_points_to_the_person_it_reports() -> None:
    text = ("Transcription.\n\nJOURNALISTE : Bonjour.\n\nJEAN DUPONT : Bonjour.\n\nJOURNALISTE : Ce matin, Iouri "
            "Ouchakov a parlé d'un échange « utile », mais il a prévenu que « rien n'était réglé ». La paix approche-t-elle ?"
            "\n\nJEAN DUPONT : Il faut être lucide, rien n'est fait.\n\nJOURNALISTE : Merci ?\n")
    assert [c.speaker for c in extract_claims(text)][:2] == ["ouchakov", "ouchakov"]


@pytest.mark.parametrize("text", [
    pytest.param("Négociations\n\nLa délégation est rentrée à Kiev. Roustem Oumerov a répondu que la décision "
                 "reviendrait « au peuple ukrainien et à personne d’au\n\nLa suite est réservée aux abonnés.",
                 id="page-cut-inside-the-quotation"),
    pytest.param("Roustem Oumerov a répondu que la décision reviendrait « au peuple ukrainien.\n\nLa séance a repris.",
                 id="quotation-never-closed-before-the-paragraph-ends"),
])
def test_a_quotation_left_open_keeps_its_claim(text: str) -> None:
    assert [c.speaker for c in extract_claims(text)] == ["oumerov"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Dans une longue interview accordée à la présentatrice Ekaterina Andreïeva, le ministre Sergueï Lavrov "
                 "est revenu sur les discussions. « Rien n'est fait », a-t-il ajouté.", "lavrov",
                 id="name-inside-the-opening-phrase"),
    pytest.param("Sur le front de Zaporijjia, à plusieurs centaines de kilomètres de là, le sergent Oleksandr Moroz a vu "
                 "passer trop de trêves. « Je ne crois pas à ces négociations », explique-t-il.", "moroz",
                 id="subject-far-after-the-opening-phrases"),
])
def test_narrated_subject_follows_the_opening_phrases(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract_claims(text)] == [speaker]


def test_selon_with_a_relative_then_a_demonstrative_role() -> None:
    text = ("Selon l'agence Reuters, qui cite un responsable européen présent à Berlin, M. Witkoff aurait évoqué des "
            "« avancées importantes ». Ce responsable a indiqué à l'agence que la discussion avait eu lieu lors d'un dîner.")
    claims = extract_claims(text)
    # the relative belongs to the source phrase: one claim; « ce responsable » is the source the agency cited
    assert [c.speaker for c in claims] == ["reuters", "source"]


def test_a_sound_bite_belongs_to_the_voice_its_label_names() -> None:
    text = ("Côté russe, on reste réservé.\n\n(SON — Dmitri Peskov, traduit du russe)\n"
            "« Le travail est difficile. Nos positions restent éloignées. »\n\n"
            "(DUPLEX — Mathieu Girard)\n« Ici, l'espoir se mêle à la méfiance. »\n\n"
            "(SON — Emmanuel Macron)\nLe président a parlé longtemps.\n")
    claims = extract_claims(text)
    assert [(c.text, c.speaker) for c in claims] == [("« Le travail est difficile.", "peskov"),
                                                      ("Nos positions restent éloignées. »", "peskov")]
    one = extract_claims("(SON — Dmitri Peskov)\n« Le travail est difficile. »\n")
    assert [(c.speaker, c.method) for c in one] == [("peskov", "sound-label")]


def test_a_signature_on_the_line_below_a_quotation_names_its_source() -> None:
    text = "« Aucun accord sans garanties. »\n— Roustem Oumerov\n\n« Rien n'est réglé. »\n"
    assert [(c.text, c.speaker) for c in extract_claims(text)] == [("« Aucun accord sans garanties. »", "oumerov")]
