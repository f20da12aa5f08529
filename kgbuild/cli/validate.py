"""``kgbuild validate``."""
from __future__ import annotations

import click

from ..errors import ValidationError
from ..validate import ENGINES
from .options import apply_config, store_option

__all__ = ["command"]


@click.command("validate")
@store_option
@click.option("--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="compiled: kgbuild's single-pass validator; pyshacl: the reference; auto: compiled "
                   "unless the shapes use SHACL it does not implement.")
@click.pass_context
def command(ctx: click.Context, store: str | None, engine: str) -> None:
    """Check every article's graphs against the SHACL shapes."""
    from ..store import GraphStore
    from ..validate import validate_quads

    config = apply_config(ctx, store=store)
    problems = 0
    with GraphStore.open_read_only(config.store, base=config.base) as graph_store:
        ids = graph_store.article_ids()
        for start in range(0, len(ids), 50):
            quads = []
            for article_id in ids[start:start + 50]:
                for kind in ("doc", "claims"):
                    quads.extend(graph_store.quads(graph_store.layout.graph(kind, article_id)))
            report = validate_quads(quads, engine=engine)
            for violation in report.violations:
                problems += 1
                click.echo(f"{violation[0]} {violation[1] or ''}: {violation[2]}", err=True)
    click.echo(f"{len(ids)} articles checked, {problems} violations")
    if problems:
        raise ValidationError(f"{problems} SHACL violations")
