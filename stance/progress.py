"""A rich progress bar on stderr for batch runs (documents, claims, MB/s, ETA when known)."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class RichProgress:
    """Callable passed as ``on_progress`` to `stance.batch.label_to_output`."""

    def __init__(self) -> None:
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[info]}"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("labelling", total=None, info="")
        self.progress.start()

    def __call__(self, item: Any, summary: Any) -> None:
        from .documents import Failure

        if isinstance(item, Failure):
            self.progress.console.print(f"[red]skipped[/red] {item.source}: {item.reason}")
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = summary.bytes / 1e6 / elapsed if elapsed else 0.0
        self.progress.update(self.task, advance=1, info=f"{summary.documents} docs · "
                             f"{sum(summary.claims.values())} claims · {rate:.2f} MB/s · {len(summary.failures)} failed")

    def close(self) -> None:
        """Stop the live display."""
        self.progress.stop()
