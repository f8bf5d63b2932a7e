"""Stage 3: who is the source of each claim (guide §1 cues and §2 speakers).

Every case is an invented French text, run through ``extract_claims``; the expected value
is the full list of claims (exact text, speaker), so a missed claim, an extra claim or a
wrong speaker all fail.
"""
import pytest

from stance.claims import extract_claims


def bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"BUG: {reason}")


def pairs(source: str) -> list[tuple[str, str | None]]:
    claims = extract_claims(source)
    for claim in claims:
        assert source[claim.start:claim.end] == claim.text
    return [(claim.text, claim.speaker) for claim in claims]


def one(source: str, speaker: str | None) -> list[tuple[str, str | None]]:
    """The whole (single-sentence) text is one claim of ``speaker``."""
    return [(source, speaker)]


def case(source: str, expected: list[tuple[str, str | None]] | str, id: str, marks=()):
    if isinstance(expected, str):
        expected = one(source, expected)
    return pytest.param(source, expected, id=id, marks=marks)


S_WITKOFF = "Steve Witkoff est arrivé lundi à Berlin."
S_KALLAS = "Kaja Kallas s'est rendue à Kiev mardi."
S_OUCHAKOV = "Iouri Ouchakov a rejeté le plan européen."
S_RUBIO = "Marco Rubio a salué des progrès."

