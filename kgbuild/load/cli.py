"""``kgbuild load``: a thin click command over :func:`kgbuild.load.load_store`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli.options import ServerOptions, server_options
from ..errors import LoadError
from ..http import redact
from . import DEFAULT_CHUNK_SIZE, load_store

__all__ = ["command"]


@click.command("load")
@server_options
@click.option("--update-endpoint", help="Generic endpoints only: the SPARQL Update URL, if not --endpoint.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), help="Store folder.")
@click.option("--graphs", "graphs", multiple=True, metavar="SEL",
              help="all | ontology | kb | docs | actors | inferred | ARTICLE_ID (repeat; default all).")
@click.option("--replace", is_flag=True,
              help="Also drop server graphs under our base that the local store does not have.")
@click.option("--chunk-size", type=click.IntRange(1), default=DEFAULT_CHUNK_SIZE, show_default=True,
              help="Graphs other than articles' with more triples than this are streamed in chunks "
              "of this many (and it is the triples per INSERT DATA request on generic endpoints).")
@click.pass_obj
def command(config: object, server: ServerOptions, update_endpoint: str | None, store: Path | None,
            graphs: tuple[str, ...], replace: bool, chunk_size: int) -> None:
    """Push the store's named graphs into Fuseki, Oxigraph, GraphDB, Virtuoso or any SPARQL endpoint."""
    from ..store import GraphStore
    from .report import print_report

    endpoint = server.endpoint or getattr(config, "endpoint", None)
    if not endpoint:
        raise click.UsageError("no endpoint: give --endpoint URL (or set endpoint in the config)")
    store_path = store or getattr(config, "store", Path("kg"))
    base = getattr(config, "base", None)
    auth = server.auth(endpoint)
    endpoint = redact(endpoint)
    opened = GraphStore.open_read_only(store_path, **({"base": base} if base else {}))
    with opened as graph_store:
        try:
            report = load_store(graph_store, endpoint=endpoint, kind=server.kind, graphs=graphs or ("all",),
                                replace=replace, auth=auth, chunk_size=chunk_size,
                                update_endpoint=update_endpoint)
        except LoadError as exc:
            partial = getattr(exc, "report", None)
            if partial is not None:
                print_report(partial, file=sys.stdout)
            raise
    print_report(report, file=sys.stdout)
