"""Who « il », « elle », « celui-ci » or « le responsable russe » is: the speakers in focus.

The resolver keeps the entities recently in focus in a document (speakers of claims and
subjects of narration) and resolves pronouns by gender, roles by side or registered
title, and « celui-ci » to the last person named. When nothing fits it says why, so the
claim gets no speaker rather than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .authorship import OF_BEFORE, document_noun, publishes
from .clean import fold as fold_text
from .mentions import ONE_OF, SIDE_ADJECTIVES
from .records import Mention
from .resources import word_list
from .speakers import Registry
from .trie import trie_pattern

# Role nouns too common to point at one registered title (« le chef », « le ministre »)
_GENERIC_ROLES = frozenset(("chef", "president", "ministre", "secretaire", "responsable", "conseiller", "dirigeant",
                            "general", "commandant", "membre", "premier", "vice"))


@dataclass
class Entity:
    """A speaker recently in focus, for pronoun and role resolution."""

    speaker: str
    gender: str
    side: str
    kind: str
    text: str = ""  # the folded words that named it (« le maire paul castel »)


_KEPT = 24  # entities kept for pronouns and roles


class Resolver:
    """Document state: entities in focus, for pronouns, roles and continuations."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry
        self.entities: list[Entity] = []
        self.last_speaker: Entity | None = None
        self.previous_mentions: list[Mention] = []
        self.last_outlet: str | None = None
        self.last_document: str | None = None  # who signed the last document cited (« une note du département d'État »)

    def mentioned(self, mentions: list[Mention]) -> None:
        """A sentence named ``mentions``: « ce dernier » and « le quotidien » may point to them,
        an outlet cited in passing too (« les propos prêtés à X par le Financial Times »)."""
        self.previous_mentions = mentions
        self.last_outlet = next((m.speaker for m in reversed(mentions) if m.kind == "media" and m.speaker),
                                self.last_outlet)

    def push(self, mention: Mention, speaker: str, apposition: str = "") -> None:
        """Put ``speaker`` in focus; ``apposition`` is what the article said of it right after
        its name (« Anne Verhaegen, chercheuse à l'IEES »), so « la chercheuse » finds it later."""
        words = _words(mention, apposition)
        known = next((e for e in self.entities if e.speaker == speaker), None)
        if known:  # named again: what was said of it before still holds
            words = _together(known.text, words)
        entity = Entity(speaker, mention.gender, mention.side, mention.kind, words)
        self.entities = [e for e in self.entities if e.speaker != speaker][-12:] + [entity]

    def described(self, mention: Mention, speaker: str, apposition: str) -> None:
        """``speaker`` named with what they are (« Oksana Melnyk, politologue »), in passing:
        roles may find them later, but the focus of pronouns does not move."""
        words = _words(mention, apposition)
        for i, entity in enumerate(self.entities):
            if entity.speaker == speaker:
                self.entities[i] = replace(entity, text=_together(entity.text, words))
                return
        # behind the entities in focus; a long text naming many people in passing stays bounded
        self.entities = [Entity(speaker, mention.gender, mention.side, mention.kind, words)] + self.entities[-_KEPT:]

    def said(self, mention: Mention, speaker: str, apposition: str = "") -> None:
        self.push(mention, speaker, apposition)
        self.last_speaker = self.entities[-1]

    def cited(self, masked: str, speaker: str) -> None:
        """A sentence of ``speaker`` names a document (« Selon une note interne du département
        d'État, … »): « le document » later is theirs."""
        found = document_noun().search(masked)
        # « X, deuxième auteur du rapport, souligne … » names the document already known, not one of X's
        if found and not (self.last_document and OF_BEFORE.search(masked, 0, found.start())):
            self.last_document = speaker

    def published(self, masked: str, start: int, speaker: str) -> None:
        """The narrated subject ``speaker`` publishes a document after ``start`` (« Le Centre
        Grotius publie ce jeudi un rapport »): « le rapport » later is theirs."""
        if publishes().search(masked, start):
            self.last_document = speaker

    def refocus(self, speaker: str) -> None:
        """``speaker`` spoke again, named by a pronoun or a role: it is the one in focus now."""
        entity = next((e for e in reversed(self.entities) if e.speaker == speaker), None)
        if entity is not None:
            self.entities = [e for e in self.entities if e is not entity] + [entity]
            self.last_speaker = entity

    def resolve(self, mention: Mention) -> tuple[str | None, str | None]:
        """Speaker id of a pronoun or role mention, or None with the reason."""
        if mention.kind == "pronoun" and fold_text(mention.text).startswith(("celui", "celle", "ce dern", "cette dern")):
            # « Celui-ci » is the last person named, speaker or not (or one anonymous source:
            # « un diplomate a confié … Ce dernier a ajouté »)
            for previous in reversed(self.previous_mentions):
                singular_source = previous.kind == "source" and fold_text(previous.text).startswith(("un ", "une "))
                if previous.speaker and (previous.kind == "person" or singular_source) \
                        and previous.gender in ("", mention.gender):
                    return previous.speaker, None
            return None, f"nobody named just before « {mention.text} »"
        if mention.kind == "pronoun" and fold_text(mention.text).startswith(ONE_OF):
            # « plusieurs responsables américains … « … », résume l'un d'eux »: one of the sources
            last = self.last_speaker
            return ("source", None) if last and last.speaker == "source" \
                else (None, f"« {mention.text} » is one of several, not one named speaker")
        if mention.kind == "document":  # « Le texte ajoute que … »
            return (self.last_document, None) if self.last_document \
                else (None, f"no document with a known author before « {mention.text} »")
        if mention.kind == "body":  # « Le collectif Tchekaïemo … » … « Le collectif dénonce … »
            noun = _title_nouns(mention)
            body = next((e.speaker for e in reversed(self.entities) if e.kind == "institution" and _names_role(e.text, noun)),
                        None)
            return (body, None) if body else (None, f"no body named « {noun} » before")
        if mention.kind == "media":  # « le site américain », « le quotidien »: the last outlet cited
            outlet = self.last_outlet or next((e.speaker for e in reversed(self.entities) if e.kind == "media"), None)
            return (outlet, None) if outlet else (None, f"no media cited before « {mention.text} »")
        if mention.kind == "role" and fold_text(mention.text).startswith(("ce ", "cet ", "cette ")) \
                and any(p.kind == "source" and _names_role(fold_text(p.text), _role_noun(mention))
                        for p in self.previous_mentions):
            return "source", None  # « …, qui cite un responsable européen. Ce responsable a indiqué … »
        if mention.kind == "role" and not mention.side:
            return self._resolve_title(mention)
        if mention.kind == "role" and (held := self._named_with_side(mention)):
            return held, None
        for entity in reversed(self.entities):
            if entity.speaker == "source" and mention.kind == "role" and entity.side in ("", mention.side) \
                    and _names_role(entity.text, _role_noun(mention)):
                return "source", None  # « un haut diplomate européen » … « le diplomate européen »
            if entity.speaker in ("*", "source") and mention.kind == "role":
                continue
            if mention.kind == "pronoun" and mention.gender and entity.gender and entity.gender != mention.gender:
                continue
            if mention.kind == "role" and (entity.side != mention.side or entity.kind not in ("person", "role")):
                continue
            return entity.speaker, None
        return None, f"no earlier speaker compatible with « {mention.text} »"

    def _named_with_side(self, mention: Mention) -> str | None:
        """« Iryna Kovaltchouk, députée … » … « la députée ukrainienne »: a person the article
        gave that role outranks a more recent speaker who merely shares the side."""
        noun = _role_noun(mention)
        if noun.split()[0] in _GENERIC_ROLES:
            return None
        return next((e.speaker for e in reversed(self.entities) if e.kind == "person" and e.side in ("", mention.side)
                     and _names_role(e.text, noun)), None)

    def _resolve_title(self, mention: Mention) -> tuple[str | None, str | None]:
        # « le porte-parole » with no nationality: the last speaker whose titles name that role
        noun = _title_nouns(mention)
        if noun.split()[0] in _GENERIC_ROLES:
            # « Le ministre » right after the foreign minister spoke is still him; further back
            # it could be anyone
            last = self.last_speaker
            speaker = self.registry.get(last.speaker) if last and self.registry else None
            if speaker and any(fold_text(t).replace("-", " ").startswith(noun) for t in speaker.titles):
                return last.speaker, None
            # … or the words that named the last speaker had it (« un haut responsable américain »
            # … « Le responsable a ajouté »)
            if last and _names_role(last.text, noun):
                return last.speaker, None
            return None, f"« {mention.text} » names no one in particular"
        for entity in reversed(self.entities):
            if mention.gender and entity.gender and entity.gender != mention.gender and entity.kind == "person":
                continue  # « la diplomate » is not Sergueï Lavrov
            speaker = self.registry.get(entity.speaker) if self.registry else None
            if speaker and any(fold_text(t).replace("-", " ").startswith(noun) for t in speaker.titles):
                return entity.speaker, None
            # « le maire Paul Castel » … « l'élu »: the role the article itself gave
            # (« Mykola Savchuk, cheminot retraité » … « l'ancien cheminot »)
            if _names_role(entity.text, noun) or _names_role(entity.text, _FORMER.sub("", noun)):
                return entity.speaker, None
        return None, f"no earlier speaker holds the role « {mention.text} »"


