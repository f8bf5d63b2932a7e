"""Stage 4: claims — attributed sentences, split into one claim per clause (guide §1).

A sentence that carries two stances joined by « mais », « tandis que », « tout en » or
« ; » gives one candidate per clause; the labelling stage joins clauses of one sentence
back when they end up with the same speaker and stance. A quotation that runs over several
sentences takes the source named where it closes (or where it opens) for every sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator

from .attribute import Attribution, attribute_sentence, mask_quotes
from .clauses import APPOSED_RELATIVE, MIN_WORDS, RELATIVE_TURN, WORD, split_clauses
from .clean import fold
from .eligibility import after_adverbials, subjects_possible
from .interview import find_interview, is_courtesy, named_source, reports_someone_named, says_nothing, turn_of
from .mentions import find_mentions
from .negation import is_negated
from .records import Claim, Mention, Sentence
from .resolve import Resolver
from .segment import split_sentences
from .speakers import Registry, load_registry
from .turns import question_labels, signature_below, voice_label
from .verbs import verb_pattern

# « Anne Verhaegen, chercheuse à l'Institut … »: a few words said of a name right after it
_APPOSITION = re.compile(r"\s*,\s*(?:\d{1,3}\s+ans\s*,\s*)?((?:[\w'-]+\s+){0,3}[\w'-]+)")  # an age may come first
_PASSIVE_AGENT_BEFORE = re.compile(r"(?<![\w'])(?:est|etait|sera|a\s+ete|avait\s+ete)\s+\w+(?:e|es|i|is|u|us|t|ts)\s+par\s+$")
_DIALOGUE_QUESTIONS = 2  # labelled questions that make a document a transcript
_WHOLE_TURN = frozenset(("interview", "answer"))  # an answer's sentence is the guest's, colon or not


def _named_at(position: int | None, mentions: list[Mention], starts: list[int], method: str) -> Attribution | None:
    """The source whose name starts at ``position`` (a quotation's signature, a sound bite's label)."""
    if position is None:
        return None
    i = bisect_left(starts, position)
    named = mentions[i] if i < len(mentions) else None
    if named is None or named.start != position or not named.speaker:
        return None
    return Attribution(named.speaker, (named.speaker,), named.text, "—", method)


def _denies_speaking(piece: str, cue: str) -> bool:
    """« … que ni Kiev ni Moscou n'ont confirmée »: the reporting verb is negated."""
    verb = piece.find(cue.split()[-1]) if cue.strip() else -1
    return verb >= 0 and is_negated(piece, verb)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    piece = text[a:b]
    lead = len(piece) - len(piece.lstrip())
    return a + lead, a + len(piece.rstrip())


