"""The summary table of a load (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from . import LoadReport

__all__ = ["print_report"]

_STYLE = {"loaded": "green", "failed": "red", "dropped": "yellow"}


def print_report(report: LoadReport, *, console: Console) -> None:
    table = Table(title=f"load into {report.kind} ({report.method or 'nothing sent'})", show_lines=False)
    table.add_column("graph", overflow="fold")
    table.add_column("local", justify="right")
    table.add_column("server", justify="right")
    table.add_column("status")
    for result in report.graphs:
        style = _STYLE.get(result.status, "")
        table.add_row(result.graph, str(result.local), "" if result.remote is None else str(result.remote),
                      f"[{style}]{result.status}[/]" if style else result.status)
    console.print(table)
    loaded = sum(1 for g in report.graphs if g.status == "loaded")
    console.print(f"{loaded}/{len(report.graphs)} graphs, {report.triples} triples in "
                  f"{report.seconds:.2f} s ({report.triples_per_second:,.0f} triples/s)")
