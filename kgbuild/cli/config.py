"""``kgbuild config``."""
from __future__ import annotations

import click

from ..config import Config

__all__ = ["command"]


@click.command("config")
@click.pass_obj
def command(config: Config) -> None:
    """Print the effective configuration and where each value came from."""
    width = max(len(name) for name, _, _ in config.describe())
    for name, value, source in config.describe():
        click.echo(f"{name:<{width}}  {value}  ({source})")
