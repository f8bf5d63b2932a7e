"""Turn labels of transcripts and question-and-answer pieces (``data/question_cues.txt``),
and signatures after quotations.

« Q : », « Question : », « QUESTION (Reuters) : » open an interviewer's question; « JOURNALISTE : »
does only on a line that asks. Zoning, segmentation and claims read them from here.
"""
from __future__ import annotations

import re
from functools import cache

from .resources import word_list
from .trie import trie_pattern

_OUTLET_IN_LABEL = r"[ \u00a0]*(?:\([^()\n]{1,60}\)[ \u00a0]*)?:"  # « QUESTION (Reuters) : », « Q (AFP) : »


def _label_source(cues: list[str]) -> str:
    # a cue ending in a colon also takes the asker's outlet in brackets before it
    with_colon = [c[:-1].rstrip() for c in cues if c.endswith(":")]
    others = [c for c in cues if not c.endswith(":")]
    branches = [f"(?:{trie_pattern(with_colon, gap=' ')}){_OUTLET_IN_LABEL}"] if with_colon else []
    return "|".join(branches + ([trie_pattern(others, gap=" ")] if others else [])) or r"(?!x)x"


@cache
def question_labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Line-start labels of an interviewer's question (``question_cues.txt``), folded: those
    that count only on a line that asks (« JOURNALISTE : … ? »), and the others (« Q : »)."""
    cues = word_list("question_cues")
    asking = [c[:-1].strip() for c in cues if c.endswith("?")]
    return re.compile(_label_source(asking)), re.compile(_label_source([c for c in cues if not c.endswith("?")]))


# the dash before a quotation's signature: « — Sergueï Lavrov », « — un haut responsable »
SIGNATURE = re.compile(r"[ \t\u00a0]*[—–][ \t\u00a0]*(?=[A-ZÀ-Ý]|une?\s)")
# « Nous ne signerons rien. » then, on the next line, « — Volodymyr Zelensky, lundi à Kiev »
_SIGNATURE_BELOW = re.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*[—–-][ \t\u00a0]*")


def signature_start(text: str, masked: str) -> int | None:
    """Where the signature of a signed quotation starts: « « Nos conditions n'ont pas changé. »
    — Sergueï Lavrov, le 6 juin. » (compilations of quotes, pull quotes). ``masked`` is ``text``
    with its quotations blanked; nothing but the quotation may precede the dash."""
    quoted = len(masked) - len(masked.lstrip())
    if not quoted or not text[:quoted].rstrip().endswith(("»", "”", '"')):
        return None
    signature = SIGNATURE.match(text, quoted)
    return signature.end() if signature else None


def signature_below(text: str, end: int) -> int | None:
    """Where the signature on the line after a quotation ending at ``end`` starts (« … »
    then a line « — Iouri Ouchakov »)."""
    dash = _SIGNATURE_BELOW.match(text, end)
    return dash.end() if dash else None


@cache
def _voice_label() -> re.Pattern[str]:
    return re.compile(rf"[(\[]\s*(?:{trie_pattern(word_list('voice_labels'), gap=' ')})\s*[—–:-]\s*(?=\w)")


def voice_label(folded: str, start: int, end: int) -> int | None:
    """Where the name starts in a broadcast script's label for the sound bite that follows
    (« (SON — Steve Witkoff, traduit de l'anglais) », ``data/voice_labels.txt``)."""
    label = _voice_label().match(folded, start, end)
    return label.end() if label else None
