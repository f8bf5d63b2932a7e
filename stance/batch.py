"""Batch labelling: many documents in a stable order, in parallel, into an atomic output.

Documents stream through the pipeline one at a time (memory stays flat). With ``jobs > 1``
documents go to joblib worker processes in chunks, each worker loading the model once;
results come back in input order. Output goes to ``OUT.part`` with a journal of finished
documents beside it, and is renamed to ``OUT`` only when the run completes, so an
interrupted run leaves no half file under the final name and ``resume=True`` carries on.
"""
from __future__ import annotations

import itertools
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents import Failure, iter_documents, read_path_list
from .errors import OutputError, StanceError
from .output import csv_header, format_claim
from .pipeline import cached_labeler
from .records import Claim, Document

CHUNK = 8


@dataclass
class BatchSummary:
    """What a batch run did."""

    documents: int = 0
    skipped: int = 0
    claims: Counter = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    bytes: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """Plain dict for logs and JSON."""
        rate = self.bytes / 1e6 / self.seconds if self.seconds else 0.0
        return {"documents": self.documents, "resumed_skipped": self.skipped, "claims": sum(self.claims.values()),
                "claims_per_label": dict(self.claims), "failures": len(self.failures),
                "seconds": round(self.seconds, 2), "mb_per_s": round(rate, 3),
                "documents_per_s": round(self.documents / self.seconds, 1) if self.seconds else 0.0}


def label_chunk(chunk: list[Document | Failure], model: Any, speakers: str | None) -> list[Any]:
    """Label a list of documents in this process (the model loaded once per process)."""
    labeler = cached_labeler(model, speakers)
    out: list[Any] = []
    for document in chunk:
        if isinstance(document, Failure):
            out.append(document)
            continue
        try:
            out.append((document, labeler.label_document(document)))
        except StanceError as exc:
            out.append(Failure(document.doc, str(exc)))
        except (ValueError, RecursionError, MemoryError) as exc:  # a document the pipeline cannot take
            out.append(Failure(document.doc, f"cannot process ({type(exc).__name__}: {exc})"))
    return out


def run_batch(paths: Iterable[str], *, jobs: int = 1, model: Any = None, speakers: str | None = None,
              pattern: str = "*.txt", text_field: str = "text", id_field: str = "id", date_field: str = "date",
              from_list: str | None = None, skip: set[str] | None = None) -> Iterator[tuple[Document, list[Claim]] | Failure]:
    """Labelled documents (or failures) in input order; ``skip`` holds doc ids already done."""
    paths = list(paths) + (read_path_list(from_list) if from_list else [])
    documents = iter_documents(paths, pattern=pattern, text_field=text_field, id_field=id_field,
                               date_field=date_field)
    if skip:
        documents = (d for d in documents if isinstance(d, Failure) or d.doc not in skip)
    jobs = os.cpu_count() or 1 if jobs == -1 else max(1, jobs)
    if jobs == 1:
        for chunk in _chunks(documents):
            yield from label_chunk(chunk, model, speakers)
        return
    from joblib import Parallel, delayed

    model_arg = str(model) if isinstance(model, Path) else model
    runner = Parallel(n_jobs=jobs, return_as="generator", pre_dispatch="2*n_jobs")
    for result in runner(delayed(label_chunk)(chunk, model_arg, speakers) for chunk in _chunks(documents)):
        yield from result


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


class AtomicOutput:
    """``OUT.part`` plus a journal of finished documents, renamed to ``OUT`` at the end."""

    def __init__(self, path: Path, fmt: str, *, force: bool = False, resume: bool = False) -> None:
        self.path, self.fmt = path, fmt
        self.part = path.with_name(path.name + ".part")
        self.journal = path.with_name(path.name + ".part.done")
        self.done: set[str] = set()
        if path.exists() and not force and not resume:
            raise OutputError(f"{path}: exists; use --force to overwrite or --resume to continue")
        if path.is_dir():
            raise OutputError(f"{path}: is a directory")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if resume and self.part.exists() and self.journal.exists():
                self._recover()
            else:
                self.part.write_text(csv_header() if fmt == "csv" else "", encoding="utf-8")
                self.journal.write_text("", encoding="utf-8")
            self.handle = open(self.part, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()
            self.log = open(self.journal, "a", encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None

    def _recover(self) -> None:
        size = 0
        for line in self.journal.read_text(encoding="utf-8").splitlines():
            doc, _, offset = line.rpartition("\t")
            if doc and offset.isdigit():
                self.done.add(doc)
                size = int(offset)
        with open(self.part, "r+b") as handle:  # drop what a killed run wrote after its last journal entry
            handle.truncate(size)

    def write(self, document: Document, claims: list[Claim]) -> None:
        """Append one document's claims, then journal it."""
        self.handle.write("".join(format_claim(c, self.fmt) for c in claims))
        self.handle.flush()
        self.log.write(f"{document.doc}\t{self.handle.tell()}\n")
        self.log.flush()

    def commit(self) -> None:
        """Close and move the finished output into place."""
        self.close()
        os.replace(self.part, self.path)
        self.journal.unlink(missing_ok=True)

    def close(self) -> None:
        """Close files, keeping ``.part`` for a later ``--resume``."""
        for handle in (getattr(self, "handle", None), getattr(self, "log", None)):
            if handle and not handle.closed:
                handle.close()


def label_to_output(paths: Iterable[str], write: Callable[[Document, list[Claim]], None], *,
                    min_score: float = 0.0, on_progress: Callable[[Document | Failure, BatchSummary], None] | None = None,
                    **options: Any) -> BatchSummary:
    """Run a batch, passing each document's claims to ``write``; returns the summary."""
    summary = BatchSummary()
    started = time.perf_counter()
    for item in run_batch(paths, **options):
        if isinstance(item, Failure):
            summary.failures.append(item)
        else:
            document, claims = item
            claims = [c for c in claims if (c.score or 0.0) >= min_score]
            write(document, claims)
            summary.documents += 1
            summary.bytes += len(document.text.encode("utf-8", "surrogateescape"))
            summary.claims.update(c.label.value for c in claims if c.label)
        if on_progress:
            on_progress(item, summary)
    summary.seconds = time.perf_counter() - started
    summary.skipped = len(options.get("skip") or ())
    return summary


def label_files(paths: Iterable[str | Path], *, jobs: int = 1, model: Any = None,
                speakers: str | Path | None = None) -> Iterator[Claim]:
    """Labelled claims of every document named by ``paths`` (files, folders, corpora).

    Documents that cannot be read are skipped; `run_batch` reports them.
    """
    for item in run_batch([str(p) for p in paths], jobs=jobs, model=model,
                          speakers=str(speakers) if speakers else None):
        if not isinstance(item, Failure):
            yield from item[1]
