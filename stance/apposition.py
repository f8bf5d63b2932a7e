"""Roles and titles in apposition to names (guide §2: titles resolve to their holder).

« le président Volodymyr Zelensky », « le porte-parole du Kremlin, Dmitri Peskov », « le
nouveau chef de l'administration présidentielle, Kyrylo Boudanov »: the name is the
speaker, and the role or title before it becomes part of its mention. A title the article
gives someone other than its registered holder names that person for the rest of the text.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .clean import fold
from .records import Mention
from .resources import word_set


def bind_appositions(text: str, folded: str, mentions: list[Mention], titles: set[int]) -> list[Mention]:
    """Mentions (sorted) with titles and roles merged into the names they stand beside.

    ``titles`` are the starts of the mentions found by a registered title.
    """
    bound = _drop_roles_before_names(text, folded, _bind_titles_to_names(text, folded, _bind_voices(text, folded, mentions),
                                                                          titles))
    # « Le secrétaire d'État du Saint-Siège, le cardinal Pietro Parolin »: the name took its
    # own role first; the title before the comma then stands beside both
    return _drop_roles_before_names(text, folded, bound)


_VOICE_OF = re.compile(r"\s+(?:de\s+la|de\s+l'|du|de)\s*")
_INDEFINITE = re.compile(r"une?\s+")


def _bind_voices(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """« un haut responsable de l'OTAN », « un porte-parole du Pentagone »: the body speaks
    (``data/institution_voices.txt``; guide §2, « un responsable de la Maison Blanche »)."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "source" and mention.kind == "institution" and mention.speaker \
                and _VOICE_OF.fullmatch(folded, previous.end, mention.start) \
                and (head := _INDEFINITE.match(folded, previous.start, previous.end)) \
                and folded[head.end():previous.end] in word_set("institution_voices"):
            out[-1] = replace(mention, start=previous.start, text=text[previous.start:mention.end])
            continue
        out.append(mention)
    return out


_TITLE_NAME_GAP = re.compile(r"\s*,?\s*")
_LEADING_DETERMINER = re.compile(r"^(?:le|la|l'|les|un|une|du|au|ce|cette)\s+|^l'")


def _title_key(title: str) -> str:
    return _LEADING_DETERMINER.sub("", fold(title), count=1)


def _bind_titles_to_names(text: str, folded: str, mentions: list[Mention], titles: set[int]) -> list[Mention]:
    """« le nouveau chef de l'administration présidentielle, Kyrylo Boudanov »: the article
    says who holds the title now, whatever the registry says; later uses of that title in
    the text name the same person (guide §2: titles resolve to their holder in the article)."""
    out: list[Mention] = []
    holders: dict[tuple[str, str], str] = {}  # (registry holder, folded title) → holder in this text
    for mention in mentions:
        previous = out[-1] if out else None
        if mention.start in titles:
            key = _title_key(mention.text)
            rebound = next((new for (old, title), new in holders.items()
                            if old == mention.speaker and (title.startswith(key) or key.startswith(title))), None)
            if rebound:
                mention = replace(mention, speaker=rebound)
        if previous is not None and previous.start in titles and mention.kind == "person" and mention.speaker \
                and previous.speaker not in (None, mention.speaker) \
                and _TITLE_NAME_GAP.fullmatch(folded, previous.end, mention.start) \
                and not _OWN_PREPOSITION.match(folded, previous.start) \
                and not _name_opens_clause(folded, previous, mention):
            holders[(previous.speaker, _title_key(previous.text))] = mention.speaker
            out[-1] = replace(mention, start=previous.start, text=text[previous.start:mention.end])
            continue
        out.append(mention)
    return out


_LAST_WORD = re.compile(r"([\w']+)\s*$")
_CLOSES_APPOSITION = re.compile(r"\s*(?:[,()]|$)")  # « …, Jean-Marc Delvaux (Les Engagés), »


def _name_opens_clause(folded: str, role: Mention, name: Mention) -> bool:
    """« lors d'une conférence avec le chancelier allemand, Emmanuel Macron a jugé »: the role
    ends a phrase after a preposition and the name, not closed by a comma, opens the clause."""
    if "," not in folded[role.end:name.start]:
        return False
    before = _LAST_WORD.search(folded, max(0, role.start - 30), role.start)
    return bool(before and before.group(1) in word_set("prepositions") and not _CLOSES_APPOSITION.match(folded, name.end))


