"""What the page of ``kgbuild serve`` asks for, as plain functions returning JSON-ready dicts:
the saved queries and their parameters, a saved query's answer (SPARQL 1.1 Query Results
JSON), and the description of an IRI (an actor's membership chain, an event's roles, the
evidence sentences and their articles).

Each takes a query target (a :class:`~kgbuild.store.GraphStore` or an
:class:`~kgbuild.query.Endpoint`; the server reads the Oxigraph child through an endpoint).

>>> [p["name"] for p in next(q for q in saved_queries() if q["name"] == "membership-chain")["params"]]
['actor', 'as_of']
>>> prefix_block({"kg": "https://w3id.org/kgbuild/ontology#"})
'PREFIX kg: <https://w3id.org/kgbuild/ontology#>\\n'
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from ..errors import ParameterError
from ..layout import Layout
from ..namespace import DEFAULT_BASE, KG, prefixes
from ..query.output import sparql_json
from ..query.params import EVENT_TYPES, convert
from ..query.saved import as_backend, list_saved, run_saved

__all__ = ["saved_queries", "run_query", "describe", "prefix_block", "MAX_FACTS", "MAX_EVENTS"]

MAX_FACTS = 300      # triples about an IRI shown at most
MAX_EVENTS = 100     # events an actor takes part in shown at most
MAX_EVIDENCE = 40    # evidence sentences shown at most

_SPARQL_PREFIXES = {k: v for k, v in prefixes().items() if k in
                    ("kg", "rdf", "skos", "nif", "prov", "dcterms", "schema")}
_RDF = _SPARQL_PREFIXES["rdf"]
_SKOS_LABEL = _SPARQL_PREFIXES["skos"] + "prefLabel"
_TITLE = _SPARQL_PREFIXES["dcterms"] + "title"


def prefix_block(names: Mapping[str, str]) -> str:
    """``PREFIX`` lines for ``names`` (prefix -> namespace)."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in names.items())


#: the values a parameter of a type can take, where they are few (the page offers them in a list)
_CHOICES = {"event-type": list(EVENT_TYPES)}


def saved_queries() -> list[dict[str, Any]]:
    """Every saved query: name, title, description, parameters (with their ``choices`` where a
    type has few values), examples, SPARQL text."""
    return [{"name": q.name, "title": q.title or q.name, "description": q.description,
             "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                         "description": p.description, "choices": _CHOICES.get(p.type, [])} for p in q.params],
             "examples": list(q.examples), "lists": list(q.lists), "text": q.text}
            for q in list_saved()]


def run_query(target: Any, name: str, *, params: Mapping[str, str]) -> dict[str, Any]:
    """Run the saved query ``name`` with raw ``params`` (empty values count as not given).

    The answer is SPARQL JSON with ``kgbuild`` extras: the list columns, whether the
    inferred variant ran, and the seconds it took.

    :raises ParameterError: unknown, missing or invalid parameter.
    :raises QueryError: no such saved query.
    :raises EndpointError: the server failed.
    """
    given = {k: v for k, v in params.items() if v.strip()}
    started = time.perf_counter()
    result = run_saved(target, name, params=given)
    answer = sparql_json(result)
    answer["kgbuild"] = {"query": name, "lists": list(result.lists), "inferred": result.used_inferred,
                         "seconds": round(time.perf_counter() - started, 3)}
    return answer


