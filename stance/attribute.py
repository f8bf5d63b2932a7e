"""Stage 3: who is the source of each sentence (guide §2).

Each prose sentence is read on its folded view with quoted text masked out, so that
neither a verb nor a name inside a quotation can be taken for the attribution. Patterns,
in order: leading « selon X, », headline « X : « … » », a signed quotation « « … » — X »,
an inverted verb after the quote or in an incise (« …, a déclaré X », « a-t-il
souligné »), a relative clause (« X, qui a décrit »), subject + verb, and a trailing
« selon X ». Pronouns and roles (« il », « le responsable russe ») resolve to the most
recent compatible speaker in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anonymous import anonymous_source
from .authorship import document_by, document_lead, document_of
from .eligibility import WORDS_AND_ELISIONS, subjects_possible
from .incise import unmask_incise
from .mentions import find_mentions
from .records import Mention, Sentence
from .resolve import Resolver
from .resources import word_list, word_set
from .speakers import Registry, ascii_id
from .subjects import FRAMES_SPEECH, coordinated, subject_of_verb
from .trie import trie_pattern
from .turns import signature_start
from .verbs import verb_pattern

_OPENERS, _CLOSERS = "«“„", "»”"
_LEAD_WORD = re.compile(r"\s*(?:(?:toujours|mais|et|or|enfin)\s+)?")
_QUOTE_CHARS = re.compile('[«»“”„"]')
_CIRCLE_ON = re.compile(r"\s*(?P<lead>(?:(?P<entourage>dans\s+l'entourage|dans\s+le\s+camp|dans\s+l'equipe|"
                        r"chez\s+les\s+proches)|a|au|aux|dans|chez)\b[^,]{1,60}?),\s*on\s+")
_VOICE_OF = re.compile(r"(?<![\w'])par\s+la\s+voix\s+(?:de\s+|du\s+|d')")
_IMPERSONAL = re.compile(r"(?:etait|a)-(?:t-)?il\s+(?:ete\s+)?(?:ajoute|precise|indique|souligne|note|explique|assure)")
_HEADLINE_NAME = re.compile(r"([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){0,2})\s?:\s*[«\"“]")
_LABEL_PREFIX = re.compile(r"(?:[A-ZÀ-Ý][A-ZÀ-Ý' ]{2,30}\s*[–—-]\s*)?")  # « EXTRAIT SONORE – »
# « (traduction) : », and a live blog's « Dmitri Peskov, porte-parole du Kremlin, ce matin : … »,
# « Sergiy Kyslytsya, premier vice-ministre …, sur Telegram : … » (no verb before the colon)
_LABEL_COLON = re.compile(r"(?:\s*,[^,:;\n]{1,80}?){0,2}(?:\s+sur\s+[\w ]{1,30}?)?\s*(?:\([^()\n]{1,30}\)\s*)?:\s")
_SELON_NAME = re.compile(r"\s*([A-ZÀ-Ý][\w'’-]+)\s*,")
_VERB_IN_LABEL = re.compile(r"(?<![\w'])(?:a|ont|avait|avaient|est|sont|etait|qui|que|qu'|selon|et)(?![\w'])")
_COLON_QUOTE = re.compile(r":[\s.!?…]*$")  # quotes are blanked: a colon then only the quotation
_MIN_QUOTE_WORDS = 4
_SUBJECT_REACH = 12
_LEAD_PLACE = re.compile(r"\s*([\w']+)[^,:«»\"]{0,40},\s*")
_TOPIC = re.compile(r"\s*quant\s+a(?:ux?)?\s+")
_ARTICLES = frozenset(("le", "la", "l'", "les"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """The source found for a span, how it was found, and why none when it was not."""

    speaker: str | None
    speakers: tuple[str, ...]
    mention: str | None
    cue: str | None
    method: str
    reason: str | None = None


def mask_quotes(original: str, folded: str, inside: bool) -> tuple[str, bool]:
    """Blank out quoted text of ``folded`` (quote marks read from ``original``).

    ``inside`` says a quotation is open at the start. Returns the masked folded text and
    whether a quotation is still open at the end.
    """
    if not inside and not _QUOTE_CHARS.search(original):
        return folded, False
    out = []
    pos = 0
    for match in _QUOTE_CHARS.finditer(original):
        here = match.start()
        out.append(" " * (here - pos) if inside else folded[pos:here])
        char = match.group()
        inside = True if char in _OPENERS else False if char in _CLOSERS else not inside
        out.append(" ")
        pos = here + 1
    out.append(" " * (len(folded) - pos) if inside else folded[pos:])
    return "".join(out), inside


@lru_cache(maxsize=1)
def _selon_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?P<cue>{trie_pattern(word_list('selon_cues'), gap=' ')})\s+")


_RELATIVE_SELON = re.compile(r",\s*(?P<cue>selon|pour|d'apres)\s+qui(?![\w'])")


def _speaker_of(mention: Mention, resolver: Resolver) -> tuple[str | None, str | None]:
    if mention.speaker:
        return mention.speaker, None
    return resolver.resolve(mention)


def attribute_sentence(text: str, folded: str, sentence: Sentence, masked: str, registry: Registry,
                       resolver: Resolver, known: list[Mention] | None = None) -> tuple[Attribution | None, list[Mention]]:
    """Find the source of one sentence (``masked`` is its folded text with quotes blanked).

    ``known`` are the document's mentions, when already found. Returns the attribution,
    or None when the sentence reports nobody, and the mentions outside quotes.
    """
    offset = sentence.start
    if known is None:
        known = find_mentions(text, folded, sentence.start, sentence.end, registry)
    # a document names a source only once one with a known author was cited (« Le texte prévoit … »
    # alone is narration)
    mentions = [m for m in known if sentence.start <= m.start and m.end <= sentence.end
                and masked[m.start - offset:m.end - offset].strip() and (m.kind != "document" or resolver.last_document)]
    outside = subjects_possible(masked, mentions, offset)

    def build(mention: Mention, cue: str, method: str, group: list[Mention] | None = None) -> Attribution:
        speaker, reason = _speaker_of(mention, resolver)
        ids = tuple(dict.fromkeys(s for s in (_speaker_of(m, resolver)[0] for m in group or [mention]) if s))
        return Attribution(speaker, ids or ((speaker,) if speaker else ()), mention.text, cue, method, reason)

    # « Selon X, … » at the start of the sentence
    lead = _LEAD_WORD.match(masked)
    selon = _selon_pattern().match(masked, lead.end() if lead else 0)
    if selon:
        hit = _selon_source(masked, selon.end(), mentions, offset)
        named = _SELON_NAME.match(sentence.text, selon.end()) if hit is None else None
        if named:  # « Selon Rybar, … »: a name nobody registered (a channel, an outlet), then a comma
            hit = Mention(offset + named.start(1), offset + named.end(1), named.group(1), ascii_id(named.group(1)), "media")
        # « Selon l'agence RIA Novosti, Iouri Ouchakov a confirmé … »: the outlet relays, the
        # person named as the subject of the reporting verb speaks
        relayed = _relayed_speaker(text, masked, mentions, outside, offset, hit.end - offset) \
            if hit and (hit.kind == "media" or selon.group("cue") == "pour" and hit.kind == "institution") else None
        if relayed is not None:
            verb, (mention, method, group) = relayed
            return build(mention, verb.group().strip(), method, group), mentions
        if hit:
            return build(hit, selon.group("cue"), "selon", [hit] if named else coordinated(text, mentions, hit)), mentions
    # Headline « Rubio : « … » », also for a name the registry does not know; a transcript's
    # « EXTRAIT SONORE – Marco Rubio (traduction) : … » too
    prefix = _LABEL_PREFIX.match(sentence.text).end()
    colon = _LABEL_COLON.match(masked, outside[0].end - offset) if outside else None
    colon = colon if colon and not _VERB_IN_LABEL.search(colon.group()) \
        and not any(m.kind == "person" and m.speaker != outside[0].speaker and m.start - offset < colon.end()
                    for m in outside[1:]) else None  # « Yermak, Oumerov, Boudanov : qui négocie ? »
    if colon and outside[0].start - offset <= max(2, prefix):
        # an outlet before a colon asks the questions (« France 24 : Croyez-vous … ? »), unless it is quoted
        if outside[0].kind != "media" or _QUOTE_CHARS.match(sentence.text, colon.end()):
            return build(outside[0], ":", "headline"), mentions
    signed = signature_start(sentence.text, masked)  # « « … » — Sergueï Lavrov, le 6 juin. »
    hit = next((m for m in mentions if m.start - offset == signed), None) if signed else None
    if hit:
        return build(hit, "—", "signature"), mentions
    label = _HEADLINE_NAME.match(sentence.text)
    if label and not outside[:1]:
        name = Mention(offset, offset + label.end(1), label.group(1), ascii_id(label.group(1).split()[-1]), "person")
        return build(name, ":", "headline"), mentions
    # « Au Kremlin, on estime que … », « Dans l'entourage de Zelensky, on assure … »: the place
    # or circle before « on » is the source
    circle = _CIRCLE_ON.match(masked) if " on " in masked else None
    said = verb_pattern().match(masked, circle.end()) if circle else None
    if said and FRAMES_SPEECH.match(masked, said.end()):  # « on répète que », not « on se montre prudent »
        if circle.group("entourage"):
            around = Mention(offset + circle.start("lead"), offset + circle.end("lead"),
                             sentence.text[circle.start("lead"):circle.end("lead")], "source", "source")
            return build(around, "on", "circle"), mentions
        place = next((m for m in mentions if m.start - offset < circle.end("lead") and m.speaker
                      and m.kind in ("institution", "person")), None)
        if place is not None:
            return build(place, "on", "circle"), mentions
    # Impersonal continuation « …, était-il ajouté. »
    impersonal = _IMPERSONAL.search(masked)
    if impersonal and resolver.last_speaker:
        speaker = resolver.last_speaker.speaker
        return Attribution(speaker, (speaker,), None, impersonal.group(), "continuation"), mentions
    # « Le quotidien cite Iouri Ouchakov, selon qui « … » »: the relative names the source
    relative = _RELATIVE_SELON.search(masked) if " qui" in masked else None
    if relative:
        hit = next((m for m in outside if m.end - offset == len(masked[:relative.start()].rstrip())
                    and m.kind not in ("pronoun", "group")), None)
        if hit:
            return build(hit, relative.group("cue"), "selon"), mentions
    chosen: tuple[re.Match[str], tuple[Mention, str, list[Mention]]] | None = None
    fallback: tuple[re.Match[str], tuple[Mention, str, list[Mention]]] | None = None
    framed = False  # the first verb frames speech (« X juge que … »): a later « a-t-il dit » is X again
    for verb in verb_pattern().finditer(masked):
        if framed and not masked[:verb.start()].rstrip().endswith((",", ":")):
            continue  # past a verb framing speech only a trailing inverted source can change the source
        found = subject_of_verb(text, masked, verb, mentions, outside, offset)
        if not found:
            continue
        if found[1] == "agent":  # « Une proposition jugée « prématurée » par Kaja Kallas. »: only if nothing else
            fallback = fallback or (verb, found)
            continue
        if chosen is None:
            chosen = (verb, found)
            if found[1] not in ("subject", "pronoun"):
                break
        elif found[1] in ("inverted", "incise") and (found[1] == "inverted" or not framed):
            # « La Russie exige le retrait, a répété Iouri Ouchakov », « Le Kremlin juge « prématuré »
            # …, a déclaré Iouri Ouchakov »: the trailing incise names the source; the first verb
            # was part of what was said. An outlet there relays (« Le Kremlin n'a pas exclu que …,
            # a rapporté l'agence Ria Novosti »), unless the first source only reportedly spoke
            if not _relays(found[0], chosen):
                chosen = (verb, found)
            break
        framed = framed or bool(FRAMES_SPEECH.match(masked, verb.end()))
    chosen = chosen or fallback
    if chosen and chosen[1][0].kind == "role" and _speaker_of(chosen[1][0], resolver)[0] is None \
            and (anonymous := anonymous_source(text, masked, offset)) is not None:
        return build(*anonymous), mentions  # « Le directeur d'une minoterie, qui a requis l'anonymat, juge … »
    if chosen:
        verb, (mention, method, group) = chosen
        voice = _VOICE_OF.search(masked) if "voix" in masked else None  # « … par la voix de Dmitri Peskov … »
        spokesman = next((m for m in mentions if voice and 0 <= m.start - offset - voice.end() <= 30
                          and m.speaker and m.kind == "person"), None)
        if spokesman is not None and method == "subject" and mention.kind == "institution":
            mention, method, group = spokesman, "voice", [spokesman]
        topic = _TOPIC.match(masked)
        if topic and mention.kind == "pronoun":  # « Quant à Steve Witkoff, il estime… »
            named = next((m for m in mentions if m.start - offset == topic.end()
                          and (m.speaker or m.kind in ("role", "source"))), None)
            if named is not None:
                mention, group = named, [named]
        return build(mention, verb.group().strip(), method, group), mentions
    # « Le président ukrainien s'est contenté d'un message sur Telegram : « … » »
    colon = _COLON_QUOTE.search(masked)
    if colon and len(WORDS_AND_ELISIONS.findall(sentence.text[colon.start() + 1:])) >= _MIN_QUOTE_WORDS:
        # « Depuis Kiev, le ministre … a été clair : « … » »: a place or time may come first
        lead = _LEAD_PLACE.match(masked)
        reach = (lead.end() if lead and lead.group(1) in word_set("prepositions") else 0)
        subject = next((m for m in outside if reach <= m.start - offset <= reach + _SUBJECT_REACH
                        and m.kind != "media"), None)
        # the source opens the sentence: nothing but an article before it
        if subject is not None and set(WORDS_AND_ELISIONS.findall(
                _LEAD_WORD.sub("", masked[reach:subject.start - offset], 1))) <= _ARTICLES:
            return build(subject, ":", "colon"), mentions
        author = next((m for m in mentions if m.speaker and m.start - offset < colon.start()
                       and document_lead().fullmatch(masked, 0, m.start - offset)), None)
        if author is not None:
            return build(author, ":", "colon"), mentions
    # « …, selon une source » anywhere else
    for selon in _selon_pattern().finditer(masked):
        if selon.group("cue") == "pour":
            continue
        hit = _selon_source(masked, selon.end(), mentions, offset)
        if hit and hit.kind == "pronoun":
            # « Un haut responsable, sous couvert d'anonymat, va plus loin : selon lui, … »
            # the subject of the same sentence is the antecedent
            subject = next((m for m in outside if m.start < hit.start and m.kind not in ("pronoun", "media")), None)
            if subject is not None and subject.start - offset < 20 and (subject.speaker or subject.kind == "role") \
                    and subject.gender in ("", hit.gender):
                hit = subject
        if hit:
            return build(hit, selon.group("cue"), "selon"), mentions
    anonymous = anonymous_source(text, masked, offset)
    if anonymous is not None:
        return build(*anonymous), mentions
    opened = unmask_incise(folded[sentence.start:sentence.end], masked)
    if opened is not None:  # « La paix, a-t-il dit, est encore loin. »
        return attribute_sentence(text, folded, sentence, opened, registry, resolver, known)
    return None, mentions


def _relayed_speaker(text: str, masked: str, mentions: list[Mention], outside: list[Mention], offset: int,
                     after: int) -> tuple[re.Match[str], tuple[Mention, str, list[Mention]]] | None:
    """The person who is the subject of the first reporting verb after ``after``, if any."""
    later = [m for m in outside if m.start - offset >= after]
    for verb in verb_pattern().finditer(masked, after):
        found = subject_of_verb(text, masked, verb, mentions, later, offset)
        if found:
            # « Selon Axios, Jared Kushner aurait insisté »: the conditional keeps the claim the outlet's
            hearsay = _CONDITIONAL.search(verb.group("aux") or verb.group("verb"))
            return (verb, found) if found[0].kind == "person" and found[1] in ("subject", "inverted") \
                and not hearsay else None
    return None


_CONDITIONAL = re.compile(r"(?:rait|raient)(?![\w])")


def _relays(outlet: Mention, first: tuple[re.Match[str], tuple[Mention, str, list[Mention]]]) -> bool:
    """A trailing outlet relays what the first verb's named subject said in the indicative."""
    verb, (subject, method, _) = first
    return outlet.kind == "media" and method == "subject" and subject.kind in ("person", "institution") \
        and not _CONDITIONAL.search(verb.group("aux") or verb.group("verb"))


def _selon_source(masked: str, position: int, mentions: list[Mention], offset: int) -> Mention | None:
    """The mention right after « selon » (« selon le site américain Axios » allowed)."""
    for mention in mentions:
        gap = masked[position:mention.start - offset]
        if mention.start - offset >= position and "," not in gap \
                and (len(gap.split()) <= 3 or document_of().fullmatch(gap) or document_by().fullmatch(gap)):
            return mention
        if mention.start - offset >= position:
            return None
    return None
