"""Options and parameter types shared by several commands."""
from __future__ import annotations

from datetime import date
from typing import Any

import click

__all__ = ["DateType", "store_option", "apply_config"]


class DateType(click.ParamType):
    """An ISO date (YYYY-MM-DD)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)


store_option = click.option("--store", "store", type=click.Path(file_okay=False),
                            help="Store folder (default from config: ./kg).")


def apply_config(ctx: click.Context, **options: Any) -> Any:
    """The context's Config with command-line options applied."""
    from ..config import Config, load_config

    config: Config = ctx.obj if ctx.obj is not None else load_config()
    return config.with_options(**options)
