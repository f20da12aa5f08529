"""Progress bar and summary table for ``kgbuild build`` (rich)."""
from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

__all__ = ["BuildProgress", "print_build_report"]


class BuildProgress:
    """A live counter of built/skipped/failed articles on stderr."""

    def __init__(self, *, enabled: bool = True, lines: bool = False) -> None:
        self.console = Console(stderr=True)
        self.lines = lines
        self.enabled = enabled and self.console.is_terminal
        self.counts = {"built": 0, "skipped": 0, "failed": 0}
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                                 console=self.console, transient=True)
        self.task: Any = None

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            self.progress.start()
            self.task = self.progress.add_task("building", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.progress.stop()

    def update(self, name: str, state: str) -> None:
        self.counts[state] = self.counts.get(state, 0) + 1
        if self.lines:  # "built" is reported only after the article's transaction committed
            click.echo(f"{state}: {name}", err=True)
        if self.enabled:
            description = ", ".join(f"{k} {v}" for k, v in self.counts.items())
            self.progress.update(self.task, advance=1, description=description)


def print_build_report(report: Any, *, store: str) -> None:
    """Failures one line each on stderr, then the summary table on stdout (and, after Ctrl-C,
    what was kept)."""
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for violation in report.violations:
        click.echo(f"shacl: {violation}", err=True)
    if not report.store_opened:
        click.echo(f"nothing built: no input could be read; the store {store} was not touched", err=True)
        return
    table = Table(title=f"kgbuild build -> {store}", show_header=True)
    table.add_column("articles built", justify="right")
    table.add_column("skipped", justify="right")
    table.add_column("failed", justify="right")
    table.add_column("actors linked/new", justify="right")
    table.add_column("events", justify="right")
    table.add_column("relations", justify="right")
    table.add_column("claims", justify="right")
    table.add_column("triples", justify="right")
    table.add_column("seconds", justify="right")
    table.add_row(str(len(report.built)), str(len(report.skipped)), str(len(report.failures)),
                  f"{report.actors_linked}/{report.actors_new}", str(report.events), str(report.relations),
                  str(report.claims), str(report.triples), f"{report.seconds:.1f}")
    Console(width=120).print(table)
    if report.reasoning:
        click.echo(f"reasoning: {report.reasoning}")
    if report.interrupted:
        kept = len(report.built)
        click.echo(f"interrupted: kept the {kept} article(s) committed before Ctrl-C"
                   + ("; graph/inferred is stale (run `kgbuild reason`, or build again)" if kept else "")
                   + "; build again to continue (unchanged articles are skipped)", err=True)
