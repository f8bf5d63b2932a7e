"""The command line, through typer's CliRunner: exit codes, stdout, atomic output, inputs."""
import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from stance import __version__
from stance.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
ONE = str(ROOT / "seeds" / "004_84685906dd2093b4.txt")
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_version_and_help_on_every_command() -> None:
    assert run("--version").stdout.strip() == f"stance {__version__}"
    for command in ("label", "segment", "attribute", "train", "evaluate", "rules", "annotations"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


def test_label_seeds_jsonl_offsets_hold() -> None:
    result = run("label", SEEDS, "--quiet")
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    assert len({r["doc"] for r in rows}) == 5
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for row in rows:
        assert texts[row["doc"]][row["start"]:row["end"]] == row["text"]
        assert row["label"] in ("progress", "obstacle", "position")
        assert set(row) >= {"doc", "date", "start", "end", "text", "speaker", "speakers", "speaker_mention",
                            "label", "score", "probabilities", "source", "rule", "cue"}
    assert rows[0]["date"] == "2025-12-06"


def test_label_html_pages_keeps_offsets_into_the_file(tmp_path: Path) -> None:
    page = ("<html><head><title>Moscou rejette le plan</title><script>var a = '<p>';</script></head><body>"
            "<nav><a href='/'>Accueil</a> &gt; Monde</nav><article><p>Le porte-parole du Kremlin, Dmitri Peskov, "
            "a jugé &laquo;&nbsp;inacceptable&nbsp;&raquo; le plan européen.</p></article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    result = run("label", str(tmp_path), "--glob", "*.html", "--quiet")
    rows = jsonl(result.stdout)
    assert result.exit_code == 0 and [r["speaker"] for r in rows] == ["peskov"]
    assert page[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"] and rows[0]["text"].endswith("européen.")


def test_label_csv_and_table_formats() -> None:
    result = run("label", ONE, "--format", "csv", "--quiet")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split(",")
    assert header[:5] == ["doc", "date", "start", "end", "text"]
    table = run("label", ONE, "--format", "table", "--quiet")
    assert table.exit_code == 0 and "speaker" in table.stdout


def test_label_stdin() -> None:
    result = run("label", "-", "--quiet", input="« Aucun progrès », a regretté Dmitri Peskov.")
    rows = jsonl(result.stdout)
    assert result.exit_code == 0 and [(r["doc"], r["speaker"], r["label"]) for r in rows] == \
        [("stdin", "peskov", "obstacle")]


def test_label_out_is_atomic_and_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("label", ONE, "-o", str(out), "--quiet").exit_code == 0
    first = out.read_text(encoding="utf-8")
    assert jsonl(first) and not list(tmp_path.glob("*.part*"))
    again = run("label", SEEDS, "-o", str(out), "--quiet")
    assert again.exit_code == 1 and "exists" in again.stderr and out.read_text(encoding="utf-8") == first
    assert run("label", SEEDS, "-o", str(out), "--force", "--quiet").exit_code == 0
    assert len({r["doc"] for r in jsonl(out.read_text(encoding="utf-8"))}) == 5


def test_label_resume_finishes_an_interrupted_run(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    full = tmp_path / "full.jsonl"
    assert run("label", SEEDS, "-o", str(full), "--quiet").exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    first_doc = json.loads(lines[0])["doc"]
    done = "".join(line for line in lines if json.loads(line)["doc"] == first_doc)
    (tmp_path / "out.jsonl.part").write_text(done + '{"doc": "trunc', encoding="utf-8")
    (tmp_path / "out.jsonl.part.done").write_text(f"{first_doc}\t{len(done.encode())}\n", encoding="utf-8")
    result = run("label", SEEDS, "-o", str(out), "--resume", "--quiet")
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_label_corpus_files_with_dates_and_meta(tmp_path: Path) -> None:
    text = (ROOT / "seeds" / "003_772bbe1f3ecc83be.txt").read_text(encoding="utf-8")
    rows = [{"id": "a", "text": text, "date": "2026-01-05", "outlet": "X"}, {"id": "b", "text": ""}]
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    result = run("label", str(tmp_path / "corpus.jsonl.gz"), "--quiet")
    assert result.exit_code == 1  # row b is empty: reported, and the batch fails at the end
    out = jsonl(result.stdout)
    assert out and all(r["doc"] == "a" and r["date"] == "2026-01-05" and r["meta"] == {"outlet": "X"} for r in out)
    csv_file = tmp_path / "c.csv"
    csv_file.write_text('uid,body\nz1,"« Nous avançons », a déclaré Marco Rubio."\n', encoding="utf-8")
    result = run("label", str(csv_file), "--text-field", "body", "--id-field", "uid", "--quiet")
    assert result.exit_code == 0 and [r["doc"] for r in jsonl(result.stdout)] == ["z1"]


def test_missing_file_fails_but_good_files_are_labelled(tmp_path: Path) -> None:
    result = run("label", ONE, str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert jsonl(result.stdout) and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_from_list_and_glob(tmp_path: Path) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"# seeds\n{ONE}\n", encoding="utf-8")
    result = run("label", "--from-list", str(listing), "--quiet")
    assert result.exit_code == 0 and {r["doc"] for r in jsonl(result.stdout)} == {Path(ONE).stem}
    result = run("label", SEEDS, "--glob", "000_*.txt", "--quiet")
    assert {r["doc"] for r in jsonl(result.stdout)} == {"000_3e0fb7d3d5b6e01b"}


def test_corrupt_model_is_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.joblib"
    bad.write_bytes(b"junk")
    result = run("label", ONE, "--model", str(bad))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "card" in result.stderr


def test_segment_and_attribute_commands() -> None:
    result = run("segment", ONE)
    units = jsonl(result.stdout)
    assert result.exit_code == 0 and {"doc", "index", "start", "end", "kind", "text"} <= set(units[0])
    result = run("attribute", ONE)
    claims = jsonl(result.stdout)
    assert result.exit_code == 0 and claims and all("method" in c and "label" not in c for c in claims)


def test_annotations_check_and_stats(tmp_path: Path) -> None:
    good = run("annotations", "check", str(ROOT / "annotations" / "seeds.gold.jsonl"), "--articles", SEEDS)
    assert good.exit_code == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "speakers": ["rubio"], "label": "maybe"}\n', encoding="utf-8")
    result = run("annotations", "check", str(bad))
    assert result.exit_code == 1 and f"{bad}:1:" in result.stdout
    stats = run("annotations", "stats", str(ROOT / "annotations" / "seeds.gold.jsonl"), "--by", "speaker",
                "--format", "csv")
    assert stats.exit_code == 0 and stats.stdout.startswith("speaker,progress,obstacle,position")


def test_train_and_evaluate_end_to_end(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    rows = [("Des progrès ont été faits, a dit Rubio.", "progress"), ("Le Kremlin salue un dialogue utile.", "progress"),
            ("Moscou exige le retrait.", "position"), ("Kiev se rendra à Genève.", "position"),
            ("Le plan est inacceptable, dit Kiev.", "obstacle"), ("Aucun compromis en vue, selon Moscou.", "obstacle")]
    data.write_text("".join(json.dumps({"text": t, "speakers": ["x"], "label": lab}, ensure_ascii=False) + "\n"
                            for t, lab in rows * 2), encoding="utf-8")
    model = tmp_path / "m.joblib"
    result = run("train", str(data), "-o", str(model), "--cv", "kfold", "--folds", "2")
    assert result.exit_code == 0 and model.exists() and (tmp_path / "m.card.json").exists()
    result = run("evaluate", "--scheme", "none", "--articles", SEEDS, "--gold",
                 str(ROOT / "annotations" / "seeds.gold.jsonl"), "--model", str(model), "--format", "json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)["end_to_end"]
    assert scores["gold_claims"] == 48 and scores["detection_f1"] >= 0.95


def test_rules_command_json() -> None:
    result = run("rules", str(ROOT / "annotations" / "seeds.gold.jsonl"), "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["claims"] > 0
    assert all({"coverage", "accuracy", "overlaps", "conflicts", "errors"} <= set(r) for r in data["rules"].values())


def test_summary_and_report_commands(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("label", SEEDS, "-o", str(out), "--quiet").exit_code == 0
    result = run("summary", str(out), "--format", "csv")
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.startswith("speaker,claims,progress,obstacle,position") and rows
    by_date = run("summary", str(out), "--by", "speaker,date", "--freq", "day", "--format", "json")
    assert by_date.exit_code == 0 and all("period" in json.loads(line) for line in by_date.stdout.splitlines())
    html = tmp_path / "report.html"
    result = run("report", str(out), "--html", str(html), "--articles", SEEDS)
    assert result.exit_code == 0 and "<svg" in html.read_text(encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = run("summary", str(bad))
    assert result.exit_code == 1 and f"{bad}:1" in result.stderr


def test_export_and_import_commands(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("label", ONE, "-o", str(out), "--quiet").exit_code == 0
    tasks = tmp_path / "tasks.json"
    result = run("export", str(out), "--to", "labelstudio", "-o", str(tasks), "--articles", SEEDS)
    assert result.exit_code == 0 and json.loads(tasks.read_text(encoding="utf-8"))[0]["predictions"]
    again = run("export", str(out), "--to", "labelstudio", "-o", str(tasks), "--articles", SEEDS)
    assert again.exit_code == 1 and "exists" in again.stderr
    fixture = ROOT / "tests" / "fixtures" / "exchange" / "labelstudio_export.json"
    rows_file = tmp_path / "new.jsonl"
    result = run("import", str(fixture), "--from", "labelstudio", "-o", str(rows_file))
    assert result.exit_code == 0
    rows = jsonl(rows_file.read_text(encoding="utf-8"))
    assert rows and all(r["text"] and ("label" in r or r.get("ignore")) for r in rows)
    doccano = tmp_path / "tasks.jsonl"
    assert run("export", str(out), "--to", "doccano", "-o", str(doccano), "--articles", SEEDS).exit_code == 0
    assert all("label" in json.loads(line) for line in doccano.read_text(encoding="utf-8").splitlines())


LEAN_SCRIPT = """
import sys
from stance.cli import main
code = main(["label", sys.argv[1], "--quiet"])
print("scipy" in sys.modules, "sklearn" in sys.modules, code)
import sklearn.base, scipy.stats  # still importable for stance itself (training, rebuilding)
print("sklearn" in sys.modules)
"""


def test_console_labels_without_importing_scipy_or_scikit_learn(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", LEAN_SCRIPT, ONE], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert lines[-2:] == ["False False 0", "True"], done.stderr
    assert any(line.startswith("{") for line in lines)