def _claims_for(text: str, folded: str, sentence: Sentence, masked: str, attribution: Attribution,
                registry: Registry, resolver: Resolver, doc: str | None, unit: int | None = None,
                known: list[Mention] | None = None) -> list[Claim]:
    pieces, lead_in = [], False
    for a, b in split_clauses(masked, folded[sentence.start:sentence.end]):
        start, end = _trim(text, sentence.start + a, sentence.start + b)
        if end <= start:
            continue
        own = None
        # « tout en rappelant que… », « mais que… » continue the source of the clause before
        if not re.match(r"\s*(?:tout\s+en|mais\s+qu)", masked[a:b]) or not pieces:
            piece = Sentence(start, end, text[start:end], sentence.kind, sentence.index, sentence.paragraph)
            own, _ = attribute_sentence(text, folded, piece, masked[start - sentence.start:end - sentence.start],
                                        registry, resolver, known)
        own = own if own and own.speaker else None
        if pieces and APPOSED_RELATIVE.match(masked, a) \
                and (own is None or attribution.method in _WHOLE_TURN or own.speaker == (pieces[-1][2] or attribution).speaker
                     or _denies_speaking(masked[a:b], own.cue or "")):
            # no source of its own (« une hypothèse que ni Kiev ni Moscou n'ont confirmée »
            # says nobody spoke): one claim
            pieces[-1] = (pieces[-1][0], end, pieces[-1][2])
            continue
        relative = RELATIVE_TURN.match(masked, a) if pieces else None
        speaking = relative is not None and verb_pattern().match(masked, relative.end()) is not None
        if relative and own is None and pieces[-1][2] and speaking:
            own = pieces[-1][2]  # « …, a martelé Kaja Kallas, qui s'est dite « sceptique » »: still her
        if relative and not (own and pieces[-1][2] and speaking):  # « …, qui reste selon lui … »: content
            pieces[-1] = (pieces[-1][0], end, pieces[-1][2])  # « X, qui a décrit … »: the relative is the claim
            continue
        if own and pieces and masked[:a].rstrip().endswith(":") and not any(found for _, _, found in pieces) \
                and attribution.method not in _WHOLE_TURN:
            pieces, lead_in = [], True  # « C'est Moscou qui pose des conditions : Iouri Ouchakov a estimé … »
        pieces.append((start, end, own))
    if len(pieces) == 1 and not lead_in:
        pieces = [(pieces[0][0], pieces[0][1], attribution)]
    claims = []
    previous = next((found for _, _, found in pieces if found), attribution)
    for start, end, found in pieces:
        found = found or previous
        previous = found
        method = found.method if not found.reason else f"{found.method}: {found.reason}"
        claims.append(Claim(start, end, text[start:end], doc, found.speaker, found.speakers, found.mention,
                            found.cue, method, sentence.index, sentence.index if unit is None else unit))
    return claims


