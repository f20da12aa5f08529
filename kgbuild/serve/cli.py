"""``kgbuild serve``: a thin click command over :func:`kgbuild.serve.start_server`.

Ctrl-C, SIGTERM and SIGHUP stop it alike: the front closes its port, the Oxigraph child is
stopped and the snapshot folder removed before the command exits (code 0). A second signal
while stopping is ignored, so the clean-up is not cut short.
"""
from __future__ import annotations

from pathlib import Path

import click

from ..namespace import DEFAULT_BASE
from ..signals import Stopped, stop_signals
from . import LOCAL_HOSTS, start_server

__all__ = ["command"]


@click.command("serve")
@click.option("--store", "store", type=click.Path(file_okay=False, path_type=Path),
              help="Store folder (default: from the config, `kg`).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--writable", is_flag=True,
              help="Serve the store itself read-write (holds the writer lock) instead of a read-only snapshot.")
@click.pass_obj
def command(config: object, store: Path | None, host: str, port: int, writable: bool) -> None:
    """Serve the store: a query page that knows kgbuild at /, a SPARQL 1.1 endpoint at
    /query, until Ctrl-C (or SIGTERM)."""
    store_path = store or getattr(config, "store", Path("kg"))
    base = getattr(config, "base", DEFAULT_BASE)
    if writable:
        click.echo("warning: --writable: anyone who can reach the server can change or delete "
                   "the store's data", err=True)
    if host not in LOCAL_HOSTS:
        click.echo(f"warning: binding to {host}: the endpoint is reachable from other machines, "
                   "without authentication", err=True)
    with stop_signals():
        try:
            with start_server(store_path, host=host, port=port, writable=writable, base=base) as server:
                mode = "read-write" if writable else "read-only snapshot"
                click.echo(f"Serving {store_path} ({mode}, default graph = union of all graphs)")
                click.echo(f"  query page:    {server.url}")
                click.echo(f"  SPARQL query:  {server.query_url}")
                if writable:
                    click.echo(f"  SPARQL update: {server.update_url}")
                click.echo(f"  Graph Store:   {server.store_url}")
                click.echo(f"  YASGUI:        {server.yasgui_url}")
                click.echo("Press Ctrl-C to stop.")
                code = server.wait()
        except KeyboardInterrupt as exc:
            why = f" ({exc.name})" if isinstance(exc, Stopped) else ""
            click.echo(f"\nStopped{why}.", err=True)
            return
    if code != 0:
        from ..errors import ServeError

        raise ServeError(f"oxigraph server exited with code {code}")