def describe(target: Any, iri: str, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """What the store says about ``iri``: its types and label (an article's: its title), its triples (with the graph
    each is in), its evidence and claim sentences with their articles, and by kind: an
    actor's membership chain and events, an event's reports (fused events), an article's
    events.

    :raises ParameterError: ``iri`` is not an absolute IRI.
    """
    node = convert("iri", iri.strip(), name="iri")
    backend = as_backend(target)
    facts = _rows(backend, """SELECT ?p ?o ?g WHERE { GRAPH ?g { ?x ?p ?o } }""", node, limit=MAX_FACTS)
    inferred = str(Layout(base).inferred_graph.value)
    types = sorted({str(r["o"]) for r in facts if str(r["p"]) == _RDF + "type"})
    asserted = sorted({str(r["o"]) for r in facts if str(r["p"]) == _RDF + "type" and str(r["g"]) != inferred})
    labels = sorted({str(r["o"]) for r in facts if str(r["p"]) == _SKOS_LABEL}) or \
        sorted({str(r["o"]) for r in facts if str(r["p"]) == _TITLE})
    out: dict[str, Any] = {
        "iri": str(node), "label": labels[0] if labels else None, "types": types,
        "asserted_types": asserted, "kind": _kind(types),
        "facts": [{"p": str(r["p"]), "o": _term(r["o"]), "graph": str(r["g"])} for r in facts],
        "evidence": _evidence(backend, node),
    }
    if out["kind"] == "actor":
        out["chain"] = _chain(backend, node)
        out["events"] = _events(backend, node, inferred=inferred)
    if out["kind"] == "article":
        out["events"] = _article_events(backend, node)
    if out["kind"] == "event":
        reports = _rows(backend, "SELECT DISTINCT ?report WHERE { ?report kg:fusedInto ?x }", node, limit=50)
        out["reports"] = [str(r["report"]) for r in reports]
    out["labels"] = _labels(backend, {f["o"]["value"] for f in out["facts"] if f["o"]["type"] == "uri"}
                            | {e["event"] for e in out.get("events", [])})
    return out


def _kind(types: list[str]) -> str:
    names = {t.removeprefix(str(KG._NS)) for t in types}
    if "Event" in names or "FusedEvent" in names:
        return "event"
    if "Actor" in names or names & {"State", "GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup",
                                     "InternationalOrganization", "Organization", "Person", "Group", "Place"}:
        return "actor"
    if "Article" in names:
        return "article"
    return "other"


def _rows(backend: Any, select: str, node: Node, *, limit: int) -> list[dict[str, Node]]:
    text = prefix_block(_SPARQL_PREFIXES) + select + f" LIMIT {limit}"
    return backend.run(text, bindings={"x": node}).rows


def _term(term: Node) -> dict[str, str]:
    from ..query.output import _term_json

    return _term_json(term)


_EVIDENCE = """SELECT ?ev ?kind ?pred ?sentence ?article ?title ?url ?date ?by WHERE {
  { ?ev rdf:subject ?x } UNION { ?report kg:fusedInto ?x . ?ev rdf:subject ?report }
  ?ev a ?kind ; nif:anchorOf ?sentence .
  VALUES ?kind { kg:Evidence kg:Claim }
  OPTIONAL { ?ev rdf:predicate ?pred }
  OPTIONAL { ?ev kg:sourceArticle ?article
             OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article schema:url ?url }
             OPTIONAL { ?article dcterms:date ?date } }
  OPTIONAL { ?ev prov:wasAttributedTo ?by }
}"""


def _evidence(backend: Any, node: Node) -> list[dict[str, Any]]:
    """One entry per (sentence, article, kind), with the predicates it supports."""
    grouped: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in _rows(backend, _EVIDENCE, node, limit=MAX_EVIDENCE * 8):
        kind = str(row["kind"]).removeprefix(str(KG._NS))
        key = (str(row["sentence"]), str(row.get("article", "")), kind)
        entry = grouped.setdefault(key, {
            "kind": kind, "sentence": str(row["sentence"]), "predicates": [],
            "article": str(row["article"]) if "article" in row else None,
            "title": str(row["title"]) if "title" in row else None,
            "url": str(row["url"]) if "url" in row else None,
            "date": str(row["date"]) if "date" in row else None,
            "by": str(row["by"]) if "by" in row else None})
        if "pred" in row and str(row["pred"]) not in entry["predicates"]:
            entry["predicates"].append(str(row["pred"]))
    return sorted(grouped.values(), key=lambda e: (e["kind"] != "Evidence", e["date"] or "", e["sentence"]))[
        :MAX_EVIDENCE]


def _chain(backend: Any, node: URIRef) -> dict[str, Any] | None:
    """The saved ``membership-chain`` query's answer for the actor (None: it has no name to
    resolve, e.g. a place only mentioned)."""
    try:
        return sparql_json(run_saved(backend, "membership-chain", params={"actor": str(node)}))
    except ParameterError:
        return None


_EVENTS = """SELECT DISTINCT ?event ?role ?type ?date WHERE {
  ?event ?role ?x .
  VALUES ?role { kg:agent kg:target kg:place }
  GRAPH ?g { ?event a ?type }
  FILTER(?g != ?inferred)
  OPTIONAL { ?event kg:date ?date }
}"""


def _events(backend: Any, node: Node, *, inferred: str) -> list[dict[str, Any]]:
    text = prefix_block(_SPARQL_PREFIXES) + _EVENTS + f" ORDER BY ?date ?event LIMIT {MAX_EVENTS}"
    rows = backend.run(text, bindings={"x": node, "inferred": URIRef(inferred)}).rows
    return [{"event": str(r["event"]), "role": str(r["role"]).removeprefix(str(KG._NS)),
             "type": str(r["type"]).removeprefix(str(KG._NS)), "date": str(r["date"]) if "date" in r else None}
            for r in rows]


_ARTICLE_EVENTS = """SELECT DISTINCT ?event ?type ?date WHERE {
  ?event kg:sourceArticle ?x .
  ?event a ?type .
  VALUES ?type { %s }
  OPTIONAL { ?event kg:date ?date }
}"""


def _article_events(backend: Any, node: Node) -> list[dict[str, Any]]:
    """The events an article reports (role: empty)."""
    classes = " ".join(f"kg:{name}" for name in EVENT_TYPES)
    text = prefix_block(_SPARQL_PREFIXES) + _ARTICLE_EVENTS % classes + f" ORDER BY ?date ?event LIMIT {MAX_EVENTS}"
    return [{"event": str(r["event"]), "role": "", "type": str(r["type"]).removeprefix(str(KG._NS)),
             "date": str(r["date"]) if "date" in r else None}
            for r in backend.run(text, bindings={"x": node}).rows]


def _labels(backend: Any, iris: set[str]) -> dict[str, str]:
    """``skos:prefLabel`` (else ``dcterms:title``) of each IRI that has one."""
    if not iris:
        return {}
    values = " ".join(URIRef(i).n3() for i in sorted(iris)[:MAX_FACTS])
    text = prefix_block(_SPARQL_PREFIXES) + (
        f"SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?s {{ {values} }} "
        "{ ?s skos:prefLabel ?l } UNION { ?s dcterms:title ?l } } GROUP BY ?s")
    return {str(r["s"]): str(r["label"]) for r in backend.run(text).rows if "label" in r}
