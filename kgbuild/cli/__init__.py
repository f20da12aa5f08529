"""The ``kgbuild`` command line: thin click commands over the library.

Commands are registered in :data:`COMMANDS` (name -> "module:attribute") and imported only
when used, so ``kgbuild --help`` stays fast. Only this layer turns
:class:`kgbuild.errors.KgbuildError` into exit codes and one-line messages.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .. import __version__
from ..errors import KgbuildError

__all__ = ["main", "cli", "COMMANDS"]

#: command name -> (import path, one-line help shown by ``kgbuild --help``)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("kgbuild.cli.build:command", "Extract articles into the store (then reason and validate)."),
    "remove": ("kgbuild.cli.build:remove_command", "Delete articles' graphs from the store."),
    "export": ("kgbuild.cli.export:command", "Stream the store out as TriG, N-Quads, Turtle, N-Triples or JSON-LD."),
    "reason": ("kgbuild.reason.cli:command", "Rewrite the inferred graph (HermiT, or the rule engine)."),
    "validate": ("kgbuild.cli.validate:command", "Check the store's instance data against the SHACL shapes."),
    "query": ("kgbuild.query.cli:command", "Run a saved query or a .rq file on the store or an endpoint."),
    "queries": ("kgbuild.query.cli:list_command", "List the saved queries with their parameters."),
    "eval": ("kgbuild.eval.cli:command", "Score the built graph against gold annotations."),
    "train": ("kgbuild.learn.cli:command", "Learn the event models from gold annotations and their articles."),
    "gold": ("kgbuild.eval.gold_cli:group", "Check gold annotations, derive their answers, measure agreement."),
    "kb": ("kgbuild.cli.kb:group", "Inspect the actor knowledge base; list and promote new actors."),
    "serve": ("kgbuild.serve.cli:command", "Serve the store as a SPARQL 1.1 endpoint (Oxigraph server)."),
    "load": ("kgbuild.load.cli:command", "Push graphs into Fuseki, Oxigraph, GraphDB or Virtuoso."),
    "config": ("kgbuild.cli.config:command", "Print the effective configuration and where each value came from."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        command = getattr(importlib.import_module(module_name), attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgbuildError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:  # disk full, read-only medium, ... in code that did not wrap it
            if isinstance(exc, BrokenPipeError):  # `kgbuild export | head`
                ctx.exit(1)
            click.echo(f"Error: {' '.join(str(exc).split()) or type(exc).__name__}", err=True)
            ctx.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="kgbuild")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True),
              help="Config file (default: kgbuild.toml or [tool.kgbuild] found upwards).")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None) -> None:
    """kgbuild: news about armed conflict in, a queryable RDF knowledge graph out."""
    from pathlib import Path

    from ..config import load_config

    ctx.obj = load_config(config_file=Path(config_file) if config_file else None)


def main(argv: list[str] | None = None) -> None:
    """Console entry point."""
    cli.main(args=argv, prog_name="kgbuild", standalone_mode=True)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
