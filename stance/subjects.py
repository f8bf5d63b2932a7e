"""Which mention is the subject of a reporting verb (stage 3, used by :mod:`stance.attribute`).

Given a sentence's folded text with quotations blanked, its mentions and a reporting verb
found in it: the inverted subject (« …, a déclaré X », « a-t-il ajouté »), the agent of
a passive, the antecedent of a relative clause, or the subject before the verb; and the
names coordinated with it. A mention after a preposition is never a subject.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .authorship import document_author
from .eligibility import after_adverbials
from .mentions import ONE_OF
from .records import Mention
from .resources import word_list, word_set
from .trie import trie_pattern
from .verbs import distant_auxiliary, entry_of, is_gerund, is_infinitive, is_participle, shares_auxiliary

_COMPLEMENT_END = re.compile(r"(?<![\w'])(?:de|du|des|d')\s*(?:l'|la\s+|le\s+|les\s+)?$")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|et|ainsi que)\s*")
_CLAUSE_BREAK = re.compile(r";|\bmais\b|\btandis qu|\balors qu|\bpendant qu")
# A verb followed by « que », « : » or a quotation frames reported speech itself
FRAMES_SPEECH = re.compile(r"(?:\s+[\w'-]+){0,3}?\s*(?:que\b|qu'|:|\s{2,})")
# « …, accusant Londres et Paris de « saboter » … »: a gerund's object may come before the quotation
_FRAMES_AFTER_GERUND = re.compile(r"(?:\s+[\w'-]+){0,5}?\s*(?:que\b|qu'|:|\s{2,})")
# the participle follows the noun phrase opening the sentence (« Une proposition jugée … par X »)
_NOUN_PHRASE_OPENING = re.compile(r"\s*(?:une|un|la|le|l'|les|des|cette|ce|cet|ces)\s*(?:[\w'-]+\s+){0,2}[\w'-]+\s+")
_AS_BEFORE = re.compile(r"(?:^|[\s,])comme(?:\s+(?:le|la|les|l'|nous|vous|me|m'))?$")
_PASSIVE_AUX = frozenset(("est", "sont", "etait", "etaient", "ete"))
_PASSIVE_AGENT = re.compile(r"(?:e|es|ee|ees)?\s+par\s+")
# « …, a-t-on appris de source diplomatique »: after « -on », an anonymous source
_FROM_SOURCE = re.compile(r"\s*(de\s+(?:bonne\s+|meme\s+)?sources?(?:\s+[\w-]+){0,2})")
# After an inverted subject (« …, a déclaré X »), only an adverbial may follow, never a
# complement of the verb (« a accusé la Russie de … »).
_NOT_AFTER_INVERTED = re.compile(r"\s*(?:de|d'|que|qu'|comme|a\s+\w+(?:er|ir|re))(?![\w])")
# … but a common-noun source takes a noun complement: « a confié un membre de la délégation »
_NOUN_COMPLEMENT = re.compile(r"\s*(?:du|des|de\s+la|de\s+l'|d'une|d'un|de\s+son|de\s+sa|de\s+ses|de\s+leur)\s*\w")
_QUOTE_MARK = re.compile(r"[«»\"“”]")
# … or an age: « estime l'officier de 34 ans »
_AGE_COMPLEMENT = re.compile(r"\s*de\s+\d{1,3}\s+ans(?![\w])")


def _is_complement(masked: str, mention: Mention, offset: int) -> bool:
    """« le secrétaire général de l'Otan »: a noun complement, never the antecedent."""
    return bool(_COMPLEMENT_END.search(masked[:mention.start - offset]))


def coordinated(text: str, mentions: list[Mention], first: Mention) -> list[Mention]:
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


_OBJECT_WORDS = frozenset("le la les l' un une des du de d' que qu' au aux ce cette ces son sa ses leur leurs".split())
# « …, a déclaré à la presse / aux journalistes / à Reuters X »: the addressee, then the subject
_ADDRESSEE = re.compile(r"(?:^|\s)(?:a|au|aux)\s+(?:l'\s*|la\s+|les\s+)?[\w'-]+")
_ADDRESSEE_NEXT = re.compile(r"(?:^|\s)(?:a|au|aux|a\s+l')\s*$")


@lru_cache(maxsize=1)
def _incise_phrases() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{trie_pattern(word_list('incise_phrases'), gap=' ')})\b")


