"""Options and parameter types shared by several commands.

:func:`server_options` is the one set of options naming a SPARQL server (``load`` and
``query`` both use it): ``--endpoint``, ``--kind`` (a registered server kind, default:
recognised from the server's answers), ``--user``/``--password`` (or ``KGBUILD_USER`` /
``KGBUILD_PASSWORD``, URL user info, a netrc file). ``--endpoint-kind`` and ``--digest`` are
hidden, deprecated spellings kept working.
"""
from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import click

__all__ = ["DateType", "store_option", "apply_config", "server_options", "ServerOptions"]


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


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """What :func:`server_options` collected: the server and how to log in."""

    endpoint: str | None
    kind: str | None
    user: str | None
    password: str | None
    netrc_file: Path | None

    def auth(self, endpoint: str) -> Any:
        """Credentials (:class:`kgbuild.http.Auth`) by precedence: options, environment, URL
        user info, netrc file; None when there are none."""
        from ..http import auth_from

        return auth_from(url=endpoint, user=self.user, password=self.password, netrc_file=self.netrc_file)


def _kinds() -> tuple[str, ...]:
    from ..servers import kinds

    return kinds()


def server_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the server options to a click command; it receives them as ``server=ServerOptions``."""
    names = ("endpoint", "kind", "endpoint_kind", "user", "password", "netrc_file", "digest")

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in names}
        if given["endpoint_kind"] is not None:
            warnings.warn("--endpoint-kind is deprecated; use --kind", DeprecationWarning, stacklevel=2)
        if given["kind"] and given["endpoint_kind"] and given["kind"] != given["endpoint_kind"]:
            raise click.UsageError(f"--kind {given['kind']} and --endpoint-kind {given['endpoint_kind']} disagree")
        kwargs["server"] = ServerOptions(endpoint=given["endpoint"], kind=given["kind"] or given["endpoint_kind"],
                                         user=given["user"], password=given["password"],
                                         netrc_file=given["netrc_file"])
        return command(*args, **kwargs)

    kinds = _kinds()
    options = [
        click.option("--endpoint", metavar="URL",
                     help="SPARQL server: a dataset URL (Fuseki .../ds), a query URL (.../query, .../sparql) "
                          "or a server URL (Oxigraph http://host:7878). Default: from the config."),
        click.option("--kind", type=click.Choice(kinds), default=None,
                     help="Server kind (default: recognised from the server's answers)."),
        click.option("--endpoint-kind", "endpoint_kind", type=click.Choice(kinds), default=None, hidden=True,
                     help="Deprecated: --kind."),
        click.option("--user", help="User name (or env KGBUILD_USER)."),
        click.option("--password", help="Password (or env KGBUILD_PASSWORD; prefer the env or --netrc)."),
        click.option("--netrc", "netrc_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
                     help="netrc-style credentials file (default ~/.netrc when present)."),
        click.option("--digest", is_flag=True, hidden=True,
                     help="Deprecated, ignored: a Digest challenge is always answered."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper
