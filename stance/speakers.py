"""Speaker registry (``stance/data/speakers.toml`` plus user files) and mention finding.

A mention is any phrase that may name a source: a registered name or title, an anonymous
source (« une source proche du dossier »), a group (« les deux parties »), a pronoun, a
role pointing back (« le responsable russe ») or an unregistered person (« Andriy Yermak »).
All matching runs on the folded view; offsets are those of the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .clean import fold
from .errors import ConfigError
from .records import Mention
from .resources import data_path, load_toml, word_list
from .trie import trie_pattern

KINDS = ("person", "institution", "media", "source", "group")
SIDES = ("US", "RU", "UA", "EU", "")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_DETERMINERS = {"la": "f", "une": "f", "le": "m", "un": "m", "du": "m", "au": "m", "cette": "f", "ce": "m"}
_SIDE_ADJECTIVES = {"russe": "RU", "russes": "RU", "americain": "US", "americaine": "US", "americains": "US",
                    "ukrainien": "UA", "ukrainienne": "UA", "ukrainiens": "UA", "europeen": "EU",
                    "europeenne": "EU", "europeens": "EU", "du kremlin": "RU", "de la maison blanche": "US"}


@dataclass(frozen=True)
class Speaker:
    """One registry entry."""

    id: str
    name: str
    kind: str
    gender: str
    side: str
    names: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()


def _line_of(text: str, table: str) -> int:
    name = re.escape(table)
    match = re.search(rf"^[ \t]*(?:\[{name}\]|{name}[ \t]*=)", text, re.MULTILINE)
    return text[:match.start()].count("\n") + 1 if match else 0


def parse_speakers(data: dict[str, Any], path: Path, text: str) -> dict[str, Speaker]:
    """Validate parsed TOML tables into `Speaker` entries (errors name file and line)."""
    speakers = {}
    for sid, entry in data.items():
        where = f"{path}:{_line_of(text, sid)}"
        if not _ID.match(sid):
            raise ConfigError(f"{where}: speaker id {sid!r} must be lowercase ascii (a-z, 0-9, _)")
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: [{sid}] must be a table")
        unknown = set(entry) - {"name", "kind", "gender", "side", "names", "titles"}
        if unknown:
            raise ConfigError(f"{where}: [{sid}] has unknown field(s) {', '.join(sorted(unknown))}")
        kind, gender, side = entry.get("kind", "person"), entry.get("gender", ""), entry.get("side", "")
        if kind not in KINDS:
            raise ConfigError(f"{where}: [{sid}] kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if gender not in ("m", "f", ""):
            raise ConfigError(f"{where}: [{sid}] gender must be 'm', 'f' or '', not {gender!r}")
        if side not in SIDES:
            raise ConfigError(f"{where}: [{sid}] side must be one of US, RU, UA, EU or '', not {side!r}")
        lists = {}
        for key in ("names", "titles"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{where}: [{sid}] {key} must be a list of non-empty strings")
            lists[key] = tuple(value)
        speakers[sid] = Speaker(sid, str(entry.get("name", sid)), kind, gender, side, lists["names"], lists["titles"])
    return speakers


def _phrase_key(phrase: str) -> str:
    return " ".join(re.split(r"[\s\-]+", fold(phrase).strip()))


@dataclass
class Registry:
    """Known speakers and the compiled patterns that find them in folded text."""

    speakers: dict[str, Speaker]
    _lookup: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        names, titles = [], []
        for speaker in self.speakers.values():
            for phrase, kind in [(n, "name") for n in speaker.names] + [(t, "title") for t in speaker.titles]:
                key = _phrase_key(phrase)
                self._lookup.setdefault(key, (speaker.id, kind))
                (names if kind == "name" else titles).append(key)
        gap = r"[\s\-]+"
        self._pattern = re.compile(
            r"(?<![\w])(?:(?P<det>le|la|les|un|une|du|des|au|aux|de la|de l'|l'|d'|cette|ce)\s*)?"
            rf"(?:(?P<title>{trie_pattern(titles, gap)})|(?:(?:m\.|mme|mm\.|monsieur|madame)\s+)?"
            rf"(?P<name>{trie_pattern(names, gap)}))(?![\w])"
        )

    def get(self, sid: str) -> Speaker | None:
        """The entry for ``sid``, if registered."""
        return self.speakers.get(sid)

    def find(self, folded: str, start: int, end: int) -> list[tuple[int, int, str, str, str]]:
        """Registered names and titles in ``folded[start:end]``: (start, end, id, det, how)."""
        found = []
        assert self._pattern is not None
        for match in self._pattern.finditer(folded, start, end):
            how = "title" if match.group("title") else "name"
            phrase = _phrase_key(match.group(how))
            sid = self._lookup.get(phrase, (None, ""))[0]
            if sid:
                det = (match.group("det") or "").strip()
                if how == "name" and det in ("d'", "l'", "de la", "de l'", "du", "au", "aux", "des"):
                    found.append((match.start(how), match.end(), sid, det, how))
                else:
                    found.append((match.start(), match.end(), sid, det, how))
        return found


def load_registry(extra: Path | str | None = None) -> Registry:
    """The default registry, with ``extra`` (a TOML file) adding or overriding entries.

    >>> load_registry().get("ouchakov").side
    'RU'
    """
    return _load_registry(str(extra) if extra else None)


@lru_cache(maxsize=8)
def _load_registry(extra: str | None) -> Registry:
    path = data_path("speakers.toml")
    speakers = parse_speakers(load_toml(path), path, path.read_text(encoding="utf-8"))
    if extra:
        user = Path(extra)
        speakers.update(parse_speakers(load_toml(user), user, user.read_text(encoding="utf-8", errors="replace")))
    return Registry(speakers)


def ascii_id(name: str) -> str:
    """Lowercase ascii id of a name (« Kaja Kallas » → ``kallas`` is done by the caller)."""
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")


@lru_cache(maxsize=1)
def _generic_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    singular, plural = [], []
    for line in word_list("source_nouns"):
        one, _, many = line.partition("|")
        singular.append(one.strip())
        plural.append((many or one).strip())
    nouns = trie_pattern(set(singular + plural))
    sides = trie_pattern(_SIDE_ADJECTIVES)
    source = re.compile(
        r"(?<![\w])(?P<det>une|un|des|de|d'|la|le|les|l'|cette|ce|ces|la meme|le meme|meme|plusieurs|certains|certaines|"
        r"de nombreux|de nombreuses|nombre de|deux|trois|quelques|son|sa|leur)\s*(?:meme\s+)?"
        rf"(?P<noun>{nouns})(?![\w])(?:\s+(?P<side>{sides})(?:\s+et\s+(?P<side2>{sides}))?)?"
    )
    groups = re.compile(r"(?<![\w])(?:" + trie_pattern(word_list("group_phrases")) + r")(?![\w])")
    person = re.compile(r"(?<![\w])(?:(?P<hon>M\.|Mme|MM\.|Mlle)\s+|(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?)\s+)"
                        r"(?:[A-ZÀ-Ý][\w'’\-]*[\w]\s+)*?(?P<last>[A-ZÀ-Ý][\w'’\-]*[\w])(?![\w'’-]*\s+[A-ZÀ-Ý][a-zà-ÿ])")
    return source, groups, person, frozenset(word_list("first_names"))


_OTHER_BODY = re.compile(r"\s+(?:du|des|de\s+la|de\s+l['’]|de|d['’])\s*[A-ZÀ-Ý]")
_PRONOUN = re.compile(r"(?<![\w'\-])(?P<p>il|elle|ils|elles|lui|eux|celui-ci|celle-ci|ce dernier|cette derniere)(?![\w'])")


def find_mentions(text: str, folded: str, start: int, end: int, registry: Registry) -> list[Mention]:
    """Every possible speaker mention in ``text[start:end]``, in order, non-overlapping."""
    mentions: list[Mention] = []
    titles: set[int] = set()  # starts of mentions found by a registered title
    starts: list[int] = []  # taken spans, sorted and disjoint: overlap checks by bisection
    ends: list[int] = []

    def free(a: int, b: int) -> bool:
        i = bisect_right(starts, a)
        return (i == 0 or ends[i - 1] <= a) and (i == len(starts) or starts[i] >= b)

    def add(a: int, b: int, sid: str | None, kind: str, gender: str, side: str) -> None:
        i = bisect_right(starts, a)
        starts.insert(i, a)
        ends.insert(i, b)
        mentions.append(Mention(a, b, text[a:b], sid, kind, gender, side))

    for a, b, sid, det, how in registry.find(folded, start, end):
        if how == "title" and _OTHER_BODY.match(text, b):
            continue  # « le secrétaire d'État du Vatican » is not the secrétaire d'État of the registry
        speaker = registry.speakers[sid]
        gender = _DETERMINERS.get(det, speaker.gender) if how == "title" or speaker.kind != "person" else speaker.gender
        add(a, b, sid, speaker.kind if how == "name" or speaker.kind != "person" else "person", gender, speaker.side)
        if how == "title":
            titles.add(a)
    source, groups, person, first_names = _generic_patterns()
    for match in groups.finditer(folded, start, end):
        if free(*match.span()):
            add(match.start(), match.end(), "*", "group", "", "")
    for match in source.finditer(folded, start, end):
        if not free(*match.span()):
            continue
        det, noun = match.group("det"), match.group("noun")
        side = _SIDE_ADJECTIVES.get(match.group("side") or "", "")
        gender = "f" if det in ("une", "la", "cette") or noun.startswith("source") else "m"
        plural = det in ("des", "les", "ces") or noun.endswith("s") and not noun.endswith("source")
        same = "meme" in folded[match.start():match.start("noun")]
        if match.group("side2"):
            add(match.start(), match.end(), "*", "group", "", "")
        elif det not in ("le", "la", "l'", "ce", "cette", "son", "sa", "leur") or same or "source" in noun \
                or "proche" in noun:  # « la même source », « le même diplomate »: the anonymous source again
            add(match.start(), match.end(), "source", "source", gender, side)
        elif not plural:
            add(match.start(), match.end(), None, "role", gender, side)
    for match in person.finditer(text, start, end):
        a, b = match.span()
        first = match.group("first")
        if not free(a, b) or (first and fold(first) not in first_names):
            continue
        sid = ascii_id(match.group("last"))
        if sid:
            add(a, b, sid, "person", "f" if match.group("hon") in ("Mme", "Mlle") else "", "")
    for match in _PRONOUN.finditer(folded, start, end):
        if free(*match.span()):
            word = match.group("p")
            gender = "f" if word.startswith(("elle", "celle", "cette")) else "m"
            add(match.start(), match.end(), None, "pronoun", gender, "")
    mentions.sort(key=lambda m: m.start)
    return _drop_roles_before_names(text, folded, _bind_titles_to_names(text, folded, mentions, titles))


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
                and _TITLE_NAME_GAP.fullmatch(folded, previous.end, mention.start):
            holders[(previous.speaker, _title_key(previous.text))] = mention.speaker
            out[-1] = replace(mention, start=previous.start, text=text[previous.start:mention.end])
            continue
        out.append(mention)
    return out


_APPOSITION_GAP = re.compile(r"[\s,]*(?:[\w'-]+[\s,]+){0,5}?")
_NOT_IN_APPOSITION = re.compile(r"(?<![\w'])(?:a|ont|avait|avaient|est|sont|etait|que|qu'|qui|selon)(?![\w'])")


def _drop_roles_before_names(text: str, folded: str, mentions: list[Mention]) -> list[Mention]:
    """« le président Volodymyr Zelensky », « les émissaires américain et russe, Steve
    Witkoff et … »: the name that follows is the speaker; the common noun before it
    becomes part of its mention."""
    out: list[Mention] = []
    skip = False
    for i, mention in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        after = mentions[i + 2] if i + 2 < len(mentions) else None
        # a group names its members only as a list: « les émissaires …, Steve Witkoff et Kirill Dmitriev »
        listed = mention.kind == "role" or (after is not None and re.fullmatch(r"\s*et\s*", folded[nxt.end:after.start]))
        if listed and mention.kind in ("role", "group") and nxt is not None and nxt.speaker \
                and nxt.kind in ("person", "institution", "media") and nxt.start - mention.end < 45 \
                and _APPOSITION_GAP.fullmatch(folded, mention.end, nxt.start) \
                and not _NOT_IN_APPOSITION.search(folded, mention.end, nxt.start):
            out.append(replace(nxt, start=mention.start, text=text[mention.start:nxt.end]))
            skip = True
            continue
        out.append(mention)
    return out