CASES = [
    # -- subject + reporting verb + que / infinitive / colon / object
    case("Marco Rubio a estimé que les pourparlers de Genève progressaient lentement.", "rubio", "subject-que"),
    case("Kirill Dmitriev a affirmé avoir obtenu des garanties.", "dmitriev", "subject-infinitive"),
    case("Volodymyr Zelensky s'est dit prêt à rencontrer Vladimir Poutine.", "zelensky", "se-dire"),
    case("Kaja Kallas a déclaré : les Européens ne lâcheront pas Kiev.", "kallas", "subject-colon"),
    case("Le Kremlin a démenti mardi toute rupture des négociations.", "kremlin", "stance-verb-dementir"),
    case("Iouri Ouchakov a jugé prématuré de parler d'un compromis.", "ouchakov", "stance-verb-juger"),
    case("Le Kremlin a qualifié la proposition de « base de travail ».", "kremlin", "stance-verb-qualifier"),
    # -- quote then inverted verb
    case("« La porte reste ouverte », a déclaré Dmitri Peskov.", "peskov", "quote-inverted"),
    case("« Il reste du travail », a ajouté M. Ouchakov.", "ouchakov", "quote-inverted-M."),
    case("« Nous n'accepterons aucun ultimatum », a martelé Volodymyr Zelensky.", "zelensky", "quote-inverted-marteler"),
    case("« Qui peut croire à une trêve ? », a lancé Kaja Kallas.", "kallas", "question-quote-lancer"),
    case("Les discussions avancent, a estimé Marco Rubio.", "rubio", "comma-inverted"),
    case("Les garanties restent à définir, a ajouté une source russe.", "source", "comma-inverted-source"),
    case("« Rien n'est encore tranché », a souligné le porte-parole du Kremlin, Dmitri Peskov.", "peskov",
         "quote-inverted-title-comma-name"),
    case("« Rien n'est encore tranché », a souligné la porte-parole Maria Zakharova.", "zakharova",
         "quote-inverted-common-noun-before-name"),
    # -- incises
    case(f"{S_WITKOFF} Le calendrier, a-t-il souligné, sera fixé la semaine prochaine.",
         [("Le calendrier, a-t-il souligné, sera fixé la semaine prochaine.", "witkoff")], "incise-a-t-il"),
    case(f"{S_KALLAS} Les sanctions, a-t-elle ajouté, resteront en place.",
         [("Les sanctions, a-t-elle ajouté, resteront en place.", "kallas")], "incise-a-t-elle"),
    case("Marco Rubio a salué des échanges utiles. « Nous avançons », a-t-il dit.",
         [("Marco Rubio a salué des échanges utiles.", "rubio"), ("« Nous avançons », a-t-il dit.", "rubio")],
         "quote-then-a-t-il-dit"),
    # -- selon / d'après / pour
    case("Selon le Kremlin, aucune rencontre au sommet n'est prévue avant le printemps.", "kremlin", "selon"),
    case("D'après Rustem Umerov, la délégation rentrera à Kiev jeudi.", "oumerov", "d-apres"),
    case("Pour Emmanuel Macron, la sécurité de l'Europe se joue en Ukraine.", "macron", "pour"),
    case("Pour le Kremlin, aucune concession n'est envisageable.", "kremlin", "pour-institution"),
    case("Washington prépare une nouvelle version du plan, selon Bloomberg.", "bloomberg", "trailing-selon-media"),
    case("Un accord reste possible avant la fin de l'année, selon une source proche du dossier.", "source",
         "trailing-selon-source"),
    case("Selon des sources ukrainiennes, la délégation partira dimanche.", "source", "selon-plural-sources"),
    case("Marco Rubio est arrivé à Genève. Selon lui, la paix n'a jamais été aussi proche.",
         [("Selon lui, la paix n'a jamais été aussi proche.", "rubio")], "selon-lui"),
    case("Volodymyr Zelensky a salué l'engagement américain. D'après lui, la paix n'a jamais été aussi proche.",
         [("Volodymyr Zelensky a salué l'engagement américain.", "zelensky"),
          ("D'après lui, la paix n'a jamais été aussi proche.", "zelensky")], "d-apres-lui"),
    # -- pronoun chains by gender and side
    case("Scott Bessent est arrivé lundi à Genève. Il a précisé que les avoirs gelés resteraient bloqués.",
         [("Il a précisé que les avoirs gelés resteraient bloqués.", "bessent")], "il-after-narration"),
    case("Scott Bessent a détaillé le volet économique du plan. Il a précisé que les avoirs gelés resteraient "
         "bloqués.", [("Scott Bessent a détaillé le volet économique du plan.", "bessent"),
                      ("Il a précisé que les avoirs gelés resteraient bloqués.", "bessent")], "il-precise"),
    case("Marco Rubio a salué des progrès. Iouri Ouchakov a critiqué le texte. Il a ajouté que rien n'était figé.",
         [("Marco Rubio a salué des progrès.", "rubio"), ("Iouri Ouchakov a critiqué le texte.", "ouchakov"),
          ("Il a ajouté que rien n'était figé.", "ouchakov")], "il-most-recent"),
    case("Kaja Kallas est arrivée lundi à Genève. Marco Rubio l'a accueillie. Elle a assuré que l'Europe "
         "soutiendrait Kiev.", [("Elle a assuré que l'Europe soutiendrait Kiev.", "kallas")], "elle-skips-male"),
    case("Kaja Kallas a critiqué le plan. Le Kremlin a rejeté les critiques européennes. Elle a ajouté que le texte "
         "récompensait l'agresseur.",
         [("Kaja Kallas a critiqué le plan.", "kallas"), ("Le Kremlin a rejeté les critiques européennes.", "kremlin"),
          ("Elle a ajouté que le texte récompensait l'agresseur.", "kallas")], "elle-skips-masculine-institution"),
    case("Iouri Ouchakov a critiqué le plan. Marco Rubio a défendu le texte lundi. Le responsable russe a estimé "
         "que le texte était déséquilibré.",
         [("Iouri Ouchakov a critiqué le plan.", "ouchakov"),
          ("Le responsable russe a estimé que le texte était déséquilibré.", "ouchakov")], "role-by-side-russe"),
    case("Marco Rubio a salué des progrès. Iouri Ouchakov a critiqué le texte. Le responsable américain a ajouté "
         "que rien n'était figé.",
         [("Marco Rubio a salué des progrès.", "rubio"), ("Iouri Ouchakov a critiqué le texte.", "ouchakov"),
          ("Le responsable américain a ajouté que rien n'était figé.", "rubio")], "role-by-side-americain"),
    case(f"{S_OUCHAKOV} Le responsable russe a ajouté que rien ne serait cédé.",
         [(S_OUCHAKOV, "ouchakov"), ("Le responsable russe a ajouté que rien ne serait cédé.", "ouchakov")],
         "role-responsable-russe"),
    case(f"{S_OUCHAKOV} Le responsable russe a ajouté que Moscou ne céderait rien.",
         [(S_OUCHAKOV, "ouchakov"), ("Le responsable russe a ajouté que Moscou ne céderait rien.", "ouchakov")],
         "role-responsable-russe-before-name"),
    case("Dmitri Peskov a jugé la rencontre utile. « Nous attendons des propositions », a ajouté le porte-parole.",
         [("Dmitri Peskov a jugé la rencontre utile.", "peskov"),
          ("« Nous attendons des propositions », a ajouté le porte-parole.", "peskov")], "role-without-side"),
    # -- pronoun chains across zoned lines
    case(f"{S_OUCHAKOV}\n\nJ'accepte\n\nIl a ajouté que Moscou ne céderait rien.",
         [(S_OUCHAKOV, "ouchakov"), ("Il a ajouté que Moscou ne céderait rien.", "ouchakov")], "il-across-banner"),
    case(f"{S_OUCHAKOV}\n\nLES DISCUSSIONS SE POURSUIVENT\n\nIl a ajouté que Moscou ne céderait rien.",
         [(S_OUCHAKOV, "ouchakov"), ("Il a ajouté que Moscou ne céderait rien.", "ouchakov")], "il-across-heading"),
    case(f"{S_OUCHAKOV}\n\nLire aussi : Les Européens dénoncent un plan déséquilibré\n\nIl a ajouté que Moscou ne "
         "céderait rien.", [(S_OUCHAKOV, "ouchakov"), ("Il a ajouté que Moscou ne céderait rien.", "ouchakov")],
         "il-across-link"),
    case("Kaja Kallas a critiqué le plan.\n\nNos partenaires et nous déposons des cookies.\n\nElle a ajouté que le "
         "texte récompensait l'agresseur.",
         [("Kaja Kallas a critiqué le plan.", "kallas"),
          ("Elle a ajouté que le texte récompensait l'agresseur.", "kallas")], "elle-across-cookie-banner"),
    case("Iouri Ouchakov a critiqué le plan.\n\nJ'accepte tous les cookies\n\nLe responsable russe a ajouté que "
         "rien ne serait cédé.", [("Iouri Ouchakov a critiqué le plan.", "ouchakov"),
                                  ("Le responsable russe a ajouté que rien ne serait cédé.", "ouchakov")],
         "role-across-banner"),
    # -- titles
    case("Le chef de la diplomatie américaine a assuré que Washington restait engagé.", "rubio", "title-rubio"),
    case("Le secretaire d'Etat americain a juge les discussions utiles.", "rubio", "title-without-accents"),
    case("Le maître du Kremlin a exigé le retrait des troupes ukrainiennes du Donbass.", "poutine", "title-poutine"),
    case("Le locataire de la Maison-Blanche a salué des échanges très utiles.", "trump", "title-trump"),
    case("Le président américain a jugé que la rencontre avait été très productive.", "trump", "title-president"),
    case("Le négociateur ukrainien a affirmé que Kiev ne céderait aucun territoire.", "oumerov", "title-oumerov"),
    case("Le conseiller diplomatique du Kremlin a jugé la rencontre utile.", "ouchakov", "title-ouchakov"),
    case("Le porte-parole de la présidence russe a démenti tout blocage.", "peskov", "title-peskov"),
    # -- relative clauses
    case("La délégation comprenait Sergiy Kyslytsya, qui a décrit des discussions « franches et directes ».",
         "kyslytsya", "relative-qui-a-decrit"),
    case("La délégation a rencontré Kaja Kallas, qui a qualifié le plan de « capitulation ».", "kallas",
         "relative-qui-a-qualifie"),
    case("Kaja Kallas, qui a qualifié le plan de « capitulation », a exigé son retrait.", "kallas",
         "relative-inside-subject"),
    # -- impersonal continuation
    case("Le département d'État a annoncé une nouvelle réunion à Genève. Les deux délégations « ont aussi examiné "
         "la question des prisonniers », était-il ajouté.",
         [("Le département d'État a annoncé une nouvelle réunion à Genève.", "departement_etat"),
          ("Les deux délégations « ont aussi examiné la question des prisonniers », était-il ajouté.",
           "departement_etat")], "etait-il-ajoute"),
    case("Le département d'État a annoncé une reprise des discussions. Un cessez-le-feu « reste l'objectif », "
         "était-il précisé.",
         [("Le département d'État a annoncé une reprise des discussions.", "departement_etat"),
          ("Un cessez-le-feu « reste l'objectif », était-il précisé.", "departement_etat")], "etait-il-precise"),
    # -- headlines and Q&A answers
    case("Witkoff : « Nous sommes très proches d'un accord »", "witkoff", "headline-quote"),
    case("Rubio : « Nous n'y sommes pas encore »\nLe secrétaire d'État a passé la journée à Genève.",
         [("Rubio : « Nous n'y sommes pas encore »", "rubio")], "headline-then-narration"),
    case("Question : Le Kremlin est-il prêt à un sommet ?\nDmitri Peskov : Nous attendons des propositions concrètes.",
         [("Dmitri Peskov : Nous attendons des propositions concrètes.", "peskov")], "qa-answer"),
    # -- institutions and places as speakers
    case("Moscou a fait savoir qu'elle ne participerait pas à la réunion de Genève.", "russie", "moscou"),
    case("Kiev juge inacceptables les exigences territoriales russes.", "ukraine", "kiev"),
    case("La Maison Blanche a confirmé la tenue d'une réunion samedi.", "maison_blanche", "maison-blanche"),
    case("L'administration américaine a assuré que le texte n'était pas figé.", "maison_blanche", "administration"),
    case("La partie ukrainienne a souligné qu'elle ne renoncerait jamais à la Crimée.", "ukraine", "partie-ukrainienne"),
    case("Washington a estimé que le plan restait la meilleure option.", "maison_blanche", "washington"),
    # -- anonymous sources
    case("Une source diplomatique a indiqué que les discussions reprendraient mardi.", "source", "une-source"),
    case("Un haut responsable sous couvert d'anonymat a affirmé que le texte comptait désormais vingt points.",
         "source", "anonymat"),
    case("Un diplomate européen a confié que les Européens se sentaient exclus.", "source", "un-diplomate"),
    # -- unregistered persons
    case("Mark Rutte a estimé que l'Alliance devait rester unie.", "rutte", "unknown-person"),
    case("Andriy Yermak a affirmé que Kiev voulait une paix juste.", "yermak", "yermak"),
    # -- groups
    case("Les deux parties ont salué une rencontre utile.", "*", "group-deux-parties"),
    case("Des responsables américains et russes ont jugé les échanges encourageants.", "*", "group-two-sides"),
    case("Selon les deux parties, la prochaine réunion aura lieu à Riyad.", "*", "selon-group"),
    # -- the speaker is the source, not a person inside the claim
    case("Iouri Ouchakov a affirmé que Vladimir Poutine et Donald Trump se parleraient bientôt au téléphone.",
         "ouchakov", "source-not-inner-persons"),
    case("Le Kremlin a affirmé que Donald Trump avait demandé à Vladimir Poutine de suspendre les frappes.",
         "kremlin", "source-not-inner-persons-institution"),
    case("Un responsable de la Maison Blanche a indiqué que Steve Witkoff se rendrait à Moscou.", "maison_blanche",
         "source-not-inner-person-after-verb"),
    case("Iouri Ouchakov, qui a rencontré Steve Witkoff mardi, a estimé que le climat s'améliorait.", "ouchakov",
         "source-not-person-in-relative"),
    # -- celui-ci
    case("Steve Witkoff a rencontré Kirill Dmitriev mardi. Celui-ci a qualifié la rencontre de constructive.",
         [("Celui-ci a qualifié la rencontre de constructive.", "dmitriev")], "celui-ci"),
    case("Le porte-parole du Kremlin a salué des échanges utiles. Celui-ci a toutefois exclu un sommet avant l'été.",
         [("Le porte-parole du Kremlin a salué des échanges utiles.", "peskov"),
          ("Celui-ci a toutefois exclu un sommet avant l'été.", "peskov")], "celui-ci-after-title"),
    # -- multi-sentence quotes linked back to the speaker named at the end (or start)
    case("« Nous attendons des propositions concrètes. Le calendrier dépendra de Washington. Rien ne presse », "
         "a conclu Dmitri Peskov.",
         [("« Nous attendons des propositions concrètes.", "peskov"),
          ("Le calendrier dépendra de Washington.", "peskov"),
          ("Rien ne presse », a conclu Dmitri Peskov.", "peskov")], "multi-sentence-quote-named-at-end"),
    case("Rustem Oumerov a salué une étape importante.\n\n« Nous espérons aller plus loin. Le chemin reste long », "
         "a-t-il ajouté.",
         [("Rustem Oumerov a salué une étape importante.", "oumerov"),
          ("« Nous espérons aller plus loin.", "oumerov"),
          ("Le chemin reste long », a-t-il ajouté.", "oumerov")], "multi-sentence-quote-pronoun-at-end"),
    case("Rustem Oumerov a déclaré : « Nous espérons aller plus loin. Le chemin est long, mais nous avançons avec "
         "confiance vers une paix juste et durable pour tous. »",
         [("Rustem Oumerov a déclaré : « Nous espérons aller plus loin.", "oumerov"),
          ("Le chemin est long,", "oumerov"),  # a candidate cut inside the quote: labelling may join it back
          ("mais nous avançons avec confiance vers une paix juste et durable pour tous. »", "oumerov")],
         "multi-sentence-quote-named-at-start"),
    case("« C'est une étape importante », a déclaré Rustem Oumerov. « Nous espérons aller plus loin. »",
         [("« C'est une étape importante », a déclaré Rustem Oumerov.", "oumerov"),
          ("« Nous espérons aller plus loin. »", "oumerov")], "quote-continuation-short-paragraph"),
    # -- two speakers in one sentence
    case("« Le dialogue continue », ont assuré Marco Rubio et Kaja Kallas.", "rubio", "two-speakers-inverted"),
    case("Marco Rubio et Kaja Kallas ont jugé la proposition russe irrecevable.", "rubio", "two-speakers-subject"),
    # -- names inside a prepositional phrase, also when coordinated, are never the subject
    case("Interrogé sur un sommet entre Donald Trump et Vladimir Poutine, le secrétaire d'État a jugé qu'il était "
         "trop tôt.", "rubio", "coordinated-name-after-preposition"),
    case("Marco Rubio a parlé hier. Un haut responsable américain, sous couvert d'anonymat, va plus loin : selon lui, "
         "un accord pourrait être signé.",
         [("Un haut responsable américain, sous couvert d'anonymat, va plus loin : selon lui, un accord pourrait être "
           "signé.", "source")], "selon-lui-after-the-sentence-subject"),
    case("Kaja Kallas s'est contentée d'un message sur X : « Nous ne céderons rien sur ce point. »", "kallas",
         "subject-then-colon-quote"),
    case("Le texte prévoit trois étapes : « cessez-le-feu, échange, retrait ».", [], "colon-quote-needs-a-source"),
    case("Le nouveau chef de l'administration présidentielle ukrainienne, Kyrylo Boudanov, a précisé que la "
         "délégation viendrait.", "boudanov", "title-then-name-of-another-holder"),
    # -- an addressee between an inverted verb and its subject is skipped, never the source
    case("« Il n'y a pas de date », a dit aux journalistes le porte-parole de la présidence russe, Dmitri Peskov.",
         "peskov", "addressee-then-inverted-title"),
    case("« Il n'y a pas de date », a déclaré à Reuters Dmitri Peskov.", "peskov", "addressee-is-a-media-name"),
    case("« Rien n'est fixé », a affirmé à la presse lundi Marco Rubio.", "rubio", "addressee-then-adverb"),
    case("« Le travail continue », a écrit sur Telegram l'envoyé du Kremlin.", "dmitriev", "incise-phrase-from-data"),
    # -- a participle of speech after a comma reports for the clause subject
    case("Donald Trump a fixé un délai, estimant que Kiev devait répondre « d'ici jeudi ».", "trump",
         "comma-speech-participle"),
    case("Les Européens demandent à être associés à toute discussion sur les garanties.", "*", "demander-a-etre"),
    # -- a transitive verb used reflexively reports speech only when it frames it
    case("Mark Rutte s'exprime en marge du sommet de l'OTAN à Bruxelles.", [], "s-exprimer-without-speech"),
    case("Anders Lindqvist, diplomate suédois, voit dans la reprise des échanges « le signe que quelque chose bouge ».",
         "lindqvist", "voir-dans"),
    case("Volodymyr Zelensky voit Donald Trump lundi à Washington.", [], "voir-without-dans-is-a-meeting"),
    case("Dans un entretien publié mercredi par le site Politico, le vice-président JD Vance a indiqué que rien "
         "n'était décidé.", "vance", "media-after-preposition-is-no-subject"),
    case("Américains et Ukrainiens ont affirmé avoir « rapproché leurs positions ».", "*", "two-camps-named-together"),
    case("Après des pourparlers entre Américains, Ukrainiens et Russes, Marco Rubio évoque des « pas utiles ».",
         "rubio", "camps-listed-after-a-preposition"),
    case("Sergueï Lavrov a reproché aux Européens de « saboter » les efforts de paix.", "lavrov", "reprocher"),
    case("« Rien n'est réglé », nous a déclaré Dmitri Peskov.", "peskov", "object-pronoun-nous-before-aux"),
    case("Dmitri Peskov nous explique que rien n'est réglé.", "peskov", "object-pronoun-nous-before-verb"),
    case("« Ça, c'est notre ligne rouge », a martelé hier soir sur notre antenne le ministre ukrainien des Affaires "
         "étrangères, Andriy Sybiha.", "sybiha", "broadcast-incise-then-title"),
    case("Mark Rutte s'est exprimé devant la presse : « Nous avançons. »", "rutte", "s-exprimer-then-colon"),
    case("Le DFAE a précisé que Berne prendrait en charge les frais.", "dfae", "unregistered-acronym-after-article"),
    case("Selon la CEDH, la procédure reste ouverte.", "cedh", "unregistered-acronym-after-selon"),
    case("L'AIEA a averti que la centrale restait vulnérable.", "aiea", "registered-acronym-keeps-its-id"),
    case("Le PIB a reculé de 2 % au premier trimestre.", [], "acronym-without-reporting-verb-is-no-claim"),
    case("Le PDG de Gazprom a estimé que les livraisons reprendraient.",
         [("Le PDG de Gazprom a estimé que les livraisons reprendraient.", None)], "title-acronym-is-a-role-of-no-one"),
    case("« Rien n'est signé », a résumé un membre de la délégation ukrainienne.", "source",
         "inverted-anonymous-source-with-noun-complement"),
    case("Un membre de la délégation ukrainienne a confié que les Russes avaient cédé.", "source",
         "member-of-a-delegation-is-an-anonymous-source"),
    case("« C'est inacceptable », a tonné un conseiller d'un dirigeant européen.", "source", "tonner-inverted"),
    case("« Ils mentent », a accusé Dmitri Peskov.", "peskov", "accuser-inverted"),
    case("Certains observateurs relativisent pourtant.", [], "relativiser-without-object-is-no-claim"),
    case("Les négociations reprennent lundi à Genève.", [], "reprendre-only-inverted"),
    case("Le Kremlin affiche sa confiance dans le processus.", "kremlin", "afficher-a-stance"),
    case("Kiev affiche un bilan de 300 drones abattus.", [], "afficher-a-figure-is-no-claim"),
    case("Steve Witkoff a salué des progrès. La réunion a duré trois heures. Ce dernier a ajouté que le texte avançait.",
         [("Steve Witkoff a salué des progrès.", "witkoff"), ("Ce dernier a ajouté que le texte avançait.", "witkoff")],
         "ce-dernier-looks-past-a-sentence-naming-no-one"),
    case("Un diplomate européen a jugé le texte fragile. Ce dernier a ajouté que rien n'était signé.",
         [("Un diplomate européen a jugé le texte fragile.", "source"),
          ("Ce dernier a ajouté que rien n'était signé.", "source")], "ce-dernier-after-one-anonymous-source"),
    case("Des diplomates ont salué le texte. Ce dernier a ajouté que rien n'était signé.",
         [("Des diplomates ont salué le texte.", "source"), ("Ce dernier a ajouté que rien n'était signé.", None)],
         "ce-dernier-never-points-at-a-plural-source"),
    case("« Nous sommes proches », a déclaré un haut responsable américain. Le responsable a ajouté que rien n'était "
         "signé.", [("« Nous sommes proches », a déclaré un haut responsable américain.", "source"),
                    ("Le responsable a ajouté que rien n'était signé.", "source")], "generic-role-named-by-last-source"),
    case("Marco Rubio a salué des progrès. Le responsable a ajouté que rien n'était signé.",
         [("Marco Rubio a salué des progrès.", "rubio"), ("Le responsable a ajouté que rien n'était signé.", None)],
         "generic-role-that-no-words-gave-is-no-one"),
    case("Le ministre polonais des Affaires étrangères, Radosław Sikorski, a qualifié le plan de « liste de souhaits ».",
         "sikorski", "latin-extended-first-name-in-apposition"),
    case("Son homologue lituanien, Kęstutis Budrys, a dénoncé les pressions exercées sur Kiev.", "budrys",
         "baltic-first-name"),
    case("Lors d'une conférence avec le chancelier allemand, Emmanuel Macron a jugé que rien n'avançait.", "macron",
         "title-after-a-preposition-does-not-take-the-next-name"),
    case("Selon le chancelier allemand, Friedrich Merz, le plan est inacceptable.", "merz", "title-name-apposition-closed"),
    case("Dmitri Peskov a parlé. Les propositions sont, selon ses termes, « totalement inacceptables ».",
         [("Les propositions sont, selon ses termes, « totalement inacceptables ».", "peskov")], "selon-ses-termes"),
    case("D’après un proche de l’équipe américaine, il a proposé un fonds commun.", "source", "un-proche-is-a-source"),
    case("Volodymyr Zelensky a remercié l'Union pour son soutien et affirmé que Kiev ne signerait rien.", "zelensky",
         "participle-sharing-the-auxiliary-after-et"),
    case("Le texte a été modifié et précisé lors de la réunion.", [], "passive-participles-are-no-claim"),
    case("LA PHRASE DU JOUR\n\n« Nous ne signerons rien qui récompense l'agresseur. »\n— Volodymyr Zelensky, lundi soir\n",
         [("« Nous ne signerons rien qui récompense l'agresseur. »", "zelensky")], "quotation-signed-on-the-next-line"),
    case("« Texte libre. »\n- Lire aussi\n", [], "dash-line-without-a-source-signs-nothing"),
    case("EXTRAIT SONORE – Marco Rubio (traduction) : Nous avons eu une discussion approfondie. Il reste des écarts.",
         [("Marco Rubio (traduction) : Nous avons eu une discussion approfondie.", "rubio"),  # the label is zoned
          ("Il reste des écarts.", "rubio")], "transcript-sound-bite-label"),
    case("JOURNALISTE : Côté russe, le ton change. Iouri Ouchakov a assuré que le dialogue avançait.",
         [("Iouri Ouchakov a assuré que le dialogue avançait.", "ouchakov")], "reporter-line-that-asks-nothing-is-prose"),
    case("JOURNALISTE : Que retenir de la journée de Riyad ? Marco Rubio a-t-il parlé ?", [],
         "reporter-line-that-asks-is-a-question"),
    case("Et les Ukrainiens, Julien ? Comment réagissent-ils ?", [], "inverted-verb-of-a-question-is-no-incise"),
    case("Le cardinal Matteo Zuppi est arrivé. De l'avis du prélat italien, les deux camps « ne se font pas confiance ».",
         [("De l'avis du prélat italien, les deux camps « ne se font pas confiance ».", "zuppi")],
         "de-l-avis-du-role-that-stands-for-a-cardinal"),
    case("Aux dires de Marco Rubio, le texte avance.", "rubio", "aux-dires-de"),
    case("Présent à Genève au nom du pape Léon XIV, le cardinal Matteo Zuppi a plaidé pour une trêve.", "zuppi",
         "name-after-du-and-a-title-is-no-subject"),
    case("Le porte-parole du président ukrainien a démenti toute rencontre.",
         [("Le porte-parole du président ukrainien a démenti toute rencontre.", None)],
         "the-spokesman-of-a-titled-person-is-not-that-person"),
    case("Le porte-parole de Vladimir Poutine, Dmitri Peskov, a démenti toute rencontre.", "peskov",
         "role-complement-then-holder"),
    case("Le chef de la diplomatie turque a jugé « prématuré » un sommet.", "fidan", "fidan-registered"),
    case("« Le Kremlin n'a rien cédé », analyse Irina Volkova, chercheuse.", "volkova", "analyser-inverted"),
    case("Kirill Dmitriev dirige le fonds. Le quinquagénaire assure que sa relation avec Witkoff est solide.",
         [("Le quinquagénaire assure que sa relation avec Witkoff est solide.", "dmitriev")], "epithet-points-back"),
    case("Kaja Kallas a été interrogée. L'intéressée a démenti toute rencontre.",
         [("L'intéressée a démenti toute rencontre.", "kallas")], "l-interessee-points-back"),
    case("Pékin serait prêt à fournir des observateurs, selon le Global Times. Le journal précise que rien n'est décidé.",
         [("Pékin serait prêt à fournir des observateurs, selon le Global Times.", "global_times"),
          ("Le journal précise que rien n'est décidé.", "global_times")], "registered-outlet-then-le-journal"),
    case("France 24 : Croyez-vous encore à un accord cette année ?", [], "outlet-label-asks-the-question"),
    case("« Plus personne ne croit à un accord », confie Oksana Melnyk, 46 ans, présidente de l'association. "
         "« Céder serait une erreur », poursuit la présidente de l'association.",
         [("« Plus personne ne croit à un accord », confie Oksana Melnyk, 46 ans, présidente de l'association.", "melnyk"),
          ("« Céder serait une erreur », poursuit la présidente de l'association.", "melnyk")],
         "age-before-the-role-in-apposition"),
    case("« New Delhi veut être un pont », résume Arjun Mehta, chercheur.", "mehta", "indian-first-name"),
    case("Le chef de la diplomatie chinoise, Wang Yi, a estimé que le dialogue restait la seule voie.", "wang",
         "family-name-first"),
    case("Le porte-parole du ministère chinois des Affaires étrangères, Lin Jian, a répété que Pékin soutient la paix.",
         "lin", "long-role-complement-closed-by-a-comma"),
    case("Le ministre a rencontré hier soir à Paris pour la première fois Marco Rubio, a dit Kiev.", "ukraine",
         "long-gap-without-comma-is-no-apposition"),
    case("Le président Zelensky, lui, a tenu à rappeler sa ligne rouge.", "zelensky", "infinitive-after-tenir-a"),
    case("Le porte-parole Dmitri Peskov s'est borné à répéter que rien n'était décidé.", "peskov",
         "infinitive-after-se-borner-a"),
    case("Il faut rappeler que rien n'est signé.", [], "infinitive-after-il-faut-is-the-journalist"),
    case("Le maire Bernard Castel suit ces tractations. « Rien ne bouge », confie l’élu.",
         [("« Rien ne bouge », confie l’élu.", "castel")], "elided-role-that-stands-for-the-named-one"),
    case("Marco Rubio a parlé. « Rien ne bouge », confie l’élu.",
         [("« Rien ne bouge », confie l’élu.", None)], "elided-role-that-no-one-holds"),
    case("L’ancien ambassadeur de France à Moscou Jean-Marc Lefranc juge la méthode « brouillonne ».", "lefranc",
         "role-with-a-place-complement-then-name"),
    case("Anne Guérin, chercheuse à l'IFRI, juge le texte fragile. Une source a confirmé la réunion. Pour la "
         "chercheuse, rien n'est joué. Elle estime que Kiev résistera.",
         [("Anne Guérin, chercheuse à l'IFRI, juge le texte fragile.", "guerin"),
          ("Une source a confirmé la réunion.", "source"), ("Pour la chercheuse, rien n'est joué.", "guerin"),
          ("Elle estime que Kiev résistera.", "guerin")], "a-role-that-speaks-again-takes-the-focus"),
    case("Kirill Dmitriev a vanté les contrats. « Il est précieux », glisse un proche. Ce n'est pas la première fois "
         "que l'émissaire joue les optimistes. Il a assuré que tout avançait.",
         [("Kirill Dmitriev a vanté les contrats.", "dmitriev"), ("« Il est précieux », glisse un proche.", "source"),
          ("Il a assuré que tout avançait.", "dmitriev")], "a-role-in-narration-takes-the-focus"),
    case("« Rien ne bouge », tranche Iryna Kovaltchouk, députée du parti au pouvoir. Volodymyr Zelensky a dit non. "
         "De quoi laisser sceptique Iryna Kovaltchouk. « Rien », soupire la députée ukrainienne.",
         [("« Rien ne bouge », tranche Iryna Kovaltchouk, députée du parti au pouvoir.", "kovaltchouk"),
          ("Volodymyr Zelensky a dit non.", "zelensky"), ("« Rien », soupire la députée ukrainienne.", "kovaltchouk")],
         "a-role-the-article-gave-outranks-the-side"),
    case("Gwenaël Riou, maître de conférences, invite à la prudence. « Rien n'est fait », analyse-t-il.",
         [("« Rien n'est fait », analyse-t-il.", "riou")], "unknown-first-name-named-by-its-apposition"),
    case("Le quotidien d'affaires cite Iouri Ouchakov, selon qui « il n'y a pas de percée ».", "ouchakov",
         "relative-selon-qui-names-the-source"),
    case("Le journal cite un haut responsable américain, pour qui « le texte est prêt ».", "source",
         "relative-pour-qui-after-an-anonymous-source"),
    case("Le Financial Times dresse un tableau sombre. Les Européens, rapporte le quotidien britannique, "
         "ont été informés « après coup » et s'en inquiètent.",
         [("Les Européens, rapporte le quotidien britannique, ont été informés « après coup » et s'en inquiètent.",
           "financial_times")], "mid-sentence-incise-with-a-noun-subject"),
    case("D'après Axios, tout va vite. Le site, qui s'appuie sur deux sources, affirme que Trump ira à Riyad.",
         [("D'après Axios, tout va vite.", "axios"),
          ("Le site, qui s'appuie sur deux sources, affirme que Trump ira à Riyad.", "axios")],
         "bare-site-opening-a-sentence-is-the-outlet"),
    case("Le site de Zaporijjia, qui a été bombardé, inquiète l'AIEA.", [], "site-with-a-complement-is-a-place"),
    case("Une ligne proche de celle d'Emmanuel Macron, qui a répété que « rien ne doit être décidé sans Kiev ».",
         "macron", "relative-after-a-complement-with-no-source-head"),
    case("Un communiqué du Kremlin affirme que les discussions avancent.", "kremlin", "document-of-its-author"),
    case("Le communiqué diffusé dans la soirée par la diplomatie américaine évoque « un terrain d'entente ».",
         "departement_etat", "document-published-by-its-author"),
    case("Dans un communiqué du Kremlin, Dmitri Peskov affirme que tout avance.", "peskov",
         "document-in-a-prepositional-phrase-is-not-the-subject"),
    case("Kirill Dmitriev parle un anglais impeccable, teinté d'un léger accent.", [],
         "a-direct-object-before-de-is-no-reported-speech"),
    case("Kirill Dmitriev a parlé de progrès réels.", "dmitriev", "parler-de-reports"),
    case("Le chancelier Friedrich Merz a jugé « encourageants » les échos venus du Vatican.", "merz",
         "a-lowercase-outlet-name-is-a-common-noun"),
    case("Plus virulent, Dmitri Medvedeev a écrit que la résolution n'était qu'un chiffon de papier.", "medvedev",
         "transliteration-variant"),
    case("Sergueï Lavrov a jugé le texte inacceptable. Aino Lehtonen, diplomate finlandaise, a fait ses armes dans "
         "les Balkans. La diplomate a indiqué que la mission serait prête en six semaines.",
         [("Sergueï Lavrov a jugé le texte inacceptable.", "lavrov"),
          ("La diplomate a indiqué que la mission serait prête en six semaines.", "lehtonen")],
         "a-feminine-role-skips-a-man-and-the-narrated-apposition-counts"),
    case("Dans l'après-midi, la haute représentante a tenté de reprendre la main. Elle a annoncé que l'Union "
         "financerait la mission.", [("Elle a annoncé que l'Union financerait la mission.", "kallas")],
         "bare-title-in-narration-takes-the-focus"),
    case("La Suisse s'attend à « plusieurs jours d'échanges », a indiqué à Keystone-ATS le Département fédéral "
         "des affaires étrangères (DFAE).", "dfae", "body-spelt-out-with-its-acronym"),
    case("Elle s'est tenue à huis clos, a précisé le porte-parole du DFAE, Laurent Perrenoud.", "perrenoud",
         "role-with-an-acronym-complement-then-name"),
    case("Le cardinal Zuppi, émissaire du pape, s'est voulu sobre. « C'est beaucoup », a-t-il confié.",
         [("« C'est beaucoup », a-t-il confié.", "zuppi")], "role-then-surname-names-a-person"),
    case("Andriï Sybiha a exigé un retrait. La délégation russe était conduite par Iouri Ouchakov. Devant la presse, "
         "il a détaillé la position de Moscou.",
         [("Andriï Sybiha a exigé un retrait.", "sybiha"),
          ("Devant la presse, il a détaillé la position de Moscou.", "ouchakov")], "passive-agent-takes-the-focus"),
    case("Depuis Kiev, le ministre des Affaires étrangères Andriï Sybiha a été clair : « Nous ne discuterons pas "
         "de frontières sous les bombes. »", "sybiha", "colon-quote-after-a-place"),
    case("Le ministère qatari des Affaires étrangères a indiqué sur X que les délégations poursuivraient les contacts.",
         "qatar", "foreign-ministry-of-a-registered-country"),
    case("Interrogé mardi, le porte-parole du ministère chinois des Affaires étrangères, Lin Jian, a répété que la "
         "Chine soutient la paix.", "lin", "name-after-a-registered-body-complement-is-the-role-holder"),
    case("07h02 (AFP) — Le Kremlin a confirmé lundi l'entrée en vigueur du moratoire.",
         [("Le Kremlin a confirmé lundi l'entrée en vigueur du moratoire.", "kremlin")],
         "agency-flash-prefix-is-no-source"),
    case("Le Kremlin juge « prématuré » de parler d'une extension, a déclaré Iouri Ouchakov à l'agence Interfax.",
         "ouchakov", "trailing-inverted-source-after-a-framing-verb"),
    case("Des sources font état d'un accord. Ce mécanisme « n'est pas opérationnel », a précisé l'une de ces sources.",
         [("Des sources font état d'un accord.", "source"),
          ("Ce mécanisme « n'est pas opérationnel », a précisé l'une de ces sources.", "source")],
         "one-of-these-sources"),
    case("Le président turc Recep Tayyip Erdogan a offert de mettre des ingénieurs à disposition.", "erdogan",
         "offrir-de-reports"),
    case("Moscou a rejeté l'offre de Washington sur les ports.", "russie", "offre-the-noun-is-no-verb"),
    case("Deux drones ont touché une sous-station, selon l'opérateur Ukrenergo.", "ukrenergo", "body-noun-then-name"),
    case("Les préparatifs du sommet se sont accélérés vendredi, le Kremlin évoquant pour la première fois une date, "
         "tandis que Kiev réclamait d'y être associé.",
         [("Les préparatifs du sommet se sont accélérés vendredi, le Kremlin évoquant pour la première fois une date,",
           "kremlin"), ("tandis que Kiev réclamait d'y être associé.", "ukraine")], "absolute-participle-of-saying"),
    case("Les pourparlers butent sur les territoires, la Russie exigeant que Kiev lui cède le Donbass.", [],
         "absolute-participle-of-a-demand-explains"),
    case("À la Maison Blanche, on répète que « rien n'est agréé tant que tout n'est pas agréé ».", "maison_blanche",
         "on-after-a-place-is-that-place"),
    case("Dans l'entourage de Volodymyr Zelensky, on assure que le président « ne signera rien ».", "source",
         "on-in-a-circle-is-an-anonymous-source"),
    case("À Moscou, on observe ces querelles avec gourmandise.", [], "on-with-no-speech-is-narration"),
    case("L'adjointe à la maire chargée des relations internationales, Nadia Zerrouki, a proposé que Strasbourg "
         "accueille une session.", "zerrouki", "adjointe-role-then-name"),
    case("Une force européenne serait une cible légitime, comme l'a répété Maria Zakharova.", "zakharova",
         "source-after-comme"),
    case("Volodymyr Zelensky a averti que l'Ukraine rejetterait toute escorte russe, comme le propose Moscou.", "zelensky",
         "an-aside-after-comme-is-not-the-source-of-the-sentence"),
    case("« Aucun signe », a répliqué à ses côtés la haute représentante de l'Union, Kaja Kallas.", "kallas",
         "title-with-a-short-body-then-name"),
    case("Hans van den Broek a jugé le texte prématuré.", "van_den_broek", "name-particles-in-the-id"),
    case("Le Kremlin a dénoncé par la voix de Dmitri Peskov une « logique de pillage ».", "peskov", "par-la-voix-de"),
    case("Un haut diplomate européen juge le texte fragile. Un conseiller du président ukrainien a confirmé la "
         "réunion. Selon le conseiller, Kiev refuse tout retrait. Le diplomate européen, lui, se dit frappé par "
         "l'absence d'avancée. Quant au conseiller, il assure que tout reste possible.",
         [("Un haut diplomate européen juge le texte fragile.", "source"),
          ("Un conseiller du président ukrainien a confirmé la réunion.", "source"),
          ("Selon le conseiller, Kiev refuse tout retrait.", "source"),
          ("Le diplomate européen, lui, se dit frappé par l'absence d'avancée.", "source"),
          ("Quant au conseiller, il assure que tout reste possible.", "source")],
         "roles-pointing-back-to-anonymous-sources"),
    case("Une proposition jugée « prématurée » par Kaja Kallas.", "kallas", "bare-participle-with-its-agent"),
    case("Entre l'optimisme affiché par Washington et la fermeté de Moscou, les pourparlers avancent.", [],
         "participle-with-an-agent-inside-a-phrase-is-narration"),
    case("Iouri Ouchakov a jugé trop tôt une trêve réclamée par Kiev.", "ouchakov", "agent-never-overrides-a-subject"),
    case("La ministre des Affaires étrangères, Mélanie Joly, a affirmé que le Canada jouerait un rôle.", "joly",
         "melanie-is-a-first-name"),
    case("Le chef de la diplomatie américaine n'a toutefois pas caché que la centrale demeurait un point de friction.",
         "rubio", "ne-pas-cacher-que"),
    case("La Turquie, elle, ne cache pas ses ambitions.", [], "ne-pas-cacher-an-object-is-narration"),
    case("La porte-parole de la diplomatie russe, Maria Zakharova, a dans le même temps dénoncé « l'ingérence » des "
         "Européens.", "zakharova", "filler-dans-le-meme-temps"),
    case("« Je crois aux actes, pas aux sommets », a écrit le Premier ministre polonais.", "tusk", "tusk-by-title"),
    case("Selon l'agence RIA Novosti, Iouri Ouchakov a confirmé qu'une séance aurait lieu jeudi.", "ouchakov",
         "outlet-relaying-a-named-speaker"),
    case("Selon Axios, Steve Witkoff se rendrait à Moscou jeudi.", "axios", "outlet-reporting-without-a-speaking-verb"),
    case("Selon le site Axios, Jared Kushner aurait insisté pour participer à chaque réunion.", "axios",
         "outlet-relaying-hearsay-in-the-conditional"),
    case("Un banquier d'affaires impliqué dans les discussions confie, sous couvert d'anonymat, que rien n'avance.",
         "source", "unnamed-at-own-request-is-a-source"),
    case("Le directeur d'une minoterie, qui a requis l'anonymat, juge pour sa part que tout piétine.", "source",
         "anonymity-in-a-relative"),
    case("Le banquier, qui a requis l'anonymat, dirige une minoterie à Dakar.", [], "anonymity-without-speech"),
    case("« Il ne négocie rien seul », assure un de ses proches collaborateurs.", "source", "un-de-ses-proches"),
    case("Selon une note interne du département d'État consultée par la chaîne, Washington envisage un fonds.",
         "departement_etat", "selon-a-document-of-its-author"),
    case("Steve Witkoff et Jared Kushner, qui conduisaient la délégation, ont pour leur part évoqué « une bonne "
         "session ».", "witkoff", "plural-filler-between-auxiliary-and-participle"),
    case("L'Arabie saoudite, qui avait accueilli les premières discussions, s'est dite prête à recevoir les "
         "délégations.", "arabie_saoudite", "gulf-mediator-with-a-relative"),
    case("La présidence émirienne a fait savoir qu'elle mettait tout à disposition.", "emirats",
         "emirati-presidency"),
    case("Downing Street a précisé que le Premier ministre avait parlé à Donald Trump.", "downing_street",
         "downing-street"),
    case("Le chef du Département fédéral des affaires étrangères (DFAE), Ignazio Cassis, a rappelé que la Suisse "
         "restait prête.", "cassis", "role-with-an-acronym-in-brackets-before-the-name"),
    case("La vice-ministre ukrainienne des Affaires étrangères, Mariia Levchenko, a décrit une atmosphère « sérieuse "
         "et franche ».", "levchenko", "vice-ministre-in-apposition"),
    case("La Suisse se dit prête à accueillir un sommet.", "suisse", "switzerland"),
    case("Dans une déclaration commune, la France, l'Allemagne et l'Italie ont salué la création de groupes de travail.",
         "france", "joint-statement-of-countries"),
    case("« On parle de nous, sans nous », a regretté, amer, le ministre ukrainien des Affaires étrangères.", "sybiha",
         "inverted-after-an-adjective-that-ends-like-an-infinitive"),
    case("Selon un conseiller de l'Élysée, Paris ne réclame pas une chaise pour la photo.", "elysee",
         "adviser-of-a-registered-body"),
    case("Le Quai d'Orsay a fait savoir que le ministre se rendrait jeudi à Kiev.", "quai_dorsay", "quai-dorsay"),
    case("Pour le coordinateur de La France insoumise, Mathis Orsini, le projet reste une négociation entre puissances.",
         "orsini", "coordinateur-role-then-name"),
    case("La Russie, a affirmé Hakan Fidan lors d'une conférence de presse, est prête à discuter d'une trêve.", "fidan",
         "mid-sentence-incise-with-an-adverbial"),
    case("Son chef, Kyrylo Boudanov, a accusé la partie russe d'avoir retiré des noms, une manœuvre inacceptable.",
         "boudanov", "a-complement-after-the-object-is-no-incise"),
    case("Message de Roustem Oumerov sur Telegram : « La délégation travaille sur la base d'instructions claires. »",
         "oumerov", "document-of-a-named-source-before-a-colon-quotation"),
    case("Antonio Guterres a salué « un pas important », appelant les parties à « transformer l'essai ».", "guterres",
         "a-gerund-after-a-comma-is-no-inversion"),
    case("Une note interne du Service européen pour l'action extérieure (SEAE), consultée par l'AFP, estime que la "
         "Russie « n'a aucun intérêt à conclure ».", "seae", "a-document-subject-speaks-for-its-author"),
    case("L'Institut international de sociologie de Kiev (KIIS) relève que 54 % des Ukrainiens restent opposés à "
         "toute concession.", "kiis", "a-body-spelt-out-with-a-place-inside"),
    case("Selon un sondage Ifop publié ce mardi, 61 % des Français jugent un accord « peu probable ».", "ifop",
         "a-pollster-behind-its-poll"),
    case("Le président Emmanuel Macron s'est entretenu avec Volodymyr Zelensky, a indiqué l'Élysée.", "elysee",
         "a-trailing-source-after-an-elided-article"),
    case("Le Kremlin n'a pas exclu que cette opération ouvre la voie à des discussions, a rapporté l'agence Ria Novosti.",
         "kremlin", "a-trailing-outlet-relays-the-named-subject"),
    case("Le Kremlin aurait accepté le principe, a rapporté l'agence Ria Novosti.", "ria_novosti",
         "a-trailing-outlet-owns-hearsay"),
    case("« La Hongrie parle aux deux camps », a fait valoir le Premier ministre hongrois.", "orban",
         "a-registered-title-of-a-mediator"),
    case("Selon une note de Goldman Sachs diffusée jeudi, les marchés parient sur un cessez-le-feu.", "goldman_sachs",
         "a-bank-behind-its-note"),
    case("Selon le compte rendu publié dans la soirée par le Kremlin, la conversation a été « franche ».", "kremlin",
         "selon-a-document-published-by"),
    case("Chez BlackRock, qui avait conseillé Kiev sur un fonds, Mark Ellison, directeur général, affirme que le groupe "
         "est « prêt à revenir ».", "ellison", "a-relative-on-the-opening-phrase"),
    case("Un autre banquier, basé à Londres, estime que la gouvernance reste « floue ».", "source",
         "un-autre-before-a-source-noun"),
    case("Pour le bourgmestre de Fleurus, Jean-Marc Delvaux (Les Engagés), il est encore « bien trop tôt » pour parler "
         "d'une percée.", "delvaux", "a-local-role-and-a-name-with-its-party"),
    case("La Banque mondiale chiffre le coût de la reconstruction à 588 milliards de dollars.", "banque_mondiale",
         "chiffrer-a"),
    case("Dmitri Peskov s'est demandé à quoi pouvait servir un « cadre » négocié sans la Russie.", "peskov",
         "se-demander-is-not-demander"),
    case("Plusieurs diplomates européens se demandent si Washington tiendra compte de leurs amendements.", "source",
         "se-demander-si"),
    case("Kaja Kallas redoute qu'un accord conclu dans la précipitation ne soit qu'une pause.", "kallas", "redouter-que"),
    case("Les négociateurs se retrouveront à Abou Dhabi, a-t-on appris de source diplomatique.", "source",
         "inverted-on-from-a-source"),
    case("Steve Witkoff, selon son entourage, prévoit de faire escale à Berlin.", "source", "selon-son-entourage"),
    case("Des ingénieurs américains pourraient y prendre part, précise la note du département d'État transmise aux "
         "journalistes.", "departement_etat", "an-inverted-document-speaks-for-its-author"),
    case("Le directeur général de Rosatom, Alexeï Likhatchev, a balayé cette option dès mercredi.", "likhatchev",
         "balayer-an-option"),
    case("Un armateur grec, qui a requis l'anonymat, juge « irréaliste » un retour à la normale.", "source",
         "an-unnamed-shipowner"),
    # -- soldiers named by rank and given name; what stands between an inverted verb and its subject
    case("« Ici rien ne change », lâche le sergent-chef Mykhaïlo, 41 ans, ancien électricien.", "mykhailo",
         "a-rank-then-a-given-name"),
    case("La lieutenante Iryna juge la zone démilitarisée « inacceptable ». Elle réclame des garanties.",
         [("La lieutenante Iryna juge la zone démilitarisée « inacceptable ».", "iryna"),
          ("Elle réclame des garanties.", "iryna")], "a-ranked-woman-then-elle"),
    case("Le sergent Mykhaïlo juge la trêve fragile. Le sous-officier concède que l'échange de prisonniers a "
         "« redonné de l'espoir ».",
         [("Le sergent Mykhaïlo juge la trêve fragile.", "mykhailo"),
          ("Le sous-officier concède que l'échange de prisonniers a « redonné de l'espoir ».", "mykhailo")],
         "sous-officier-points-back-to-a-sergeant"),
    case("Le capitaine Dmytro a salué les rencontres. « On parle enfin de garanties », estime l'officier de 34 ans.",
         [("Le capitaine Dmytro a salué les rencontres.", "dmytro"),
          ("« On parle enfin de garanties », estime l'officier de 34 ans.", "dmytro")],
         "an-inverted-role-with-its-age"),
    case("Le soldat Vassyl, 52 ans, mobilisé il y a dix-huit mois, dit « ne plus rien attendre » des diplomates.",
         "vassyl", "a-quotation-between-verb-and-noun-is-no-incise"),
    case("« Ce plan a été dicté par le Kremlin », a lancé lundi, sur le plateau d'une chaîne d'information, le "
         "sénateur Olivier Berthaud.", "berthaud", "a-place-phrase-before-the-inverted-subject"),
    case("« L'Europe a été humiliée », a affirmé dans une vidéo YouTube le polémiste Marc-Antoine Rieu.", "rieu",
         "a-medium-phrase-before-the-inverted-subject"),
    case("Le directeur général de l'Agence internationale de l'énergie atomique (AIEA), Rafael Grossi, a fait état "
         "de « progrès encourageants ».", "grossi", "a-role-whose-complement-has-an-acronym"),
    case("L'ancien président russe a qualifié les dirigeants européens de « somnambules ».", "medvedev",
         "a-former-title-is-not-the-holder"),
    case("L'ancienne Première ministre ukrainienne a jugé le texte « inacceptable ».",
         [("L'ancienne Première ministre ukrainienne a jugé le texte « inacceptable ».", None)],
         "a-former-title-names-no-one"),
    case("« Je ne suis pas content de ces frappes. Elles n'aident en rien. » — Donald Trump, le 24 avril.",
         [("« Je ne suis pas content de ces frappes.", "trump"),
          ("Elles n'aident en rien. » — Donald Trump, le 24 avril.", "trump")], "a-quotation-signed-after-a-dash"),
    case("« Les ultimatums ne nous impressionnent pas. » — Dmitri Medvedev, vice-président du Conseil de sécurité "
         "russe, le 15 juillet.", "medvedev", "a-signature-with-a-role"),
    case("« Il reste des désaccords importants. » — un haut responsable américain, sous couvert d'anonymat",
         "source", "a-quotation-signed-by-an-anonymous-source"),
    case("Un haut responsable de l'OTAN a confirmé que l'Alliance avait transmis ses options.", "otan",
         "a-responsable-speaks-for-the-body"),
    case("Un porte-parole du Pentagone a indiqué que les discussions se déroulaient « bien ».", "pentagone",
         "a-spokesman-speaks-for-the-body"),
    case("Un haut fonctionnaire de la Commission a estimé que le texte restait flou.", "source",
         "a-civil-servant-stays-anonymous"),
    case("Gregory Alden a été l'adjoint de Steve Witkoff. L'auteur raconte que la rencontre avait été préparée "
         "« en neuf jours ».",
         [("L'auteur raconte que la rencontre avait été préparée « en neuf jours ».", "alden")],
         "the-author-is-the-person-in-focus"),
    case("Dmitri Peskov, porte-parole du Kremlin, ce matin : une rencontre n'est « pas à l'ordre du jour ».", "peskov",
         "a-live-blog-label-with-role-and-time"),
    case("Sergiy Kyslytsya, premier vice-ministre, sur Telegram : la partie russe « exige l'impossible ».", "kyslytsya",
         "a-live-blog-label-with-the-medium"),
    case("Yermak, Oumerov, Boudanov : qui négocie vraiment à Kiev ?", [], "a-list-of-names-is-no-label"),
    case("Kiev, Moscou et Washington : trois capitales, trois agendas.", [], "a-coordination-is-no-label"),
    case("Halyna Petrenko, 71 ans, nourrit les pigeons. Petrenko dit attendre « qu'ils ramènent nos garçons ».",
         [("Petrenko dit attendre « qu'ils ramènent nos garçons ».", "petrenko")], "a-surname-alone-after-the-full-name"),
    case("Le chef de la faction Russie unie, Vladimir Vassiliev, a rappelé que tout accord devrait être ratifié.",
         "vassiliev", "a-body-inside-the-roles-complement"),
    case("Selon Rybar, la délégation russe aurait accepté de discuter d'un gel des combats.", "rybar",
         "selon-an-unregistered-name"),
    case("D'après Verstka, Sergueï Choïgou aurait plaidé pour la poursuite de l'offensive.", "verstka",
         "an-unregistered-outlet-keeps-its-hearsay"),
    case("« Il n'y a aucune chance que les Ukrainiens signent », ajoute notre source.", "source", "notre-source"),
    case("Un ancien conseiller de la Maison-Blanche juge le plan bancal. Pour cet ancien conseiller, le risque est de "
         "voir les Européens « claquer la porte ».",
         [("Un ancien conseiller de la Maison-Blanche juge le plan bancal.", "source"),
          ("Pour cet ancien conseiller, le risque est de voir les Européens « claquer la porte ».", "source")],
         "cet-ancien-conseiller-is-the-source-again"),
    case("« Rien n'est réglé », a confié au journal un haut fonctionnaire.", "source",
         "an-addressee-outlet-then-the-source"),
    case("Deux autres sources proches du Kremlin, citées par Meduza, affirment que les deux camps se sont entendus.",
         "source", "deux-autres-sources"),
    case("Un homme d'affaires proche de Dmitriev affirme que le volet économique est « quasiment bouclé ».", "source",
         "an-unnamed-businessman"),
    case("Les portraits sont vifs : Steve Witkoff en homme pressé qui consulte sa montre pendant les traductions.", [],
         "a-noun-sharing-a-reflexive-verbs-form"),
    case("Dan Jørgensen a opposé une fin de non-recevoir à la demande hongroise.", "jorgensen",
         "opposer-a-refusal"),
    case("Kiev s'oppose à tout gel du conflit.", "ukraine", "s-opposer"),
    case("« Je n'y crois plus », lâche Halyna, 71 ans, assise sur son lit. Elle dit vouloir rentrer « quand les Russes "
         "seront loin ».",
         [("« Je n'y crois plus », lâche Halyna, 71 ans, assise sur son lit.", "halyna"),
          ("Elle dit vouloir rentrer « quand les Russes seront loin ».", "halyna")], "a-given-name-with-an-age"),
    case("Andriï, 34 ans, chauffeur bénévole, estime que « les choses bougent ». Volodymyr Zelensky a parlé hier. "
         "Andriï, lui, veut croire que les discussions aboutiront.",
         [("Andriï, 34 ans, chauffeur bénévole, estime que « les choses bougent ».", "andrii"),
          ("Andriï, lui, veut croire que les discussions aboutiront.", "andrii")], "a-given-name-again"),
    case("Pour le député MoDem du Finistère Julien Ferracci, les discussions « avancent dans le bon sens ».", "ferracci",
         "a-party-between-the-role-and-the-name"),
    case("L'Allemand Friedrich Hallenberg (PPE) a salué « l'implication retrouvée » des Européens. Il a toutefois exigé "
         "une force de réassurance.",
         [("L'Allemand Friedrich Hallenberg (PPE) a salué « l'implication retrouvée » des Européens.", "hallenberg"),
          ("Il a toutefois exigé une force de réassurance.", "hallenberg")], "a-name-with-its-group-in-brackets"),
    case("La Grecque Irini Mavridou (La Gauche) a salué l'ouverture d'un canal direct.", "mavridou",
         "a-european-parliament-group-makes-a-person"),
    case("Pour la France, Jérôme Bonnafont a estimé qu'« aucune paix durable ne peut se bâtir sur l'impunité ».",
         "bonnafont", "pour-a-country-then-its-speaker"),
    case("Pour le Kremlin, la proposition est « prématurée ».", "kremlin", "pour-a-body-alone"),
    case("Dans un rapport de 64 pages publié mardi, Amnesty International estime que cette clause « effacerait » des "
         "milliers de crimes.", "amnesty", "a-humanitarian-ngo"),
    case("Le collectif Tchekaïemo réclame des listes. Le collectif dénonce l'« absence totale de transparence ».",
         [("Le collectif Tchekaïemo réclame des listes.", "tchekaiemo"),
          ("Le collectif dénonce l'« absence totale de transparence ».", "tchekaiemo")], "le-collectif-points-back"),
    case("Amnesty International juge la clause grave. L'organisation dit avoir recueilli 214 témoignages.",
         [("Amnesty International juge la clause grave.", "amnesty"),
          ("L'organisation dit avoir recueilli 214 témoignages.", None)], "l-organisation-names-no-body-called-so"),
    case("L'organisation du sommet a été confiée à la Turquie, a indiqué Peskov.", "peskov",
         "l-organisation-with-a-complement-is-no-body"),
    case("D'après une copie obtenue par Reuters, la Crimée serait reconnue « de facto » comme russe.", "reuters",
         "selon-a-copy-obtained-by"),
]


