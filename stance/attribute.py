"""Stage 3: who is the source of each sentence (guide §2).

Each prose sentence is read on its folded view with quoted text masked out, so that
neither a verb nor a name inside a quotation can be taken for the attribution. Patterns,
in order: leading « selon X, », headline « X : « … » », an inverted verb after the quote
or in an incise (« …, a déclaré X », « a-t-il souligné »), a relative clause (« X, qui a
décrit »), subject + verb, and a trailing « selon X ». Pronouns and roles (« il », « le
responsable russe ») resolve to the most recent compatible speaker in the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mentions import find_mentions
from .records import Mention, Sentence
from .resolve import Resolver
from .resources import word_list
from .speakers import Registry, ascii_id
from .verbs import distant_auxiliary, is_gerund, is_infinitive, is_participle, verb_lexicon, verb_pattern

_OPENERS, _CLOSERS = "«“„", "»”"
_WORDS_AND_ELISIONS = re.compile(r"[\w]+'?|'")
_COMPLEMENT_END = re.compile(r"(?<![\w'])(?:de|du|des|d')\s*(?:l'|la\s+|le\s+|les\s+)?$")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|et|ainsi que)\s*")
_AND = re.compile(r"\s*(?:et|ou|ainsi que)\s*")
_LEAD_WORD = re.compile(r"\s*(?:(?:toujours|mais|et|or|enfin)\s+)?")
_QUOTE_CHARS = re.compile('[«»“”„"]')
_IMPERSONAL = re.compile(r"(?:etait|a)-(?:t-)?il\s+(?:ete\s+)?(?:ajoute|precise|indique|souligne|note|explique|assure)")
_CLAUSE_BREAK = re.compile(r";|\bmais\b|\btandis qu|\balors qu|\bpendant qu")
_DETERMINERS = frozenset(("le", "la", "les", "l'", "un", "une", "des"))
_HEADLINE_NAME = re.compile(r"([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){0,2})\s?:\s*[«\"“]")
_COLON_QUOTE = re.compile(r":[\s.!?…]*$")  # quotes are blanked: a colon then only the quotation
_MIN_QUOTE_WORDS = 4
_SUBJECT_REACH = 12
_TOPIC = re.compile(r"\s*quant\s+a(?:ux?)?\s+")
# After an inverted subject (« …, a déclaré X »), only an adverbial may follow, never a
# complement of the verb (« a accusé la Russie de … »).
# A verb followed by « que », « : » or a quotation frames reported speech itself
_FRAMES_SPEECH = re.compile(r"(?:\s+[\w'-]+){0,3}?\s*(?:que\b|qu'|:|\s{2,})")
_PASSIVE_AUX = frozenset(("est", "sont", "etait", "etaient"))
_PASSIVE_AGENT = re.compile(r"(?:e|es|ee|ees)?\s+par\s+")
_NOT_AFTER_INVERTED = re.compile(r"\s*(?:de|d'|que|qu'|comme|a\s+\w+(?:er|ir|re))(?![\w])")


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
def _prepositions() -> frozenset[str]:
    return frozenset(word_list("prepositions"))


@lru_cache(maxsize=1)
def _selon_pattern() -> re.Pattern[str]:
    cues = "|".join(re.escape(c) for c in sorted(word_list("selon_cues"), key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?P<cue>{cues})\s+")


def _eligible(masked: str, mention: Mention, offset: int) -> bool:
    """A mention can be a subject unless a preposition stands right before it."""
    words = _WORDS_AND_ELISIONS.findall(masked[max(0, mention.start - offset - 40):mention.start - offset])
    if words and words[-1] in _DETERMINERS:
        words = words[:-1]
    if not words:
        return True
    last = words[-1]
    pair = " ".join(words[-2:])
    return last not in _prepositions() and pair not in _prepositions()


def _subjects_possible(masked: str, mentions: list[Mention], offset: int) -> list[Mention]:
    """Mentions that may be a subject: no preposition before them, nor before the list they
    close (« un sommet entre Donald Trump et Vladimir Poutine »)."""
    possible = []
    previous, previous_ok = None, True
    for mention in mentions:
        listed = previous is not None and _AND.fullmatch(masked, previous.end - offset, mention.start - offset)
        ok = previous_ok if listed else _eligible(masked, mention, offset)
        if ok:
            possible.append(mention)
        previous, previous_ok = mention, ok
    return possible


def _is_complement(masked: str, mention: Mention, offset: int) -> bool:
    """« le secrétaire général de l'Otan »: a noun complement, never the antecedent."""
    return bool(_COMPLEMENT_END.search(masked[:mention.start - offset]))


def _speaker_of(mention: Mention, resolver: Resolver) -> tuple[str | None, str | None]:
    if mention.speaker:
        return mention.speaker, None
    return resolver.resolve(mention)


