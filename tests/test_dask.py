"""Labelling on Dask: same rows and order as a single-process run, bags, atomic output."""
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from typer.testing import CliRunner

from stance.batch import label_to_output, run_batch
from stance.cli import app
from stance.dask import label_bag, label_with_dask
from stance.documents import Failure
from stance.errors import OutputError, StanceError
from stance.output import claim_row, csv_header, format_claim
from stance.persist import load_model
from stance.records import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")


@pytest.fixture(scope="module")
def model():
    return load_model()


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       host="127.0.0.1", scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def single(model):
    return [item for item in run_batch([SEEDS], model=model) if not isinstance(item, Failure)]


def test_same_rows_in_the_same_order_as_one_process(tmp_path: Path, client, single, model) -> None:
    out = tmp_path / "out.jsonl"
    summary = label_with_dask([SEEDS], client, out=out, partition_docs=2)
    assert out.read_text(encoding="utf-8") == "".join(format_claim(c, "jsonl") for _, cs in single for c in cs)
    parts = sorted(p.name for p in (tmp_path / "out.jsonl.parts").iterdir())
    assert parts == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]  # 5 seeds, 2 per partition
    local = label_to_output([SEEDS], lambda d, cs: None, model=model)
    assert (summary.documents, summary.claims, summary.bytes) == (local.documents, local.claims, local.bytes)
    assert not summary.failures and not (tmp_path / "out.jsonl.part").exists()


def test_csv_and_min_score(tmp_path: Path, client, single) -> None:
    out = tmp_path / "out.csv"
    label_with_dask([SEEDS], client, out=out, fmt="csv", min_score=0.6, partition_docs=3)
    kept = [c for _, cs in single for c in cs if (c.score or 0.0) >= 0.6]
    assert out.read_text(encoding="utf-8") == csv_header() + "".join(format_claim(c, "csv") for c in kept)


def test_failures_come_back_in_order(tmp_path: Path, client) -> None:
    (tmp_path / "a.txt").write_text("« Nous avançons », a déclaré Marco Rubio.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    summary = label_with_dask([str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "nope.txt")],
                              client, out=tmp_path / "out.jsonl", partition_docs=1)
    assert summary.documents == 1 and sum(summary.claims.values()) == 1
    assert [Path(f.source).name for f in summary.failures] == ["b.txt", "nope.txt"]


def test_output_rules(tmp_path: Path, client) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    with pytest.raises(OutputError, match="exists"):
        label_with_dask([SEEDS], client, out=out)
    assert out.read_text() == "keep me\n"
    with pytest.raises(StanceError, match="--out"):
        label_with_dask([SEEDS], client, out=None)
    with pytest.raises(StanceError, match="jsonl or csv"):
        label_with_dask([SEEDS], client, out=tmp_path / "t.txt", fmt="table")
    label_with_dask([SEEDS], client, out=out, force=True)
    assert out.read_text().startswith("{")


def test_label_bag_on_a_small_bag(client, single) -> None:
    import dask.bag as db

    first, claims = single[0]
    text = "« Aucun progrès », a regretté Dmitri Peskov."
    items = [first, ("peskov", text), str(ROOT / "seeds" / f"{single[1][0].doc}.txt")]
    result = label_bag(db.from_sequence(items, npartitions=2)).compute()
    assert result[0] == [claim_row(c) for c in claims]
    assert [(r["doc"], r["speaker"], r["label"]) for r in result[1]] == [("peskov", "peskov", "obstacle")]
    assert result[2] == [claim_row(c) for c in single[1][1]]
    assert isinstance(first, Document)


def test_cli_dask_local(tmp_path: Path, single) -> None:
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(app, ["label", SEEDS, "--dask", "local", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "".join(format_claim(c, "jsonl") for _, cs in single for c in cs)