@pytest.mark.parametrize("source, expected", CASES)
def test_attribution(source: str, expected: list[tuple[str, str | None]]) -> None:
    assert pairs(source) == expected


@pytest.mark.parametrize("source, expected", [
    pytest.param("Marco Rubio et Kaja Kallas ont jugé la proposition russe irrecevable.", {"rubio", "kallas"},
                 id="subject-pair"),
    pytest.param("Steve Witkoff et Kirill Dmitriev ont salué des échanges constructifs.", {"witkoff", "dmitriev"},
                 id="subject-pair-us-ru"),
    pytest.param("« Le dialogue continue », ont assuré Marco Rubio et Kaja Kallas.", {"rubio", "kallas"},
                 id="inverted-pair"),
    pytest.param("Iouri Ouchakov a affirmé que Vladimir Poutine et Donald Trump se parleraient bientôt.",
                 {"ouchakov"}, id="inner-pair-not-speakers"),
    pytest.param("Selon le Kremlin, Kiev refuse tout compromis.", {"kremlin"}, id="selon-then-place"),
    pytest.param("Volodymyr Zelensky a salué l'engagement américain. D'après lui, Moscou doit faire un geste.",
                 {"zelensky"}, id="d-apres-lui-then-place"),
])
def test_speakers_field(source: str, expected: set[str]) -> None:
    claims = extract_claims(source)
    assert claims
    last = claims[-1]
    assert set(last.speakers) == expected
    assert last.speaker in expected


