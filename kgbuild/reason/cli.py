"""``kgbuild reason``: a thin click wrapper over :func:`kgbuild.reason.reason`."""
from __future__ import annotations

import click

from ..cli.options import apply_config, store_option
from .api import ENGINES, reason

__all__ = ["command"]


@click.command("reason")
@store_option
@click.option("--reasoner", "engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="hermit or pellet (OWL 2 DL reasoners shipped with owlready2, need Java), "
                   "rules (pure Python) or auto.")
@click.option("--base", default=None, help="The build base IRI (default from config).")
@click.pass_context
def command(ctx: click.Context, store: str | None, engine: str, base: str | None) -> None:
    """Rewrite the store's inferred graph (HermiT, Pellet or the rule engine)."""
    from ..errors import StoreError
    from ..store import GraphStore

    config = apply_config(ctx, store=store, base=base)
    if not config.store.is_dir():
        raise StoreError(f"{config.store}: no kgbuild store here (run `kgbuild build` first)")
    with GraphStore.open(config.store, base=config.base) as graph_store:
        try:
            report = reason(graph_store, engine=engine)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM/SIGHUP while a JVM reasoner runs
            why = f" ({stop})" if str(stop) else ""
            # the graph is rewritten in several transactions, its 'current' marker dropped first
            state = ("the inferred graph is unchanged" if graph_store.inferred_is_current() else
                     "the inferred graph is not current: run `kgbuild reason` again")
            click.echo(f"interrupted{why}: {config.store}: {state}", err=True)
            ctx.exit(130)
    click.echo(report.summary())