def iter_claims(text: str, *, doc: str | None = None, registry: Registry | None = None,
                sentences: list[Sentence] | None = None) -> Iterator[Claim]:
    """Claims of one document, in text order (see `extract_claims`)."""
    registry = registry or load_registry()
    folded = fold(text)
    sentences = split_sentences(text, folded) if sentences is None else sentences
    resolver = Resolver(registry)
    doc_mentions = find_mentions(text, folded, 0, len(text), registry)
    starts = [m.start for m in doc_mentions]

    def mentions_in(sentence: Sentence) -> list[Mention]:
        return doc_mentions[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]

    inside = False
    previous_end = 0
    run: list[tuple[Sentence, str]] = []
    run_attribution: Attribution | None = None
    last_attributed: int | None = None
    answer: Attribution | None = None
    carried = False  # the answer goes on from an earlier paragraph
    # a transcript with labelled questions (« JOURNALISTE : … ? », « QUESTION (AFP) : ») and
    # labelled answers: an answer runs over the paragraphs up to the next label
    # (between the first question and the last: around them the article narrates)
    questions = [s.start for s in sentences if s.kind == "question"]
    dialogue = (questions[0], questions[-1]) if len(questions) >= _DIALOGUE_QUESTIONS else (0, -1)
    interview = find_interview(text, sentences, doc_mentions)
    voice: Attribution | None = None  # the speaker a broadcast script's label announces
    for sentence in sentences:
        if not sentence.is_prose and sentence.kind != "question":
            if sentence.kind != "marker":  # a heading or a caption ends the answer; a dash does not
                answer = None
            voice = _named_at(voice_label(folded, sentence.start, sentence.end), doc_mentions, starts, "sound-label")
            continue
        turn = turn_of(interview, text, sentence) if interview else None
        if turn == "question" or sentence.kind == "question":
            answer = None
            # the interviewer is never a speaker, but a question may first report someone it
            # names (« — Kaja Kallas estime que le traité ne vaudrait rien. Que lui répondez-vous ? »)
            if not sentence.text.rstrip().endswith("?"):
                masked, _ = mask_quotes(sentence.text, folded[sentence.start:sentence.end], False)
                known = mentions_in(sentence)
                reported, mentions = attribute_sentence(text, folded, sentence, masked, registry, resolver, known)
                # (« Selon le site Axios, X et Y pourraient revenir à Moscou » too)
                named = named_source(reported, mentions, kinds=("person", "institution", "media"),
                                      methods=("subject", "inverted", "aside", "selon"))
                if named is not None:
                    # « Iouri Ouchakov a parlé d'un échange utile, mais il a prévenu que … »: he is in focus
                    resolver.said(named, reported.speaker)
                    yield from _claims_for(text, folded, sentence, masked, reported, registry, resolver, doc, None, known)
            continue
        new_line = "\n" in text[previous_end:sentence.start] or "\r" in text[previous_end:sentence.start]
        if new_line:
            # a quotation goes on into the next paragraph only when that one reopens it
            opener = text[sentence.start]
            if not inside or opener not in "«“\"":
                # a quotation left open (a typo, a page cut mid-sentence) still has its source
                yield from _run_claims(text, folded, run, run_attribution, registry, resolver, doc, mentions_in)
                inside, run, run_attribution = False, [], None
            elif opener == '"':
                inside = False  # the reopening straight quote toggles it back on
        previous_end = sentence.end
        started_inside = inside
        masked, inside = mask_quotes(sentence.text, folded[sentence.start:sentence.end], inside)
        known = mentions_in(sentence)
        attribution, mentions = attribute_sentence(text, folded, sentence, masked, registry, resolver, known)
        fully_quoted = not re.search(r"\w", masked)
        if new_line:
            # the interviewer's line (« JOURNALISTE : Plus prudent, en tout cas. ») ends the answer
            carried = answer is not None and dialogue[0] < sentence.start < dialogue[1] \
                and not question_labels()[0].match(folded, sentence.start)
            answer = answer if carried else None
        if attribution and attribution.method == "headline":
            # « Dmitri Peskov : … » — the rest of the line is his answer, a claim per sentence as in
            # any answer (annotators cut by stance, and sentences of one answer rarely share one)
            answer, carried = attribution, False
            if says_nothing(sentence.text.split(":", 1)[-1]):  # « Iryna Kovalenko : Merci à vous. », « X : Non. »
                attribution = None
        elif answer is not None and not (carried and reports_someone_named(attribution, mentions)):
            attribution = None if says_nothing(sentence.text) else \
                Attribution(answer.speaker, answer.speakers, answer.mention, answer.cue, "answer")
        elif turn == "answer" and interview is not None and interview.guest \
                and len(WORD.findall(sentence.text)) >= MIN_WORDS and not is_courtesy(sentence.text) \
                and not reports_someone_named(attribution, mentions):
            # the guest speaks, unless the answer reports someone it names (« Iouri Ouchakov a
            # expliqué qu'il faudrait … »)
            attribution = Attribution(interview.guest, (interview.guest,), interview.guest_mention, "—", "interview")
        if attribution is None and fully_quoted and inside:  # « (SON — X) » above a quotation that goes on
            attribution = voice
        elif attribution is None and fully_quoted:
            # « « … » » then, on the next line, « — Iouri Ouchakov », or « (SON — X) » above it
            attribution = _named_at(signature_below(text, sentence.end), doc_mentions, starts, "signature") or voice
        voice = None
        if started_inside or inside:
            run.append((sentence, masked))
            if attribution and run_attribution is None:
                run_attribution = attribution
        if attribution is None and fully_quoted and not (started_inside or inside) \
                and last_attributed == sentence.index - 1 and resolver.last_speaker:
            speaker = resolver.last_speaker.speaker
            attribution = Attribution(speaker, (speaker,), None, None, "quote-continuation")
        if attribution and attribution.speaker:
            resolver.cited(masked, attribution.speaker)
            subject = next((m for m in mentions if m.text == attribution.mention), None)
            if subject is not None and subject.speaker:
                apposition = _APPOSITION.match(folded, subject.end, sentence.end)
                resolver.said(subject, attribution.speaker, apposition.group(1) if apposition else "")
            else:
                resolver.refocus(attribution.speaker)
        elif mentions:
            # the narrated sentence's subject becomes the antecedent of the next « il »; a place
            # after a preposition (« À Moscou, le chef de la diplomatie russe … ») never does
            # « La délégation russe était conduite par Iouri Ouchakov »: the agent is in focus
            # (after the phrases opening it: « Sur le front, à 300 km de là, le sergent X … »)
            opening = after_adverbials(masked, 0, len(masked))
            candidates = [m for m in subjects_possible(masked, mentions, sentence.start)
                          if m.speaker and m.kind in ("person", "institution", "media") or m.kind == "role"]
            subject = next((m for m in mentions if m.kind == "person" and m.speaker
                            and _PASSIVE_AGENT_BEFORE.search(masked, 0, m.start - sentence.start)), None) \
                or next((m for m in candidates if m.start - sentence.start >= opening), None) \
                or next(iter(candidates), None)
            if subject is not None and subject.start - sentence.start - opening < 80:
                if subject.speaker:
                    apposition = _APPOSITION.match(folded, subject.end, sentence.end)
                    resolver.push(subject, subject.speaker, apposition.group(1) if apposition else "")
                    resolver.published(masked, subject.end - sentence.start, subject.speaker)
                elif (held := resolver.resolve(subject)[0]) not in (None, "source", "*"):
                    resolver.refocus(held)  # « … que l'émissaire joue les optimistes. Il a … »
        if attribution:
            last_attributed = sentence.index
        if mentions:  # « Ce dernier » looks past a sentence that names no one
            resolver.mentioned(mentions)
            # « … reçoit Hugo Lemarchand, ancien diplomate, et Oksana Melnyk, politologue »: what
            # the article says of people named in passing lets « la politologue » find them later
            for mention in mentions:
                described = _APPOSITION.match(folded, mention.end, sentence.end) \
                    if mention.kind == "person" and mention.speaker else None
                if described:
                    resolver.described(mention, mention.speaker, described.group(1))
        if run and not inside:
            # the quotation closes here: every sentence of it takes the source found in it
            unit = run[0][0].index
            yield from _run_claims(text, folded, run, run_attribution, registry, resolver, doc, mentions_in,
                                   skip=sentence.index if attribution else None)
            if attribution:
                yield from _claims_for(text, folded, sentence, masked, attribution, registry, resolver, doc, unit, known)
            run, run_attribution = [], None
            continue
        if run:
            continue
        if attribution:
            yield from _claims_for(text, folded, sentence, masked, attribution, registry, resolver, doc, None, known)
    yield from _run_claims(text, folded, run, run_attribution, registry, resolver, doc, mentions_in)