@pytest.mark.parametrize("source", [
    pytest.param("Il a affirmé que les discussions étaient dans l'impasse.", id="il-first-sentence"),
    pytest.param("Elle a estimé que la paix était encore loin.", id="elle-first-sentence"),
    pytest.param("Celui-ci a démenti tout blocage.", id="celui-ci-first-sentence"),
    pytest.param("L'accord, a-t-il souligné, reste possible.", id="incise-first-sentence"),
    pytest.param("Un accord reste possible avant la fin de l'année, selon lui.", id="selon-lui-first-sentence"),
    pytest.param("Le responsable russe a démenti tout blocage.", id="role-first-sentence"),
])
def test_pronoun_without_antecedent_gives_no_speaker(source: str) -> None:
    assert all(claim.speaker is None and claim.speakers == () for claim in extract_claims(source))


@pytest.mark.parametrize("source, wrong", [
    pytest.param(f"{S_RUBIO} Elle a ajouté que rien n'était signé.", "rubio", id="elle-after-male-only"),
    pytest.param(f"{S_RUBIO} Le responsable russe a démenti tout blocage.", "rubio", id="russe-after-us-only"),
    pytest.param(f"{S_KALLAS} Il a ajouté que rien n'était signé.", "kallas", id="il-after-female-only"),
])
def test_incompatible_antecedent_is_not_used(source: str, wrong: str) -> None:
    claims = extract_claims(source)
    assert all(c.speaker != wrong for c in claims if c.start > 0)


