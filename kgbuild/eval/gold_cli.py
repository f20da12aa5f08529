"""``kgbuild gold``: tools for annotators (thin commands over :mod:`.checks` and :mod:`.agreement`)."""
from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["group"]


@click.group("gold")
def group() -> None:
    """Check gold annotation files, derive their answers, measure annotator agreement."""


@group.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--write-answers", is_flag=True, help="Rewrite each file's answers from its events (checks first).")
def check_command(files: tuple[Path, ...], write_answers: bool) -> None:
    """Check gold files against their articles: evidence found, names written, no event whose
    agent is its target. Exit 1 when any file has a problem."""
    from ..errors import EvalError
    from .checks import check_gold, derived_answers, write_answers as rewrite
    from .gold import gold_paths, load_gold

    failed = 0
    for path in gold_paths(files):
        try:
            gold = load_gold(path)
            problems = check_gold(gold)
        except EvalError as exc:
            click.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        for problem in problems:
            click.echo(f"{path}: {problem}")
        if problems:
            failed += 1
            continue
        answers = rewrite(path) if write_answers else derived_answers(gold)
        shown = ", ".join(f"{name} {len(ids)}" for name, ids in answers.items())
        click.echo(f"{path}: ok ({len(gold.entities)} entities, {len(gold.events)} events; answers: {shown})")
    if failed:
        raise click.exceptions.Exit(1)


@group.command("agree")
@click.argument("first", type=click.Path(exists=True, path_type=Path))
@click.argument("second", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print both directions' scores as JSON.")
@click.option("--details", is_flag=True, help="List every difference (second scored against first).")
def agree_command(first: Path, second: Path, as_json: bool, details: bool) -> None:
    """Agreement of two annotations of the same articles (files or folders, paired by article
    id): each scored against the other with kgbuild eval's rules."""
    from rich.console import Console

    from .agreement import agreement
    from .report import render

    result = agreement([first], [second])
    if as_json:
        click.echo(json.dumps(result.to_json(), indent=2))
        return
    console = Console()
    render(result.b_vs_a, console, details=details)
    means = ", ".join(f"{part} {value:.3f}" if value is not None else f"{part} n/a"
                      for part, value in ((p, result.mean_f1(p)) for p in ("entities", "relations", "events", "claims")))
    console.print(f"Agreement (mean F1 of both directions): {means}")