def _coordinated(text: str, mentions: list[Mention], first: Mention) -> list[Mention]:
    """« Steve Witkoff et Kirill Dmitriev », « Rubio, Witkoff et Kushner » → all of them.

    A comma joins names only inside a list that ends with « et »: « Selon le Kremlin,
    Kiev refuse… » names one source.
    """
    chain = [first]
    separators = []
    index = mentions.index(first)
    for nxt in mentions[index + 1:]:
        between = text[chain[-1].end:nxt.start]
        if nxt.speaker and nxt.kind != "pronoun" and _LIST_SEPARATOR.fullmatch(between):
            chain.append(nxt)
            separators.append(between.strip())
        else:
            break
    while separators and separators[-1] == ",":
        separators.pop()
        chain.pop()
    return chain


def attribute_sentence(text: str, folded: str, sentence: Sentence, masked: str, registry: Registry,
                       resolver: Resolver, known: list[Mention] | None = None) -> tuple[Attribution | None, list[Mention]]:
    """Find the source of one sentence (``masked`` is its folded text with quotes blanked).

    ``known`` are the document's mentions, when already found. Returns the attribution,
    or None when the sentence reports nobody, and the mentions outside quotes.
    """
    offset = sentence.start
    if known is None:
        known = find_mentions(text, folded, sentence.start, sentence.end, registry)
    mentions = [m for m in known if sentence.start <= m.start and m.end <= sentence.end
                and masked[m.start - offset:m.end - offset].strip()]
    outside = _subjects_possible(masked, mentions, offset)

    def build(mention: Mention, cue: str, method: str, group: list[Mention] | None = None) -> Attribution:
        speaker, reason = _speaker_of(mention, resolver)
        ids = tuple(dict.fromkeys(s for s in (_speaker_of(m, resolver)[0] for m in group or [mention]) if s))
        return Attribution(speaker, ids or ((speaker,) if speaker else ()), mention.text, cue, method, reason)

    # « Selon X, … » at the start of the sentence
    lead = _LEAD_WORD.match(masked)
    selon = _selon_pattern().match(masked, lead.end() if lead else 0)
    if selon:
        hit = _selon_source(masked, selon.end(), mentions, offset)
        if hit:
            return build(hit, selon.group("cue"), "selon", _coordinated(text, mentions, hit)), mentions
    # Headline « Rubio : « … » », also for a name the registry does not know
    if outside and outside[0].start - offset <= 2 and re.match(r"\s*:\s", masked[outside[0].end - offset:]):
        return build(outside[0], ":", "headline"), mentions
    label = _HEADLINE_NAME.match(sentence.text)
    if label and not outside[:1]:
        name = Mention(offset, offset + label.end(1), label.group(1), ascii_id(label.group(1).split()[-1]), "person")
        return build(name, ":", "headline"), mentions
    # Impersonal continuation « …, était-il ajouté. »
    impersonal = _IMPERSONAL.search(masked)
    if impersonal and resolver.last_speaker:
        speaker = resolver.last_speaker.speaker
        return Attribution(speaker, (speaker,), None, impersonal.group(), "continuation"), mentions
    chosen: tuple[re.Match[str], tuple[Mention, str, list[Mention]]] | None = None
    for verb in verb_pattern().finditer(masked):
        found = _attribute_verb(text, masked, verb, mentions, outside, offset)
        if not found:
            continue
        if chosen is None:
            chosen = (verb, found)
            if found[1] not in ("subject", "pronoun") or _FRAMES_SPEECH.match(masked, verb.end()):
                break
        elif found[1] in ("inverted", "incise"):
            # « La Russie exige le retrait, a répété Iouri Ouchakov »: the trailing incise names
            # the source; the first verb was part of what was said
            chosen = (verb, found)
            break
    if chosen:
        verb, (mention, method, group) = chosen
        topic = _TOPIC.match(masked)
        if topic and mention.kind == "pronoun":  # « Quant à Steve Witkoff, il estime… »
            named = next((m for m in mentions if m.start - offset == topic.end() and m.speaker), None)
            if named is not None:
                mention, group = named, [named]
        return build(mention, verb.group().strip(), method, group), mentions
    # « Le président ukrainien s'est contenté d'un message sur Telegram : « … » »
    colon = _COLON_QUOTE.search(masked)
    if colon and len(_WORDS_AND_ELISIONS.findall(sentence.text[colon.start() + 1:])) >= _MIN_QUOTE_WORDS:
        subject = next((m for m in outside if m.start - offset <= _SUBJECT_REACH and m.kind != "media"), None)
        if subject is not None and not _WORDS_AND_ELISIONS.findall(_LEAD_WORD.sub("", masked[:subject.start - offset], 1)
                                                                   .replace("le ", "").replace("la ", "")):
            return build(subject, ":", "colon"), mentions
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
    return None, mentions


_INCISE_PHRASES = re.compile(r"pour sa part|de son cote|de leur cote|quant a lui|quant a elle|lui aussi|elle aussi"
                             r"|sur (?:x|twitter|telegram|facebook|son compte|les reseaux sociaux)|dans un communique"
                             r"|lors d'un point de presse|devant la presse|devant les journalistes|a la presse")
