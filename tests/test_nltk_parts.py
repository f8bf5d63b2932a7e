"""Punkt and the Snowball stemmer imported without NLTK's package (stance.nltk_parts).

Each case runs in a fresh interpreter: whether NLTK is already imported decides the path.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

WORDS = ["négociations", "progrès", "pourparlers", "constructives", "exigeait", "sanctions", "Ukrainiens"]
TEXT = "M. Rubio est arrivé à Genève. Les discussions ont repris lundi. « Rien n'est acquis », a-t-il dit."


def run_python(script: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


LIGHT_THEN_REAL = f"""
import json, sys
from stance.nltk_parts import load_nltk_parts
parts = load_nltk_parts()
light_stems = [parts.snowball.FrenchStemmer().stem(w) for w in {WORDS!r}]
light_spans = list(parts.punkt.PunktSentenceTokenizer().span_tokenize({TEXT!r}))
after_light = sorted(m for m in ("nltk", "scipy", "sklearn") if m in sys.modules)
import nltk  # the user's own import afterwards: the real, complete package
from nltk.metrics.association import fisher_exact
from nltk.stem.snowball import FrenchStemmer
real_stems = [FrenchStemmer().stem(w) for w in {WORDS!r}]
real_spans = list(nltk.tokenize.punkt.PunktSentenceTokenizer().span_tokenize({TEXT!r}))
print(json.dumps({{"after_light": after_light, "same_stems": light_stems == real_stems,
                   "same_spans": light_spans == real_spans, "stems": light_stems,
                   "real_is_separate": FrenchStemmer is not parts.snowball.FrenchStemmer,
                   "fisher": fisher_exact([[1, 2], [3, 4]])[1] > 0}}))
"""


def test_light_import_loads_no_nltk_package_and_leaves_the_real_one_whole() -> None:
    result = run_python(LIGHT_THEN_REAL)
    assert result["after_light"] == []  # neither nltk's package nor scipy / scikit-learn
    assert result["same_stems"] and result["same_spans"]
    assert result["stems"][0] == "négoci"
    assert result["real_is_separate"] and result["fisher"]


@pytest.mark.parametrize("setup, expect_real", [
    pytest.param("import nltk.tokenize.punkt", True, id="nltk-already-imported"),
    pytest.param("import stance.nltk_parts as p\n"
                 "def fail():\n    raise ImportError('simulated')\n"
                 "p._import_without_package_init = fail", True, id="shortcut-fails"),
    pytest.param("", False, id="fresh-process"),
])
def test_fallback_to_the_plain_import(setup: str, expect_real: bool) -> None:
    script = f"""
import json, sys
{setup}
from stance.nltk_parts import load_nltk_parts
parts = load_nltk_parts()
print(json.dumps({{"registered": sys.modules.get("nltk.tokenize.punkt") is parts.punkt,
                   "stem": parts.snowball.FrenchStemmer().stem("négociations")}}))
"""
    result = run_python(script)
    assert result == {"registered": expect_real, "stem": "négoci"}