_OWN_PREPOSITION = re.compile(r"(?:du|des|au|aux|de)\s")  # a title found with its article: « du président ukrainien »
_BRACKET_BEFORE = re.compile(r"\s*\(\s*")
_ROLE_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d')[^,;:()]*")  # « le chef de la faction Russie unie »
_COMPLEMENT_BEFORE = re.compile(r"\s*(?<![\w'])(?:aupres\s+(?:de|du|des)|de|du|des|d'|a|au|aux|en)\s*(?:la\s+|l'|le\s+|les\s+)?$")
_APPOSITION_GAP = re.compile(r"[\s,]*(?:[\w'()-]+[\s,]+){0,5}?")
# a longer complement is an apposition only when a comma closes it (« le porte-parole du
# ministère chinois des Affaires étrangères, Lin Jian »)
_LONG_APPOSITION_GAP = re.compile(r"\s+(?:[\w'()-]+\s+){5,8}?[\w'()-]+\s*,\s*")  # « (DFAE), » too
# a verb or a clause between a role and a name: not an apposition. Matched on the original
# text, where the preposition « à » (« l'ancien ambassadeur à Moscou X ») is not the verb « a »
_NOT_IN_APPOSITION = re.compile(r"(?<![\w'’])(?:a|ont|avait|avaient|est|sont|[ée]tait|que|qu['’]|qui|selon)(?![\w'’])",
                                re.IGNORECASE)


def _drop_roles_before_names(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """« le président Volodymyr Zelensky », « les émissaires américain et russe, Steve
    Witkoff et … »: the name that follows is the speaker; the common noun before it
    becomes part of its mention."""
    out: list[Mention] = []
    skip = 0
    for i, mention in enumerate(mentions):
        if skip:
            skip -= 1
            continue
        j = i + 1
        while mention.kind == "role" and j < len(mentions) \
                and (_COMPLEMENT_BEFORE.search(folded, mentions[j - 1].end, mentions[j].start)
                     or _OWN_PREPOSITION.match(folded, mentions[j].start)
                     or j > i + 1 and _BRACKET_BEFORE.fullmatch(folded, mentions[j - 1].end, mentions[j].start)
                     or mentions[j].kind != "person" and _ROLE_COMPLEMENT.fullmatch(folded, mention.end, mentions[j].start)):
            # « l'ambassadeur ukrainien auprès de l'ONU, Taras Levtchenko », « le porte-parole du
            # président ukrainien », « l'ancien ambassadeur de France à Moscou Jean-Marc Lefranc »:
            # what follows « de » or « à » is the role's complement, never its holder, and so is
            # the acronym in brackets after it (« … de l'Agence internationale de l'énergie
            # atomique (AIEA), Rafael Grossi »)
            j += 1
        nxt = mentions[j] if j < len(mentions) else None
        after = mentions[j + 1] if j + 1 < len(mentions) else None
        # a group names its members only as a list: « les émissaires …, Steve Witkoff et Kirill Dmitriev »
        listed = mention.kind == "role" or (after is not None and re.fullmatch(r"\s*et\s*", folded[nxt.end:after.start]))
        # a role stands in apposition to a person only (« Selon le conseiller, Kiev refuse … »)
        if listed and mention.kind in ("role", "group") and nxt is not None and nxt.speaker \
                and (nxt.kind == "person" or mention.kind == "group" and nxt.kind in ("institution", "media")) \
                and (nxt.start - mention.end < 45 and _APPOSITION_GAP.fullmatch(folded, mention.end, nxt.start)
                     or nxt.start - mention.end < 75 and _LONG_APPOSITION_GAP.fullmatch(folded, mention.end, nxt.start)) \
                and not _name_opens_clause(folded, mention, nxt) \
                and not _NOT_IN_APPOSITION.search(text, mention.end, nxt.start):
            out.append(replace(nxt, start=mention.start, text=text[mention.start:nxt.end]))
            skip = j - i
            continue
        out.append(mention)
    return out
