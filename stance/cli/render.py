"""Rendering for the command line: rich tables and the progress bar (stderr/stdout).

Library modules return data; only the CLI prints it.
"""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..records import LABELS


def print_evaluation(result: dict[str, Any]) -> None:
    """Render the evaluation as rich tables on stdout."""
    console = Console()
    claim = result.get("claim_level")
    if claim:
        table = Table("mode", "macro-F1", "accuracy", *[f"{lab} P/R/F1" for lab in LABELS],
                      title=f"claim level, {claim['scheme']} CV, {claim['n']} claims")
        for mode, rep in claim["modes"].items():
            cells = [f"{rep['per_class'][lab]['precision']:.2f}/{rep['per_class'][lab]['recall']:.2f}/"
                     f"{rep['per_class'][lab]['f1']:.3f}" for lab in LABELS]
            table.add_row(mode, f"{rep['macro_f1']:.3f}", f"{rep['accuracy']:.3f}", *cells)
        console.print(table)
        confusion = Table("gold \\ predicted", *LABELS, title="hybrid confusion matrix")
        for lab, row in zip(LABELS, claim["modes"]["hybrid"]["confusion"]):
            confusion.add_row(lab, *[str(v) for v in row])
        console.print(confusion)
    e2e = result.get("end_to_end")
    if e2e:
        table = Table("measure", "value", title="end to end")
        for key in ("gold_claims", "predicted_matched", "false_positives", "detection_p", "detection_r",
                    "detection_f1", "speaker_acc", "label_acc", "label_macro_f1", "strict_recall"):
            table.add_row(key, str(e2e[key]))
        console.print(table)


def print_rule_analysis(result: dict[str, Any]) -> None:
    """Rich table of the analysis, then the error examples."""
    console = Console()
    table = Table("rule", "label", "final", "coverage", "accuracy", "overlaps", "conflicts",
                  title=f"{result['claims']} claims, {result['covered']:.0%} covered by at least one rule")
    for rule_id, entry in result["rules"].items():
        accuracy = "-" if entry["accuracy"] is None else f"{entry['accuracy']:.2f}"
        table.add_row(rule_id, entry["label"], "yes" if entry["final"] else "", f"{entry['coverage']:.1%}",
                      accuracy, str(entry["overlaps"]), str(entry["conflicts"]))
    console.print(table)
    for rule_id, entry in result["rules"].items():
        for err in entry["errors"]:
            console.print(f"[bold]{rule_id}[/bold] voted {err['voted']} on a {err['gold']} claim "
                          f"(cue « {err['cue']} »): {err['text']}", highlight=False)


class RichProgress:
    """Callable passed as ``on_progress`` to `stance.batch.label_to_output`."""

    def __init__(self) -> None:
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[info]}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("labelling", total=None, info="")
        self.progress.start()

    def __call__(self, item: Any, summary: Any) -> None:
        from ..documents import Failure

        if isinstance(item, Failure):
            self.progress.console.print(f"[red]skipped[/red] {item.source}: {item.reason}")
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = summary.bytes / 1e6 / elapsed if elapsed else 0.0
        self.progress.update(self.task, advance=1, info=f"{summary.documents} docs · "
                             f"{sum(summary.claims.values())} claims · {rate:.2f} MB/s · {len(summary.failures)} failed")

    def close(self) -> None:
        """Stop the live display."""
        self.progress.stop()
