"""Progress of a cluster build on the client: articles built, skipped and failed, the rate,
the share of the inputs done and the time left (rich, on stderr), and the dashboard link.

>>> p = ClusterProgress(enabled=False)
>>> p.update("a1", "built"); p.update("a2", "failed"); p.counts
{'built': 1, 'skipped': 0, 'failed': 1}
"""
from __future__ import annotations

import time
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

__all__ = ["ClusterProgress"]


class ClusterProgress:
    """A :class:`~kgbuild.cluster.build.Watcher` for the CLI. The bar measures input bytes
    read by the workers (known up front when workers read their partitions), which is what the
    time left is estimated from; the article rate is articles done per second."""

    def __init__(self, *, enabled: bool = True, lines: bool = False) -> None:
        self.console = Console(stderr=True)
        self.lines = lines
        self.enabled = enabled and self.console.is_terminal
        self.counts = {"built": 0, "skipped": 0, "failed": 0}
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("elapsed,"),
                                 TimeRemainingColumn(), TextColumn("left"), console=self.console, transient=True)
        self.task: Any = None
        self.began = time.monotonic()

    def __enter__(self) -> ClusterProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.task is not None:
            self.progress.stop()

    def started(self, *, dashboard: str | None, workers: int, threads: int, total: int | None) -> None:
        """Say where the cluster is watched (printed whatever the progress settings: it is how
        a user finds the workers), then start the bar."""
        where = f"; dashboard: {dashboard}" if dashboard else ""
        click.echo(f"cluster: {workers} worker(s), {threads} thread(s){where}", err=True)
        self.began = time.monotonic()
        if self.enabled:
            self.progress.start()
            self.task = self.progress.add_task("building", total=total or None, rate="")

    def update(self, name: str, state: str) -> None:
        self.counts[state] = self.counts.get(state, 0) + 1
        if self.lines:  # "built" is reported only after the article's commit
            click.echo(f"{state}: {name}", err=True)
        if self.task is not None:
            done = self.counts["built"] + self.counts["skipped"]
            rate = done / max(time.monotonic() - self.began, 1e-9)
            self.progress.update(self.task, description=", ".join(f"{k} {v}" for k, v in self.counts.items()),
                                 rate=f"{rate:.1f} articles/s")

    def advance(self, weight: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, advance=weight)
