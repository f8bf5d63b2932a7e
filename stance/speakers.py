"""Speaker registry: ``stance/data/speakers.toml`` plus user files, and speaker ids.

Each entry has an id (guide §2), a kind, gender and side, and the names and titles that
refer to it; `Registry.find` matches them on the folded view (see :mod:`stance.mentions`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .clean import fold
from .errors import ConfigError
from .resources import data_path, load_toml
from .trie import trie_pattern

KINDS = ("person", "institution", "media", "source", "group")
SIDES = ("US", "RU", "UA", "EU", "")
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


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


_FORMER_BEFORE = re.compile(r"(?<![\w])(?:ancien|ancienne|ex)[\s-]*$")


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

    @property
    def ids(self) -> frozenset[str]:
        """The registered speaker ids."""
        return frozenset(self.speakers)

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
            if how == "title" and _FORMER_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
                continue  # « l'ancien président russe » is not the president (unless registered so)
            if sid:
                det = (match.group("det") or "").strip()
                if how == "name" and det in ("d'", "de la", "de l'", "du", "au", "aux", "des"):
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
