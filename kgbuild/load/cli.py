"""``kgbuild load``: a thin click command over :func:`kgbuild.load.load_store`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import LoadError
from ..http import auth_from, redact
from . import DEFAULT_CHUNK_SIZE, KINDS, load_store

__all__ = ["command"]


@click.command("load")
@click.option("--endpoint", help="Server URL (Fuseki: .../ds; Oxigraph: http://host:7878; "
              "GraphDB: .../repositories/ID; Virtuoso: .../sparql). Default: from the config.")
@click.option("--update-endpoint", help="Generic endpoints only: the SPARQL Update URL, if not --endpoint.")
@click.option("--kind", type=click.Choice(KINDS), default="generic", show_default=True)
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), help="Store folder.")
@click.option("--graphs", "graphs", multiple=True, metavar="SEL",
              help="all | ontology | kb | docs | inferred | ARTICLE_ID (repeat; default all).")
@click.option("--replace", is_flag=True,
              help="Also drop server graphs under our base that the local store does not have.")
@click.option("--user", help="User name (or env KGBUILD_USER).")
@click.option("--password", help="Password (or env KGBUILD_PASSWORD; prefer the env or --netrc).")
@click.option("--netrc", "netrc_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="netrc-style credentials file (default ~/.netrc when present).")
@click.option("--chunk-size", type=click.IntRange(1), default=DEFAULT_CHUNK_SIZE, show_default=True,
              help="Graphs other than articles' with more triples than this are streamed in chunks "
              "of this many (and it is the triples per INSERT DATA request on generic endpoints).")
@click.pass_obj
def command(config: object, endpoint: str | None, update_endpoint: str | None, kind: str, store: Path | None, graphs: tuple[str, ...],
            replace: bool, user: str | None, password: str | None, netrc_file: Path | None,
            chunk_size: int) -> None:
    """Push the store's named graphs into Fuseki, Oxigraph, GraphDB, Virtuoso or any SPARQL endpoint."""
    from ..store import GraphStore
    from .report import print_report

    endpoint = endpoint or getattr(config, "endpoint", None)
    if not endpoint:
        raise click.UsageError("no endpoint: give --endpoint URL (or set endpoint in the config)")
    store_path = store or getattr(config, "store", Path("kg"))
    base = getattr(config, "base", None)
    auth = auth_from(url=endpoint, user=user, password=password, netrc_file=netrc_file)
    endpoint = redact(endpoint)
    opened = GraphStore.open_read_only(store_path, **({"base": base} if base else {}))
    with opened as graph_store:
        try:
            report = load_store(graph_store, endpoint=endpoint, kind=kind, graphs=graphs or ("all",),
                                replace=replace, auth=auth, chunk_size=chunk_size,
                                update_endpoint=update_endpoint)
        except LoadError as exc:
            partial = getattr(exc, "report", None)
            if partial is not None:
                print_report(partial, file=sys.stdout)
            raise
    print_report(report, file=sys.stdout)
