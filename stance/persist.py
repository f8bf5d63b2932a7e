"""Saving and loading models with a model card that guards integrity and versions.

A model is ``NAME.joblib`` with ``NAME.card.json`` beside it. The card records the
versions of stance, scikit-learn and Python, the labels and counts, the sha256 of the
training data, of the rules and of the model file, the CV scores and the date. Loading
refuses a file whose sha256 differs from its card (truncated or tampered) and, when the
card was written by another scikit-learn version, rebuilds the model from the shipped
annotations instead of unpickling it, caching the result.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import pickle
import platform
import tempfile
import zlib
from pathlib import Path
from typing import Any

from .errors import ModelError, OutputError
from .resources import corpus_dir, data_path, models_dir

log = logging.getLogger("stance")
DEFAULT_MODEL = "stance-default.joblib"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_files(paths: list[Path]) -> str:
    """One sha256 over several files (names and contents, in the given order)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def card_path(model_path: Path) -> Path:
    """Where the card of a model lives."""
    return model_path.with_name(model_path.name.removesuffix(".joblib") + ".card.json")


def versions() -> dict[str, str]:
    """Versions a model depends on."""
    from . import __version__

    return {"stance": __version__, "scikit_learn": _installed_sklearn(), "python": platform.python_version()}


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file through a temporary file and a rename, so no half file is ever seen."""
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes 0600 files; models and outputs are meant to be shared
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


FORMAT = "stance-model/3"  # 3: rule patterns stored as regex sources (older releases cannot read them)
READABLE_FORMATS = frozenset({"stance-model/2", FORMAT})  # /2 files still load: `Rule.__setstate__` converts


def _payload(estimator: Any) -> dict[str, Any]:
    # The compact predictor loads without scikit-learn; the full estimator rides along as
    # pickled bytes, unpickled only when asked for (`load_estimator`). Both are stored as
    # bytes so that they are unpickled by the C unpickler: joblib's own unpickler is pure
    # Python and took 0.19 s of every start for the compact predictor alone.
    return {"format": FORMAT, "compact": pickle.dumps(estimator.compact_, protocol=4),
            "estimator": pickle.dumps(estimator, protocol=4)}


def _dump(payload: dict[str, Any], path: Path) -> None:
    # A zlib-compressed pickle: what joblib.dump(compress=3) writes for a payload without
    # arrays, so joblib.load reads it too, while loading needs neither joblib nor its
    # pure-Python unpickler (both cost start-up time).
    atomic_write_bytes(path, zlib.compress(pickle.dumps(payload, protocol=4), 3))


def save_model(estimator: Any, path: Path | str, card: dict[str, Any]) -> dict[str, Any]:
    """Write a fitted `StanceClassifier` and its card (sha256, versions); returns the card."""
    path = Path(path)
    _dump(_payload(estimator), path)
    card = {**card, **versions(), "model_file": path.name, "model_sha256": sha256_file(path),
            "rules_sha256": sha256_file(data_path("rules.toml")),
            # claims are normalised with the registry's names (stance.text): the features depend on it
            "speakers_sha256": sha256_file(data_path("speakers.toml"))}
    atomic_write_bytes(card_path(path), (json.dumps(card, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode())
    return card


def read_card(path: Path) -> dict[str, Any]:
    """The card of a model, or a `ModelError` saying what is wrong."""
    card_file = card_path(path)
    if not card_file.exists():
        raise ModelError(f"{path}: model card {card_file.name} is missing; retrain with `stance train`")
    try:
        return json.loads(card_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{card_file}: unreadable model card ({exc})") from None


def default_model_path() -> Path:
    """The shipped model."""
    return models_dir() / DEFAULT_MODEL


def cache_dir() -> Path:
    """Where rebuilt models are cached (``$STANCE_CACHE`` or the user cache folder)."""
    root = os.environ.get("STANCE_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "stance" if not os.environ.get("STANCE_CACHE") else Path(root)


def _installed_sklearn() -> str:
    # the version without importing scikit-learn (that import alone takes most of a second),
    # and where possible without importlib.metadata either (40 ms of a cold start: it scans
    # every installed distribution): the METADATA of the one dist-info folder beside the package
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.origin:
        return "none"
    infos = list(Path(spec.origin).parent.parent.glob("scikit_learn-*.dist-info"))
    if len(infos) == 1:
        try:
            with (infos[0] / "METADATA").open(encoding="utf-8") as metadata:
                for line in metadata:
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
                    if not line.strip():
                        break  # the headers end at the first blank line
        except OSError:
            pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:
        return "none"


def _read_payload(path: Path) -> dict[str, Any]:
    try:
        payload = pickle.loads(zlib.decompress(path.read_bytes()))  # noqa: S301 - sha256 checked by callers
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means an unusable file
        raise ModelError(f"{path}: cannot load model ({type(exc).__name__}: {exc})") from None
    if not isinstance(payload, dict) or payload.get("format") not in READABLE_FORMATS:
        raise ModelError(f"{path}: not a {FORMAT} file; retrain with `stance train`")
    return payload


def _checked(path: Path | str | None) -> tuple[Path, dict[str, Any]]:
    path = Path(path) if path else default_model_path()
    if path.is_dir():
        raise ModelError(f"{path}: is a directory, expected a model file")
    if not path.exists():
        raise ModelError(f"{path}: no such model file")
    card = read_card(path)
    if sha256_file(path) != card.get("model_sha256"):
        raise ModelError(f"{path}: sha256 does not match its card (truncated or modified); refusing to load it")
    return path, card


def load_model(path: Path | str | None = None) -> Any:
    """Load the predictor of a model file after checking its card (sha256, then versions).

    Returns a `stance.compact.CompactModel` (no scikit-learn import). Raises `ModelError`
    for a missing, truncated, tampered or unreadable model. A model written by another
    scikit-learn version is not unpickled but rebuilt from the shipped annotations with the
    parameters and seed of its card, and cached.
    """
    path, card = _checked(path)
    if card.get("scikit_learn") != _installed_sklearn():
        return _rebuild(path, card).compact_
    try:
        return pickle.loads(_read_payload(path)["compact"])  # noqa: S301 - sha256 checked above
    except Exception as exc:  # noqa: BLE001
        raise ModelError(f"{path}: cannot load the predictor ({type(exc).__name__}: {exc})") from None


def load_estimator(path: Path | str | None = None) -> Any:
    """The full `StanceClassifier` of a model file (imports scikit-learn), same checks."""
    path, card = _checked(path)
    if card.get("scikit_learn") != _installed_sklearn():
        return _rebuild(path, card)
    try:
        return pickle.loads(_read_payload(path)["estimator"])  # noqa: S301 - sha256 checked above
    except Exception as exc:  # noqa: BLE001
        raise ModelError(f"{path}: cannot load the estimator ({type(exc).__name__}: {exc})") from None


def _rebuild(path: Path, card: dict[str, Any]) -> Any:
    from .estimator import fit_from_files

    installed = _installed_sklearn()
    key = f"{path.stem}-sklearn{installed}-{card.get('data_sha256', '')[:12]}.joblib"
    cached = cache_dir() / key
    if cached.exists():
        try:
            return pickle.loads(_read_payload(cached)["estimator"])  # noqa: S301 - our own cache
        except Exception:  # noqa: BLE001 - a broken cache entry is rebuilt
            cached.unlink(missing_ok=True)
    log.warning("%s was built with scikit-learn %s, this is %s: rebuilding it from the shipped annotations",
                path.name, card.get("scikit_learn"), installed)
    files = [corpus_dir() / name for name in card.get("data_files", [])]
    missing = [str(f) for f in files if not f.exists()]
    if missing or not files:
        raise ModelError(f"{path}: built with scikit-learn {card.get('scikit_learn')} and the annotations to "
                         f"rebuild it are missing ({', '.join(missing) or 'none listed'})")
    model = fit_from_files(files, params=card.get("params", {}), seed=card.get("seed", 0))
    try:
        _dump(_payload(model), cached)
    except OSError as exc:
        log.warning("could not cache the rebuilt model in %s (%s)", cached.parent, exc)
    return model
