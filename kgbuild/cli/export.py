"""``kgbuild export``: a thin wrapper over :mod:`kgbuild.export`."""
from __future__ import annotations

import sys

import click

from ..export import FORMATS
from .options import apply_config, store_option

__all__ = ["command"]


@click.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--graph", "graph_kind", help="Only one graph: ontology, kb, inferred, doc:ID or claims:ID.")
@click.pass_context
def command(ctx: click.Context, store: str | None, fmt: str, output: str | None, graph_kind: str | None) -> None:
    """Stream the store out (TriG and N-Quads keep graph names; Turtle and N-Triples merge the
    graphs, each triple once; Turtle, TriG and JSON-LD use the project's prefixes)."""
    from ..export import export, export_file, resolve_graph
    from ..store import GraphStore

    config = apply_config(ctx, store=store)
    with GraphStore.open_read_only(config.store, base=config.base) as graph_store:
        graph = resolve_graph(graph_store, graph_kind) if graph_kind else None
        if output is None:
            export(graph_store, sys.stdout.buffer, fmt=fmt, graph=graph)
            sys.stdout.buffer.flush()
            return
        target = export_file(graph_store, output, fmt=fmt, graph=graph)
    click.echo(f"wrote {target}", err=True)
