"""``kgbuild train``: a thin command over :func:`kgbuild.learn.train`."""
from __future__ import annotations

from pathlib import Path

import click

from ..config import Config

__all__ = ["command"]


@click.command("train")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--articles", "articles", multiple=True,
              help="Files or folders holding the articles (default: each gold file's doc.file). Repeatable.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Model file to write (default: the model shipped in the package; point "
                   "`events_model` in kgbuild.toml at another file to use it).")
@click.option("--c-trigger", type=click.FloatRange(min=1e-4), default=0.5, show_default=True,
              help="Inverse regularisation of the trigger model.")
@click.option("--c-role", type=click.FloatRange(min=1e-4), default=0.5, show_default=True,
              help="Inverse regularisation of the role model.")
@click.option("--cross-validate", "folds", type=click.IntRange(min=2), default=None,
              help="Instead of writing a model, score K-fold cross-validation on the gold (each fold "
                   "held out once) and print the figures.")
@click.option("--json", "as_json", is_flag=True, help="With --cross-validate: print the scores as JSON.")
@click.option("--fold-models", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --cross-validate: keep the fold models in DIR and reuse those already there, so "
                   "a change of the rules or lexicon is measured against the same models.")
@click.pass_obj
def command(config: Config, gold: tuple[Path, ...], articles: tuple[str, ...], output: Path | None,
            c_trigger: float, c_role: float, folds: int | None, as_json: bool, fold_models: Path | None) -> None:
    """Learn the event trigger and role models from GOLD annotations (files or folders of *.json)."""
    from . import train

    if fold_models is not None and not folds:
        raise click.UsageError("--fold-models needs --cross-validate")
    if folds:
        import json

        from rich.console import Console

        from ..eval.report import render
        from .crossval import cross_validate

        report = cross_validate(list(gold), config=config, folds=folds, articles=list(articles),
                                c_trigger=c_trigger, c_role=c_role, fold_models=fold_models)
        if as_json:
            click.echo(json.dumps(report.to_json(), indent=2))
        else:
            render(report, Console())
        return

    report = train(list(gold), articles=list(articles), output=output, model=config.model,
                   kb_folders=config.all_kb_folders, c_trigger=c_trigger, c_role=c_role)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    s = report.stats
    click.echo(f"trained on {report.articles} of {report.files} gold file(s) in {report.seconds:.1f} s")
    click.echo(f"  gold events (required): {s.gold_events}; evidence found {s.located}; "
               f"with a trigger candidate {s.with_trigger} ({s.by_lexicon} by lexicon)")
    click.echo(f"  trigger examples {report.trigger_examples}, role examples {report.role_examples}; "
               f"gold roles reachable {s.roles_reachable} of {s.gold_roles}")
    click.echo(f"  events with a gold agent among the candidates {s.agent_reachable} of {s.with_trigger}; "
               f"with a gold target {s.target_reachable} of {s.target_needed} that have one")
    shown = ", ".join(f"{k} {v:.2f}" for k, v in report.thresholds.items())
    click.echo(f"  thresholds (cross-validated): {shown}")
    click.echo(f"wrote {report.output} (sha256 {report.digest[:12]})")
