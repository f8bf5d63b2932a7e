"""Labelling on a Dask cluster: a bag mapper and the ``stance label --dask`` runner.

Dask is optional (``pip install 'stance[dask]'``) and imported only inside functions, so
this module imports without it. Each worker process loads the model once (the cache of
`stance.batch`) and labels whole partitions with the same code as `stance.batch.run_batch`,
so the output is byte for byte the single-process output.

`label_with_dask` reads the documents on the client (`stance.documents.iter_documents`:
the same ids, dates and failures as a local run), cuts them into partitions and keeps only
a few partitions in flight, so memory stays flat on any corpus size and workers need no
shared file system. Each finished partition is written to ``OUT.parts/part-NNNNN.jsonl``
(or ``.csv``, without header) as it arrives; at the end the parts are joined in input order
into ``OUT.part``, which is renamed to ``OUT``.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .batch import BatchSummary, label_chunk
from .documents import Failure, detect_date, iter_documents, read_path_list
from .errors import OutputError, StanceError
from .output import claim_row, csv_header, format_claim
from .records import Document

if TYPE_CHECKING:
    import dask.bag
    import distributed

log = logging.getLogger("stance")
INSTALL_HINT = "pip install 'stance[dask]'"
PARTITION_DOCS, PARTITION_BYTES = 64, 4_000_000  # a partition closes at either


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise StanceError(f"Dask is not installed: {INSTALL_HINT}") from None


def _model_arg(model: Any) -> Any:
    return str(model) if isinstance(model, Path) else model


def _as_documents(item: Any) -> list[Document | Failure]:
    if isinstance(item, (Document, Failure)):
        return [item]
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
        return [Document(str(item[0]), item[1], detect_date(item[1]))]
    if isinstance(item, (str, os.PathLike)):
        return list(iter_documents([str(item)]))
    raise StanceError(f"cannot label a {type(item).__name__}: expected a Document, a (doc_id, text) pair or a path")


def _rows_partition(items: Iterable[Any], model: Any, speakers: str | None) -> list[list[dict[str, Any]]]:
    out = []
    for item in items:
        rows: list[dict[str, Any]] = []
        for result in label_chunk(_as_documents(item), model, speakers):
            if isinstance(result, Failure):
                log.warning("%s: %s (skipped)", result.source, result.reason)
            else:
                rows.extend(claim_row(c) for c in result[1])
        out.append(rows)
    return out


def label_bag(bag: dask.bag.Bag, *, model: Any = None, speakers: str | None = None) -> dask.bag.Bag:
    """Label every element of a Dask bag; one list of output rows per element.

    Parameters
    ----------
    bag : dask.bag.Bag
        Elements are `Document` objects, ``(doc_id, text)`` pairs, or paths of files
        (text files or JSONL/CSV corpora, whose rows are all labelled into one list).
    model : str, Path or fitted model, optional
        Model file (default: the shipped model), loaded once per worker process.
    speakers : str, optional
        A TOML file adding or overriding speakers.

    Returns
    -------
    dask.bag.Bag
        Lists of rows (dicts of `stance.output.claim_row`), in the order of ``bag``.
        Elements that cannot be read or labelled give an empty list and a log warning on
        the worker; use `label_with_dask` to get failures back.

    """
    _require_dask()
    return bag.map_partitions(_rows_partition, _model_arg(model), speakers)


def _label_partition(items: list[Document | Failure], model: Any, speakers: str | None, fmt: str,
                     min_score: float) -> tuple[str, int, int, dict[str, int], list[Failure]]:
    """Worker side: formatted lines, documents, bytes, label counts and failures of a partition."""
    lines: list[str] = []
    documents = size = 0
    labels: Counter[str] = Counter()
    failures: list[Failure] = []
    for result in label_chunk(items, model, speakers):
        if isinstance(result, Failure):
            failures.append(result)
            continue
        document, claims = result
        claims = [c for c in claims if (c.score or 0.0) >= min_score]
        lines.extend(format_claim(c, fmt) for c in claims)
        documents += 1
        size += len(document.text.encode("utf-8", "surrogateescape"))
        labels.update(c.label.value for c in claims if c.label)
    return "".join(lines), documents, size, dict(labels), failures


def _partitions(items: Iterable[Document | Failure], docs: int, max_bytes: int) -> Iterator[list[Document | Failure]]:
    chunk: list[Document | Failure] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= docs or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _local_paths(paths: Iterable[str], folder: Path) -> list[str]:
    """Local paths as they are; fsspec URLs (globs allowed) copied into ``folder``."""
    out = []
    for entry in paths:
        if entry == "-" or "://" not in entry or entry.startswith("file://"):
            out.append(entry.removeprefix("file://"))
            continue
        import fsspec

        files = fsspec.open_files(entry)
        if not files:
            raise StanceError(f"{entry}: no such file")
        for remote in files:
            target = folder / f"{len(out):06d}" / PurePosixPath(remote.path).name  # keeps the doc id
            target.parent.mkdir(parents=True)
            with remote as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
            out.append(str(target))
    return out


def _client(address: str | distributed.Client) -> tuple[distributed.Client, list[Any]]:
    """A client and what to close after the run (nothing for a client given by the caller)."""
    from distributed import Client, LocalCluster

    if isinstance(address, Client):
        return address, []
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1",  # the scheduler's HTTP routes would take :8787 otherwise
                               scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
        return (client := Client(cluster)), [client, cluster]
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise StanceError(f"cannot connect to the Dask scheduler at {address} ({exc})") from None
    return client, [client]


def label_with_dask(paths: Iterable[str], address: str | distributed.Client, *, out: Path | str | None,
                    fmt: str = "jsonl", force: bool = False, model: Any = None, speakers: str | None = None,
                    min_score: float = 0.0, pattern: str = "*.txt", text_field: str = "text", id_field: str = "id",
                    date_field: str = "date", from_list: str | None = None, partition_docs: int = PARTITION_DOCS,
                    partition_bytes: int = PARTITION_BYTES, keep_parts: bool = True) -> BatchSummary:
    """Label documents on a Dask cluster into ``out`` (same rows and order as a local run).

    Parameters
    ----------
    paths : iterable of str
        Files, folders, JSONL/CSV corpora, ``-`` for stdin, or fsspec URLs (copied locally).
    address : str or distributed.Client
        ``"local"`` for a two-worker cluster on loopback, a scheduler address
        (``tcp://host:8786``), or a connected client (left open).
    out : path
        Output file, required; parts go to ``OUT.parts/``.
    fmt : {"jsonl", "csv"}
        Output format.
    force : bool
        Overwrite an existing ``out``.
    model, speakers
        As in `label_bag`.
    min_score, pattern, text_field, id_field, date_field, from_list
        As in `stance.batch.label_to_output` and `stance.batch.run_batch`.
    partition_docs, partition_bytes : int
        A partition closes at this many documents or characters of text.
    keep_parts : bool
        Keep ``OUT.parts/`` after the merged file is in place.

    Returns
    -------
    BatchSummary
        Counts, failures (in input order) and the seconds spent labelling (cluster start excluded).
    """
    if out is None:
        raise StanceError("--dask needs --out FILE: the parts and the merged output are written there")
    if fmt not in ("jsonl", "csv"):
        raise StanceError(f"--dask writes jsonl or csv, not {fmt}")
    if (out := Path(out)).is_dir():
        raise OutputError(f"{out}: is a directory")
    if out.exists() and not force:
        raise OutputError(f"{out}: exists; use --force to overwrite")
    _require_dask()
    parts_dir = out.with_name(out.name + ".parts")
    try:
        parts_dir.mkdir(parents=True, exist_ok=True)
        for stale in parts_dir.glob("part-*.*"):
            stale.unlink()
    except OSError as exc:
        raise OutputError(f"{parts_dir}: cannot write ({exc.strerror or exc})") from None
    paths = list(paths) + (read_path_list(from_list) if from_list else [])
    client, to_close = _client(address)
    try:
        with tempfile.TemporaryDirectory(prefix="stance-dask-") as folder:
            local = _local_paths(paths, Path(folder))
            documents = iter_documents(local, pattern=pattern, text_field=text_field, id_field=id_field,
                                       date_field=date_field)
            summary, count = _run(client, _partitions(documents, partition_docs, partition_bytes), parts_dir, fmt,
                                  _model_arg(model), speakers, min_score)
        _merge(parts_dir, count, out, fmt)
    finally:
        for resource in to_close:
            resource.close()
    if not keep_parts:
        shutil.rmtree(parts_dir, ignore_errors=True)
    return summary


def _run(client: distributed.Client, partitions: Iterator[list[Document | Failure]], parts_dir: Path, fmt: str,
         model: Any, speakers: str | None, min_score: float) -> tuple[BatchSummary, int]:
    """Submit partitions with a bounded number in flight; write each part as it finishes."""
    from distributed import as_completed

    if model is not None and not isinstance(model, str):
        model = client.scatter(model, broadcast=True)  # sent once, not with every partition
    in_flight, token = 2 * max(1, sum(client.nthreads().values())) + 1, uuid.uuid4().hex[:8]
    summary, failures, index_of = BatchSummary(), {}, {}
    started, pending, count = time.perf_counter(), as_completed(), 0

    def submit(chunk: list[Document | Failure]) -> None:
        nonlocal count
        future = client.submit(_label_partition, chunk, model, speakers, fmt, min_score,
                               key=f"stance-part-{token}-{count}", pure=False)
        index_of[future.key] = count
        pending.add(future)
        count += 1

    while count < in_flight and (chunk := next(partitions, None)) is not None:
        submit(chunk)
    for future in pending:
        text, documents, size, labels, failed = future.result()
        index = index_of.pop(future.key)
        future.release()
        try:
            (parts_dir / f"part-{index:05d}.{fmt}").write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{parts_dir}: cannot write ({exc.strerror or exc})") from None
        summary.documents += documents
        summary.bytes += size
        summary.claims.update(labels)
        failures[index] = failed
        for failure in failed:
            log.error("%s: %s (skipped)", failure.source, failure.reason)
        if (chunk := next(partitions, None)) is not None:
            submit(chunk)
    summary.failures = [f for index in sorted(failures) for f in failures[index]]
    summary.seconds = time.perf_counter() - started
    return summary, count


def _merge(parts_dir: Path, count: int, out: Path, fmt: str) -> None:
    """Join the parts in order into ``OUT.part``, then rename it to ``OUT``."""
    temp = out.with_name(out.name + ".part")
    try:
        with open(temp, "w", encoding="utf-8") as sink:
            if fmt == "csv":
                sink.write(csv_header())
            for index in range(count):
                with open(parts_dir / f"part-{index:05d}.{fmt}", encoding="utf-8") as source:
                    shutil.copyfileobj(source, sink, 1 << 20)
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None
