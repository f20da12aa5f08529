"""``kgbuild reason``: a thin click wrapper over :func:`kgbuild.reason.reason`."""
from __future__ import annotations

import click

from ..namespace import DEFAULT_BASE
from .api import ENGINES, reason

__all__ = ["command"]


@click.command("reason")
@click.option("--store", "store_dir", default="kg", show_default=True,
              type=click.Path(file_okay=False), help="The store folder.")
@click.option("--reasoner", "engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="hermit (owlready2 + HermiT, needs Java), rules (pure Python) or auto.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="The build base IRI.")
def command(store_dir: str, engine: str, base: str) -> None:
    """Rewrite the store's inferred graph (HermiT, or the rule engine)."""
    from pathlib import Path

    from ..errors import StoreError
    from ..store import GraphStore

    if not Path(store_dir).is_dir():
        raise StoreError(f"{store_dir}: no kgbuild store here (run `kgbuild build` first)")
    with GraphStore.open(store_dir, base=base) as graph_store:
        report = reason(graph_store.store, base=base, engine=engine)
    click.echo(report.summary())
