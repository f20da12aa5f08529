"""``kgbuild query`` and ``kgbuild queries``: thin click commands over :mod:`kgbuild.query`."""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import click

from ..config import Config
from ..errors import ParameterError
from ..cli.options import ServerOptions, server_options
from .output import FORMATS

__all__ = ["command", "list_command", "terminal_width"]


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"--param needs NAME=VALUE, got {item[:60]!r}")
        if name.strip() in out:
            raise ParameterError(f"parameter {name.strip()} given twice")
        out[name.strip()] = value
    return out


@click.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Query parameter (repeatable); see `kgbuild queries`.")
@click.option("--store", type=click.Path(file_okay=False), help="Store folder (default from config).")
@server_options
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: table on a terminal, csv when piped). json: SPARQL 1.1 "
                   "Query Results JSON; json-rows: {columns, rows} of plain values.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Endpoint timeout in seconds.")
@click.option("--inferred/--no-inferred", "inferred", default=None,
              help="Force or forbid the materialised-inference variant (default: when current).")
@click.pass_obj
def command(config: Config, name: str, params: tuple[str, ...], store: str | None,
            server: ServerOptions, fmt: str | None, timeout: float, inferred: bool | None) -> None:
    """Run a saved query NAME (see `kgbuild queries`) or a FILE.rq, on the store or a server."""
    from .output import write_result
    from .saved import run_saved

    config = config if isinstance(config, Config) else Config()
    raw = _params(params)
    endpoint = server.endpoint or (None if store else config.endpoint)
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if endpoint:
        from .remote import Endpoint

        auth = server.auth(endpoint)
        target = Endpoint(endpoint, kind=server.kind, user=auth and auth.user, password=auth and auth.password,
                          timeout=timeout, base=config.base)
        result = run_saved(target, name, params=raw, use_inferred=inferred)
        if target.server_kind is None and not result.rows and result.form == "SELECT":
            click.echo(f"warning: no rows, and {target.describe()} is no server kind kgbuild recognises: "
                       "its default graph may not be the union of all graphs; give --kind", err=True)
    else:
        from ..store import GraphStore

        with GraphStore.open_read_only(Path(store) if store else config.store, base=config.base) as gs:
            result = run_saved(gs, name, params=raw, use_inferred=inferred)
    buffer = io.StringIO()
    console = None
    priority: tuple[str, ...] = ()
    if fmt == "table":
        from rich.console import Console

        from .saved import load_query

        console = Console(file=buffer, width=terminal_width(), force_terminal=sys.stdout.isatty())
        priority = load_query(name).table
    write_result(result, buffer, fmt=fmt, console=console, priority=priority)
    click.echo(buffer.getvalue(), nl=False)


def terminal_width() -> int:
    """The terminal's width (``COLUMNS`` when set; 80 when there is no terminal)."""
    return max(shutil.get_terminal_size((80, 24)).columns, 40)


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def list_command(fmt: str) -> None:
    """List the saved queries with their descriptions and parameters."""
    import json

    from .saved import list_saved

    saved = list_saved()
    if fmt == "json":
        click.echo(json.dumps([{
            "name": q.name, "title": q.title, "description": q.description,
            "params": [{"name": p.name, "type": p.type, "required": p.required,
                        "default": p.default, "description": p.description} for p in q.params],
            "examples": list(q.examples), "inferred_variant": q.inferred_text is not None,
        } for q in saved], indent=2))
        return
    import textwrap

    width = min(terminal_width(), 100)

    def para(text: str, indent: str, hanging: str | None = None) -> None:
        click.echo(textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=hanging or indent,
                                 break_long_words=False, break_on_hyphens=False))

    for q in saved:
        click.secho(q.name, bold=True, nl=False)
        click.echo(f"  {q.title}")
        para(q.description, "    ")
        for p in q.params:
            need = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            para(f"--param {p.name}=<{p.type}>  ({need}) {p.description}", "    ", "        ")
        for example in q.examples[:1]:
            para(f"e.g. {example}", "    ", "        ")
        click.echo()
