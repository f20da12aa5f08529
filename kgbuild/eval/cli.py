"""``kgbuild eval``: a thin command over :func:`kgbuild.eval.evaluate`."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import Config

__all__ = ["command"]


@click.command("eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--store", "store_path", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder (default: the configured store).")
@click.option("--json", "as_json", is_flag=True, help="Print the micro-averaged scores as JSON.")
@click.option("--details", is_flag=True, help="List every missed and wrong item per file.")
@click.pass_obj
def command(config: Config, gold: tuple[Path, ...], store_path: Path | None, as_json: bool,
            details: bool) -> None:
    """Score the built graph against gold annotations (files or folders of *.json)."""
    from rich.console import Console

    from ..store import GraphStore
    from . import evaluate
    from .report import render

    config = config.with_options(store=store_path)
    with GraphStore.open_read_only(config.store, base=config.base) as store:
        report = evaluate(list(gold), store)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
        if details:
            render(report, Console(stderr=True), details=True)
        return
    render(report, Console(), details=details)