# where or how it was said, beyond the listed phrases: « a lancé lundi, sur le plateau d'une
# chaîne d'information, le sénateur X », « a affirmé dans une vidéo YouTube le polémiste X »
_ADVERBIAL_PHRASE = re.compile(r"(?<![\w'])(?:dans|sur|lors\s+d[e']|devant|pendant|durant|au\s+cours\s+d[e']|en\s+marge\s+d[e'])"
                               r"\s*(?:un|une|le|la|les|l'|son|sa|ses|leur|notre)\s*(?:[\w'-]+\s+){0,3}?[\w'-]+(?=\s*,|\s*$)")
_INFINITIVE_COMPLEMENT = re.compile(r"(?:^|\s)(?:(?:a|de)\s+|d')[\w-]+(?:er|ir|re|oir)(?![\w'])")


def _is_incise_gap(gap: str) -> bool:
    """True when only adverbials (and one addressee) separate an inverted verb from its subject."""
    if _INFINITIVE_COMPLEMENT.search(gap):
        return False  # « s'est dite prête à recevoir les délégations »: the verb's complement
    gap = _ADDRESSEE.sub(" ", _ADVERBIAL_PHRASE.sub(" ", _incise_phrases().sub(" ", gap)), count=1)
    words = re.findall(r"[\w']+", gap)
    return len(words) <= 4 and not any(w in _OBJECT_WORDS or w.endswith(("'", "ant")) for w in words)


@lru_cache(maxsize=1)
def _infinitive_frame() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{trie_pattern(word_list('infinitive_frames'), gap=' ')})\s*$")


_DIRECT_OBJECT = re.compile(r"\s*(?:un|une|le|la|les|l')(?![\w])")
_CLAUSE_WORDS = frozenset(("de", "d'", "que", "qu'"))


def _has_required(requires: str, after: str) -> bool:
    words = requires.split("|")
    if set(words) <= _CLAUSE_WORDS and _DIRECT_OBJECT.match(after):
        return False  # « il parle un anglais impeccable, teinté d'un accent »: the object comes first
    for word in words:
        tail = "" if word.endswith("'") else r"(?![\w])"
        if re.search(rf"(?<![\w']){re.escape(word)}{tail}", after):
            return True
    return False


def _is_mid_incise(masked: str, position: int, outside: list[Mention], offset: int) -> bool:
    """« Les Européens, rapporte le quotidien britannique, ont été informés »: the verb's own
    subject follows it and a comma closes the pair, so the name before is not in apposition."""
    return any(m.start - offset >= position and not masked[position:m.start - offset].strip()
               and (masked[m.end - offset:].lstrip().startswith(",") or _adverbial_then_comma(masked, m.end - offset))
               for m in outside)


_TAIL = re.compile(r"\s+([\w']+)(?:\s+[\w'-]+){0,9}?\s*,")


def _adverbial_then_comma(masked: str, position: int) -> bool:
    # « …, a affirmé Hakan Fidan lors d'une conférence de presse, est prête »: where or when,
    # then the comma; « a accusé la partie russe d'avoir … » goes on with the verb's complement
    tail = _TAIL.match(masked, position)
    return bool(tail) and tail.group(1) in word_set("prepositions") and tail.group(1) not in _COMPLEMENT_WORDS


_COMPLEMENT_WORDS = frozenset(("de", "d'", "a", "au", "aux", "du", "des", "pour", "sur", "contre", "avec", "par"))