def _run_claims(text: str, folded: str, run: list[tuple[Sentence, str]], attribution: Attribution | None,
                registry: Registry, resolver: Resolver, doc: str | None,
                mentions_in: Callable[[Sentence], list[Mention]], skip: int | None = None) -> Iterator[Claim]:
    """Claims of the sentences of one quotation, each with the source found in it."""
    if not run or attribution is None:
        return
    quoted = Attribution(attribution.speaker, attribution.speakers, attribution.mention, attribution.cue, "quote-run")
    for member, member_masked in run:
        if member.index != skip:
            yield from _claims_for(text, folded, member, member_masked, quoted, registry, resolver, doc,
                                   run[0][0].index, mentions_in(member))


def extract_claims(text: str, *, doc: str | None = None, registry: Registry | None = None) -> list[Claim]:
    """Find the claims of a French article and who made each one (labels not set).

    Parameters
    ----------
    text : str
        The article as read.
    doc : str, optional
        Document id copied onto each claim.
    registry : Registry, optional
        Speaker registry (default: the shipped one).

    Examples
    --------
    >>> [(c.speaker, c.text) for c in extract_claims("« Nous avançons », a déclaré Marco Rubio.")]
    [('rubio', '« Nous avançons », a déclaré Marco Rubio.')]
    """
    return list(iter_claims(text, doc=doc, registry=registry))
