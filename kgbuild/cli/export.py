"""``kgbuild export``."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from ..errors import StoreError
from .options import apply_config, store_option

__all__ = ["command"]


@click.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(["trig", "nquads", "turtle", "ntriples", "jsonld"]),
              default="trig", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--graph", "graph_kind", help="Only one graph: ontology, kb, inferred, doc:ID or claims:ID.")
@click.pass_context
def command(ctx: click.Context, store: str | None, fmt: str, output: str | None, graph_kind: str | None) -> None:
    """Stream the store out (TriG and N-Quads keep graph names)."""
    from ..store import GraphStore

    config = apply_config(ctx, store=store)
    with GraphStore.open_read_only(config.store, base=config.base) as graph_store:
        graph = None
        if graph_kind:
            kind, _, article = graph_kind.partition(":")
            try:
                graph = graph_store.layout.graph(kind, article or None)
            except ValueError as exc:
                raise click.BadParameter(str(exc), param_hint="--graph") from exc
        if output is None:
            graph_store.export(sys.stdout.buffer, fmt=fmt, graph=graph)
            sys.stdout.buffer.flush()
            return
        target = Path(output)
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
        try:
            with os.fdopen(handle, "wb") as stream:
                graph_store.export(stream, fmt=fmt, graph=graph)
            os.replace(tmp, target)  # atomic: readers never see half a file
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StoreError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    click.echo(f"wrote {target}", err=True)
