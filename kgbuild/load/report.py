"""The summary of a load: one line per graph (local and server triple counts, status), then
totals. Plain aligned text: thousands of graphs print in milliseconds."""
from __future__ import annotations

from typing import TextIO

from . import LoadReport

__all__ = ["print_report", "format_report"]


def format_report(report: LoadReport) -> str:
    """The summary table as text.

    >>> from kgbuild.load import GraphResult
    >>> r = LoadReport(endpoint="http://h/ds", kind="fuseki", method="one N-Quads upload", seconds=2.0,
    ...                graphs=[GraphResult("https://x/graph/kb", 10, 10, "loaded")])
    >>> print(format_report(r))
    load into fuseki (one N-Quads upload)
    graph               local  server  status
    https://x/graph/kb     10      10  loaded
    1/1 graphs, 10 triples in 2.00 s (5 triples/s)
    """
    rows = [(g.graph, "" if g.local is None else str(g.local), "" if g.remote is None else str(g.remote),
             g.status)
            for g in report.graphs]
    header = ("graph", "local", "server", "status")
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(3)]
    lines = [f"load into {report.kind} ({report.method or 'nothing sent'})"]
    for graph, local, remote, status in [header, *rows]:
        lines.append(f"{graph:<{widths[0]}}  {local:>{widths[1]}}  {remote:>{widths[2]}}  {status}")
    loaded = sum(1 for g in report.graphs if g.status == "loaded")
    lines.append(f"{loaded}/{len(report.graphs)} graphs, {report.triples} triples in "
                 f"{report.seconds:.2f} s ({report.triples_per_second:,.0f} triples/s)")
    return "\n".join(lines)


def print_report(report: LoadReport, *, file: TextIO) -> None:
    file.write(format_report(report) + "\n")
    file.flush()
