"""``kgbuild kb``: inspect the actor KB, list new actors, promote them into a user actor file."""
from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import KgbuildError
from .options import apply_config, store_option

if TYPE_CHECKING:
    from ..query.result import QueryResult

__all__ = ["group", "candidate_actors"]

#: An example sentence per actor (the evidence of a fact about it, else a mention); which actors
#: are new is the saved query `unknown-actors`'s one definition.
_EXAMPLES = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?actor (SAMPLE(?text) AS ?example) (SAMPLE(?sentence) AS ?evidence)
WHERE {
  VALUES ?actor { %s }
  ?m kg:denotes ?actor ; nif:anchorOf ?text .
  OPTIONAL { ?e a kg:Evidence ; nif:anchorOf ?sentence .
             { ?e rdf:subject ?actor } UNION { ?e rdf:object ?actor } }
}
GROUP BY ?actor
"""


@click.group("kb")
def group() -> None:
    """Inspect the actor knowledge base; list and promote new actors."""


@group.command("candidates")
@store_option
@click.option("--min-mentions", type=click.IntRange(1), default=1, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("table", "csv", "tsv", "json", "json-rows")),
              help="Output format (default: table on a terminal, csv when piped).")
@click.pass_context
def candidates(ctx: click.Context, store: str | None, min_mentions: int, fmt: str | None) -> None:
    """Actors found in articles that the KB does not know, with mention counts and an example."""
    import io
    import sys

    from rich.console import Console

    from ..query.cli import terminal_width
    from ..query.output import write_result
    from ..store import GraphStore

    config = apply_config(ctx, store=store)
    with GraphStore.open_read_only(config.store, base=config.base) as graph_store:
        result = candidate_actors(graph_store, min_mentions=min_mentions)
    fmt = fmt or ("table" if sys.stdout.isatty() else "csv")
    if fmt == "table":  # the IRI is for machines (csv, json); a person reads the label
        result.columns.remove("actor")
    buffer = io.StringIO()
    console = Console(file=buffer, width=terminal_width(), force_terminal=sys.stdout.isatty()) \
        if fmt == "table" else None
    write_result(result, buffer, fmt=fmt, console=console, priority=("label", "type", "mentions", "example"))
    click.echo(buffer.getvalue(), nl=False)


def candidate_actors(graph_store: object, *, min_mentions: int = 1) -> QueryResult:
    """The actors of a store the KB does not know (the saved query ``unknown-actors``), most
    mentioned first: actor IRI, label, type, mentions and an example sentence (the evidence of a
    fact about it, else a mention)."""
    from rdflib import Literal, URIRef

    from ..query.result import QueryResult
    from ..query.saved import run_saved

    unknown = run_saved(graph_store, "unknown-actors", params={"min_mentions": str(min_mentions)})
    found = [row for row in unknown.rows if row.get("actor")]
    examples: dict[str, str] = {}
    if found:
        values = " ".join(f"<{row['actor']}>" for row in found)
        for row in graph_store.query(_EXAMPLES % values):  # type: ignore[attr-defined]
            examples[row["actor"].value] = " ".join((row["evidence"] or row["example"]).value.split())
    rows, terms = [], []
    for row in found:
        values = {"actor": row["actor"], "label": row["label"] or "", "type": row["type"],
                  "mentions": int(row["mentions"]), "example": examples.get(row["actor"], "")}
        rows.append(values)
        terms.append({"actor": URIRef(values["actor"]), "label": Literal(values["label"]),
                      "type": Literal(values["type"]), "mentions": Literal(values["mentions"]),
                      "example": Literal(values["example"])})
    return QueryResult(columns=["actor", "label", "type", "mentions", "example"], rows=rows, terms=terms,
                       name="New actors (not in the KB)")


@group.command("promote")
@click.argument("name")
@click.option("--type", "actor_type", required=True,
              type=click.Choice(["GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup",
                                 "InternationalOrganization", "Organization", "Person", "Group", "Place"]))
@click.option("--parent", help="Parent actor (KB id, QID, IRI or name): state, organisation or place.")
@click.option("--file", "file", type=click.Path(dir_okay=False), help="User actor file (default from config).")
@click.pass_context
def promote_command(ctx: click.Context, name: str, actor_type: str, parent: str | None, file: str | None) -> None:
    """Write NAME into the user's actor file as a KB actor."""
    from pathlib import Path

    from ..kb import ActorKB, promote

    config = apply_config(ctx)
    target = Path(file) if file else config.user_actor_file
    kb = ActorKB.load(folders=[*config.kb_folders, *([target.parent] if target.parent.is_dir() else [])])
    iri = promote(name, actor_type=actor_type, parent=parent, file=target, kb=kb)
    click.echo(f"{iri} written to {target}; rebuild to link it (kgbuild build ... --kb {target.parent})")


@group.command("show")
@click.argument("name")
@click.pass_context
def show(ctx: click.Context, name: str) -> None:
    """Show the KB actor a name, id, QID or IRI resolves to."""
    from ..kb import ActorKB

    config = apply_config(ctx)
    actor = ActorKB.load(folders=list(config.kb_folders)).resolve(name)
    click.echo(f"{actor.iri}\n  class: {actor.actor_class}\n  label: {actor.label}")
    if actor.aliases:
        click.echo(f"  aliases: {', '.join(actor.aliases)}")
    if actor.wikidata:
        click.echo(f"  wikidata: {actor.wikidata}")
    for predicate, parent in actor.parents:
        click.echo(f"  {predicate}: {parent}")


@group.command("check")
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate the KB (one class per actor, unique ids and codes, known parents)."""
    from ..kb import ActorKB, validate_kb

    config = apply_config(ctx)
    kb = ActorKB.load(folders=list(config.kb_folders))
    problems = validate_kb(kb)
    for problem in problems:
        click.echo(problem, err=True)
    click.echo(f"{len(kb.actors)} actors in {len(kb.files)} files; {len(problems)} problems")
    if problems:
        raise KgbuildError(f"{len(problems)} KB problems")