def _names_role(words: str, noun: str) -> bool:
    """True when ``words`` (folded) name the role ``noun`` or a role it may stand for."""
    nouns = (noun, *_role_synonyms().get(noun, ()))
    return any(re.search(rf"(?<![\w']){re.escape(n)}(?![\w])", words) for n in nouns)


@lru_cache(maxsize=1)
def _role_synonyms() -> dict[str, tuple[str, ...]]:
    # hyphens as spaces, like the words of mentions (« sous-officier », « sergent-chef »)
    table = {}
    for line in word_list("role_synonyms"):
        noun, _, others = line.replace("-", " ").partition(":")
        table[noun.strip()] = tuple(o.strip() for o in others.split(",") if o.strip())
    return table


# a role mention carries its side as one of the side adjectives (« la députée ukrainienne »)
_SIDE_WORDS = re.compile(rf"\s+(?:{trie_pattern(SIDE_ADJECTIVES)})$")
_DETERMINER = re.compile(r"^(?:l'|(?:le|la|les|un|une|du|au|ce|cet|cette)\s+)")


def _words(mention: Mention, apposition: str) -> str:
    """The folded words that name an entity: its mention, and what was said of it after."""
    return fold_text(f"{mention.text} {apposition}" if apposition else mention.text).replace("-", " ")


def _together(known: str, words: str) -> str:
    """What was said of an entity before, with ``words`` unless it already holds them."""
    return known if words in known else f"{known} {words}"


_FORMER = re.compile(r"^(?:ancien|ancienne|ex)\s+")


def _role_noun(mention: Mention) -> str:
    # « la députée ukrainienne » → « deputee »: the role without its side
    return _SIDE_WORDS.sub("", _title_nouns(mention))


def _title_nouns(mention: Mention) -> str:
    # « l'élu » → « elu », « le porte-parole » → « porte parole »
    return _DETERMINER.sub("", fold_text(mention.text)).replace("-", " ")