_OBJECT_WORDS = frozenset("le la les l' un une des du de d' que qu' au aux ce cette ces son sa ses leur leurs".split())


def _is_incise_gap(gap: str) -> bool:
    """True when only adverbials separate an inverted verb from its subject."""
    words = re.findall(r"[\w']+", _INCISE_PHRASES.sub(" ", gap))
    return len(words) <= 4 and not any(w in _OBJECT_WORDS or w.endswith(("'", "ant")) for w in words)


def _selon_source(masked: str, position: int, mentions: list[Mention], offset: int) -> Mention | None:
    """The mention right after « selon » (« selon le site américain Axios » allowed)."""
    for mention in mentions:
        gap = masked[position:mention.start - offset]
        if mention.start - offset >= position and "," not in gap and len(gap.split()) <= 3:
            return mention
        if mention.start - offset >= position:
            return None
    return None


def _has_required(requires: str, after: str) -> bool:
    for word in requires.split("|"):
        tail = "" if word.endswith("'") else r"(?![\w])"
        if re.search(rf"(?<![\w']){re.escape(word)}{tail}", after):
            return True
    return False


def _attribute_verb(text: str, masked: str, verb: re.Match[str], mentions: list[Mention],
                    outside: list[Mention], offset: int) -> tuple[Mention, str, list[Mention]] | None:
    form = re.sub(r"\s+", " ", verb.group("verb"))
    entry = verb_lexicon()[form]
    has_aux = bool(verb.group("aux"))
    written = text[verb.start("verb") + offset:verb.end("verb") + offset]
    if not has_aux and is_participle(form, written):
        has_aux = bool(distant_auxiliary().search(masked, 0, verb.start()))
    # « en estimant que… »: a gerund of speech after « en » reports for the clause subject
    speech_gerund = is_gerund(form) and masked[:verb.start()].rstrip().endswith(" en") \
        and _FRAMES_SPEECH.match(masked, verb.end()) is not None
    if not has_aux and not verb.group("inv") and not verb.group("refl") and not speech_gerund \
            and (is_gerund(form) or is_infinitive(form) or is_participle(form, written)):
        return None
    start, end = verb.start() + offset, verb.end() + offset
    after = masked[verb.end():]
    group = "inv" if verb.group("inv") else "auxinv"
    inverted_pronoun = verb.group(group)
    if inverted_pronoun:
        word = inverted_pronoun.rsplit("-", 1)[-1]
        if word == "on":  # « estime-t-on au Kremlin »: the place after is the source
            hit = next((m for m in mentions if m.start >= end and m.speaker), None)
            return (hit, "incise", [hit]) if hit else None
        word_end = verb.end(group) + offset
        pronoun = Mention(word_end - len(word), word_end, text[word_end - len(word):word_end], None, "pronoun",
                          "f" if word.startswith("elle") else "m", "")
        return pronoun, "incise", [pronoun]
    before = masked[:verb.start()].rstrip()
    # « Antonio Guterres, a appelé les parties » closes an apposition: not an inversion
    closes_name = before.endswith(",") and any(
        m.end - offset == len(before[:-1].rstrip()) and m.speaker
        and masked[:m.start - offset].rstrip()[-1:] in ("", ",") for m in outside)
    # Inverted after a quote or a comma: « …», a déclaré X. » / « …, a ajouté la source. »
    if (not before or before[-1] in ",:") and not closes_name:
        hit = next((m for m in outside if end <= m.start and m.kind != "pronoun"), None)
        if hit and _is_incise_gap(masked[verb.end():hit.start - offset]):
            group = _coordinated(text, mentions, hit)
            if not _NOT_AFTER_INVERTED.match(masked, group[-1].end - offset):
                return hit, "inverted", group
    if entry.incise_only or entry.requires and not _has_required(entry.requires, " ".join(after.split()[:6])):
        return None
    # Passive « L'information est démentie par la délégation russe »: the agent is the source
    if verb.group("aux") and verb.group("aux").split()[-1] in _PASSIVE_AUX:
        agent = _PASSIVE_AGENT.match(masked, verb.end())
        if agent:
            hit = next((m for m in mentions if m.start - offset == agent.end() and m.speaker), None)
            if hit:
                return hit, "passive", [hit]
    # Relative clause « X, qui a décrit … »
    relative = re.search(r"(?:^|[\s,])qui\s*$", before)
    if relative:
        antecedents = [m for m in mentions if m.end <= offset + relative.start() + 1 and m.kind != "pronoun"
                       and (m.speaker or m.kind == "role") and not _is_complement(masked, m, offset)]
        if antecedents:
            return antecedents[-1], "relative", [antecedents[-1]]
        return None
    clause_start = 0
    for brk in _CLAUSE_BREAK.finditer(masked, 0, verb.start()):
        clause_start = brk.end()
    candidates = [m for m in outside if offset + clause_start <= m.start < start]
    if candidates:
        first = candidates[0]
        method = "pronoun" if first.kind in ("pronoun", "role") else "subject"
        return first, method, _coordinated(text, mentions, first)
    return None
