"""Batch runs: input order, parallel jobs, atomic output and resume."""
from pathlib import Path

import pytest

from stance.batch import AtomicOutput, label_files, label_to_output, run_batch
from stance.documents import Failure
from stance.errors import OutputError
from stance.output import format_claim
from stance.persist import load_model

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_order_is_stable_and_jobs_give_the_same_output(model) -> None:
    one = [(d.doc, [c.to_dict() for c in cs]) for d, cs in run_batch([SEEDS], model=model)]
    two = [(d.doc, [c.to_dict() for c in cs]) for d, cs in run_batch([SEEDS], jobs=2)]
    assert [d for d, _ in one] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert one == two


def test_more_jobs_than_documents(model) -> None:
    single = ROOT / "seeds" / "000_3e0fb7d3d5b6e01b.txt"
    assert len(list(run_batch([str(single)], jobs=4))) == 1


def test_failures_are_reported_and_the_rest_labelled(tmp_path: Path, model) -> None:
    (tmp_path / "ok.txt").write_text("« Nous avançons », a déclaré Marco Rubio.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = list(run_batch([str(tmp_path), str(tmp_path / "missing.txt")], model=model))
    failures = [i for i in items if isinstance(i, Failure)]
    assert {Path(f.source).name for f in failures} == {"empty.txt", "missing.txt"}
    assert sum(len(i[1]) for i in items if not isinstance(i, Failure)) == 1


def test_label_files_library_call() -> None:
    claims = list(label_files([ROOT / "seeds" / "000_3e0fb7d3d5b6e01b.txt"]))
    assert claims and all(c.doc == "000_3e0fb7d3d5b6e01b" for c in claims)


def test_atomic_output_refuses_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    with pytest.raises(OutputError, match="exists"):
        AtomicOutput(out, "jsonl")
    assert out.read_text() == "keep me\n"


def test_interrupted_run_resumes_without_duplicates(tmp_path: Path, model) -> None:
    out = tmp_path / "out.jsonl"
    target = AtomicOutput(out, "jsonl")
    items = iter(run_batch([SEEDS], model=model))
    first_doc, first_claims = next(items)
    target.write(first_doc, first_claims)
    target.handle.write('{"doc": "half a line')  # a kill in the middle of the next document
    target.handle.flush()
    target.close()
    assert not out.exists()
    resumed = AtomicOutput(out, "jsonl", resume=True)
    assert resumed.done == {first_doc.doc}
    summary = label_to_output([SEEDS], resumed.write, skip=resumed.done, model=model)
    resumed.commit()
    assert summary.documents == 4
    full = "".join(format_claim(c, "jsonl") for _, cs in run_batch([SEEDS], model=model) for c in cs)
    assert out.read_text(encoding="utf-8") == full
    assert not list(tmp_path.glob("*.part*"))


WORKER_SCRIPT = """
import pickle, sys
chunk, function = pickle.loads(sys.stdin.buffer.read())  # as a joblib worker receives its task
results = function(chunk, None, None)
print(len(results[0][1]) > 0, "scipy" in sys.modules, "sklearn" in sys.modules, "nltk" in sys.modules)
"""


def test_worker_processes_import_neither_nltk_package_nor_scipy(tmp_path: Path) -> None:
    import pickle
    import subprocess
    import sys

    from stance.batch import label_chunk
    from stance.records import Document

    task = pickle.dumps(([Document("d", "« Aucun progrès », a regretté Dmitri Peskov.")], label_chunk))
    done = subprocess.run([sys.executable, "-c", WORKER_SCRIPT], input=task, capture_output=True, cwd=tmp_path,
                          timeout=120, check=False)
    assert done.stdout.decode().split() == ["True", "False", "False", "False"], done.stderr.decode()[-2000:]
