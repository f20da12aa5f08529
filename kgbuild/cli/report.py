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


def print_build_report(report: Any, *, store: str, width: int | None = None) -> None:
    """Failures one line each on stderr, then the summary table on stdout (and, after Ctrl-C,
    what was kept).

    The table is one row wide (107 characters); on a terminal narrower than that (``width``,
    default the terminal's; 120 when stdout is no terminal) it is printed as one row per figure.
    """
    for failure in report.failures:
        click.echo(f"error: {failure}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for violation in report.violations:
        click.echo(f"shacl: {violation}", err=True)
    if not report.store_opened:
        click.echo(f"nothing built: no input could be read; the store {store} was not touched", err=True)
        return
    figures = [("articles built", str(len(report.built))), ("skipped", str(len(report.skipped))),
               ("failed", str(len(report.failures))),
               ("actors linked/new", f"{report.actors_linked}/{report.actors_new}"),
               ("events", str(report.events)), ("relations", str(report.relations)), ("claims", str(report.claims)),
               ("triples", str(report.triples)), ("seconds", f"{report.seconds:.1f}")]
    if width is None:
        import shutil
        import sys

        width = shutil.get_terminal_size((120, 24)).columns if sys.stdout.isatty() else 120
    title = f"kgbuild build -> {store}"
    table = Table(title=title, show_header=True)
    for name, _ in figures:
        table.add_column(name, justify="right")
    table.add_row(*(value for _, value in figures))
    console = Console(width=width)
    if Console(width=1000).measure(table).maximum > width:  # a narrow terminal: one line per figure
        table = Table(title=title, show_header=False)
        table.add_column("figure")
        table.add_column("value", justify="right")
        for name, value in figures:
            table.add_row(name, value)
    console.print(table)
    if report.reasoning:
        click.echo(f"reasoning: {report.reasoning}")
    if report.interrupted:
        kept = len(report.built)
        click.echo(f"interrupted: kept the {kept} article(s) committed before Ctrl-C"
                   + ("; graph/inferred is stale (run `kgbuild reason`, or build again)" if kept else "")
                   + "; build again to continue (unchanged articles are skipped)", err=True)