@pytest.mark.parametrize("source, mention", [
    pytest.param(f"{S_KALLAS} Les sanctions, a-t-elle ajouté, resteront en place.", "elle", id="a-t-elle"),
    pytest.param("Marco Rubio a salué des échanges utiles. « Nous avançons », a-t-il dit.", "il", id="a-t-il"),
    pytest.param("« La porte reste ouverte », a déclaré Dmitri Peskov.", "Dmitri Peskov", id="named"),
    pytest.param("Selon le Kremlin, aucune date n'est fixée.", "le Kremlin", id="selon"),
])
def test_speaker_mention_is_the_source_phrase(source: str, mention: str) -> None:
    assert extract_claims(source)[-1].speaker_mention == mention


@pytest.mark.parametrize("text, speaker", [
    pytest.param("L'information est démentie par la délégation russe.", "russie", id="passive-agent"),
    pytest.param("Le compromis est salué par Kaja Kallas.", "kallas", id="passive-agent-person"),
    pytest.param("Scott Bessent conditionne toute levée des sanctions à un cessez-le-feu.", "bessent", id="conditionner"),
    pytest.param("Le général Cazenave était invité. « L'armée peut déployer une brigade, pas plus », a objecté le militaire.",
                 "cazenave", id="objecter-and-a-role-synonym"),
    pytest.param("Point presse.\n\nQ : Merci. Selon le site Axios, Jared Kushner pourrait revenir à Moscou. Confirmez-vous ?"
                 "\n\nQ : Et après ?\n", "axios", id="an-outlet-reported-in-a-question"),
])
def test_more_reporting_constructions(text: str, speaker: str) -> None:
    assert [c.speaker for c in extract_claims(text)] == [speaker]


def test_a_role_given_in_apposition_finds_its_holder_later() -> None:
    claims = extract_claims("Pour Anne Verhaegen, chercheuse à l'Institut européen, Moscou « mise sur la lassitude ». "
                            "La chercheuse juge « peu probable » un accord global avant l'été.")
    assert [c.speaker for c in claims] == ["verhaegen", "verhaegen"]


def test_a_place_after_a_preposition_is_no_antecedent() -> None:
    claims = extract_claims("À Moscou, le chef de la diplomatie russe a donné le ton lundi. "
                            "Il a affirmé que la Russie restait « ouverte au dialogue ».")
    assert [(c.speaker, c.method) for c in claims] == [("lavrov", "pronoun")]


def test_passive_without_agent_is_no_claim() -> None:
    assert extract_claims("Le sommet est prévu par défaut à Genève.") == []