def subject_of_verb(text: str, masked: str, verb: re.Match[str], mentions: list[Mention],
                    outside: list[Mention], offset: int) -> tuple[Mention, str, list[Mention]] | None:
    """The source of the reporting verb ``verb`` found in ``masked``, or None.

    Parameters
    ----------
    text : str
        The document as read.
    masked : str
        The sentence's folded text with quotations blanked (``offset`` is its start in ``text``).
    verb : re.Match
        A match of `stance.verbs.verb_pattern` in ``masked``.
    mentions, outside : list of Mention
        The sentence's mentions outside quotations, and those that may be a subject.
    offset : int
        Start of the sentence in ``text``.

    Returns
    -------
    tuple or None
        The mention, how it was found (``inverted``, ``aside``, ``incise``, ``passive``,
        ``relative``, ``subject`` or ``pronoun``) and the mentions coordinated with it.
    """
    form = re.sub(r"\s+", " ", verb.group("verb"))
    # with its pronoun: « s'est demandé », « se demandait », or a listed form « se sont dites »
    reflexive = bool(verb.group("refl")) or (verb.group("aux") or form).startswith(("s'", "se "))
    entry = entry_of(form, reflexive)
    if entry.lemma.startswith(("se ", "s'")) and not reflexive:
        return None  # « consulte sa montre » is no « se montrer »; « …, inquiète l'AIEA » no « s'inquiéter »
    has_aux = bool(verb.group("aux"))
    written = text[verb.start("verb") + offset:verb.end("verb") + offset]
    if not has_aux and is_participle(form, written):
        has_aux = bool(distant_auxiliary().search(masked, 0, verb.start())) or shares_auxiliary(masked, verb.start())
    # « en estimant que… », « …, estimant que… »: a gerund or participle of speech after « en »
    # or a comma reports for the clause subject
    speech_gerund = is_gerund(form) and masked[:verb.start()].rstrip().endswith((" en", ",")) \
        and _FRAMES_AFTER_GERUND.match(masked, verb.end()) is not None
    # « a tenu à rappeler », « s'est borné à répéter »: the infinitive reports for the clause subject
    framed = is_infinitive(form) and _infinitive_frame().search(masked, 0, verb.start()) is not None
    # « …, le Kremlin évoquant pour la première fois une date »: a participle of saying right
    # after its own subject reports for it (« la Russie exigeant que … » explains, in the seeds)
    absolute = is_gerund(form) and entry.lemma in word_set("saying_verbs") \
        and any(m.end - offset == len(masked[:verb.start()].rstrip()) and m.speaker for m in outside)
    # « Une proposition jugée « prématurée » par Kaja Kallas. »: a bare participle with its agent
    bare_agent = not has_aux and is_participle(form, written) and _PASSIVE_AGENT.match(masked, verb.end()) is not None \
        and _NOUN_PHRASE_OPENING.fullmatch(masked, 0, verb.start()) is not None
    if not has_aux and not verb.group("inv") and not verb.group("refl") and not speech_gerund and not framed \
            and not absolute and not bare_agent \
            and (is_gerund(form) or is_infinitive(form) or is_participle(form, written)):
        return None
    start, end = verb.start() + offset, verb.end() + offset
    after = masked[verb.end():]
    group = "inv" if verb.group("inv") else "auxinv"
    inverted_pronoun = verb.group(group)
    if inverted_pronoun:
        before = masked[:verb.start()].rstrip()
        if masked.rstrip().endswith("?") and not before.endswith((",", '"')):
            return None  # « Comment réagissent-ils ? » asks; an incise follows a quote or a comma
        word = inverted_pronoun.rsplit("-", 1)[-1]
        if word == "on":  # « estime-t-on au Kremlin »: the place after is the source
            hit = next((m for m in mentions if m.start >= end and m.speaker), None)
            anonymous = _FROM_SOURCE.match(masked, verb.end()) if hit is None else None
            if anonymous:  # « …, a-t-on appris de source diplomatique »
                hit = Mention(offset + anonymous.start(1), offset + anonymous.end(1),
                              text[offset + anonymous.start(1):offset + anonymous.end(1)], "source", "source")
            return (hit, "incise", [hit]) if hit else None
        word_end = verb.end(group) + offset
        pronoun = Mention(word_end - len(word), word_end, text[word_end - len(word):word_end], None, "pronoun",
                          "f" if word.startswith("elle") else "m", "")
        return pronoun, "incise", [pronoun]
    before = masked[:verb.start()].rstrip()
    # « Antonio Guterres, a appelé les parties » closes an apposition: not an inversion
    closes_name = before.endswith(",") and any(
        m.end - offset == len(before[:-1].rstrip()) and m.speaker
        and masked[:m.start - offset].rstrip()[-1:] in ("", ",") for m in outside) \
        and not _is_mid_incise(masked, verb.end(), outside, offset)
    # Inverted after a quote or a comma: « …», a déclaré X. » / « …, a ajouté la source. »
    # … or after « comme » (« …, comme l'a répété Maria Zakharova », « comme le souligne X »)
    if (not before or before[-1] in ",:" or _AS_BEFORE.search(before)) and not closes_name and not is_gerund(form):
        # a mention right after « à / au / aux » is spoken to (« a dit à Reuters X »), not the subject
        # a document is inverted only after a quotation (« « … », ajoutait le texte »), not as an
        # object (« X, chercheuse, juge le texte fragile »)
        quoted_before = not before.rstrip(",:").strip()
        author = document_author(masked, verb.end(), len(masked), mentions, offset, inverted=True)
        if author is not None:  # « …, précise la note du département d'État transmise aux journalistes »
            return author, "inverted", [author]
        hit = next((m for m in outside if end <= m.start
                    and (m.kind != "pronoun" or masked.startswith(ONE_OF, m.start - offset))  # « …, résume l'un d'eux »
                    and (m.kind != "document" or quoted_before)
                    and not _ADDRESSEE_NEXT.search(masked[verb.end():m.start - offset])), None)
        # a quotation between the verb and the mention is the verb's object (« Le soldat Vassyl,
        # 52 ans, dit « ne plus rien attendre » des diplomates »): no incise
        if hit and _is_incise_gap(masked[verb.end():hit.start - offset]) \
                and not _QUOTE_MARK.search(text, offset + verb.end(), hit.start):
            group = coordinated(text, mentions, hit)
            tail = group[-1].end - offset
            if not _NOT_AFTER_INVERTED.match(masked, tail) \
                    or hit.kind in ("source", "role") and _NOUN_COMPLEMENT.match(masked, tail) \
                    or _AGE_COMPLEMENT.match(masked, tail):
                # after « comme » the source is an aside: it names the sentence's source only
                # when no other verb does (« …, comme le propose Moscou » is not who warns)
                return hit, "aside" if _AS_BEFORE.search(before) else "inverted", group
    if entry.incise_only or entry.requires and not _has_required(entry.requires, " ".join(after.split()[:6])):
        return None
    # a transitive verb used reflexively (« Mark Rutte s'exprime en marge du sommet ») has no
    # object to meet its requirement: it reports speech only when it frames it (« : », « que »)
    if entry.requires and reflexive and not entry.lemma.startswith(("se ", "s'")) \
            and not FRAMES_SPEECH.match(masked, verb.end()):
        return None
    # Passive « L'information est démentie par la délégation russe »: the agent is the source
    if bare_agent or verb.group("aux") and verb.group("aux").split()[-1] in _PASSIVE_AUX:
        agent = _PASSIVE_AGENT.match(masked, verb.end())
        if agent:
            hit = next((m for m in mentions if m.start - offset == agent.end() and m.speaker), None)
            if hit:
                return hit, "agent" if bare_agent else "passive", [hit]
    # Relative clause « X, qui a décrit … »
    relative = re.search(r"(?:^|[\s,])qui\s*$", before)
    if relative:
        antecedents = [m for m in mentions if m.end <= offset + relative.start() + 1 and m.kind != "pronoun"
                       and (m.speaker or m.kind == "role") and not _is_complement(masked, m, offset)]
        if antecedents:
            return antecedents[-1], "relative", [antecedents[-1]]
        # « une ligne proche de celle d'Emmanuel Macron, qui a répété »: no source heads the
        # phrase, so the person named in its complement, right before « qui », is the antecedent
        owner = next((m for m in mentions if m.kind == "person" and m.speaker
                      and masked[m.end - offset:relative.start() + 1].strip(" ,") == ""), None)
        return (owner, "relative", [owner]) if owner else None
    clause_start = 0
    for brk in _CLAUSE_BREAK.finditer(masked, 0, verb.start()):
        clause_start = brk.end()
    candidates = [m for m in outside if offset + clause_start <= m.start < start]
    # « Au lendemain de la réunion, en présence des émissaires, le vice-président a dit »:
    # the subject follows the adverbial phrases opening the clause
    body = offset + after_adverbials(masked, clause_start, verb.start())
    if any(m.start >= body for m in candidates):
        candidates = [m for m in candidates if m.start >= body]
    author = document_author(masked, body - offset, verb.start(), mentions, offset)
    if author is not None:
        return author, "subject", [author]
    if candidates:
        first = candidates[0]
        method = "pronoun" if first.kind in ("pronoun", "role") else "subject"
        return first, method, coordinated(text, mentions, first)
    return None
