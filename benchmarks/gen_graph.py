"""Synthetic graphs shaped like kgbuild output (docs/graph-layout.md), deterministic by seed.

Per article a doc graph (article node with text, actor mentions, events with type, mode,
agent, target, place, date and trigger, an evidence node per fact triple, memberships between
new and KB actors, new provisional actors) and a claims graph; the ontology and KB graphs
come from :func:`kgbuild.build.load_background`, so the saved queries find rows.

    .venv/bin/python benchmarks/gen_graph.py --triples 1000000 -o /tmp/graph.nq
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

__all__ = ["articles", "article_count", "reasoning_articles", "write_nquads", "fill_store", "QUADS_PER_ARTICLE"]

BASE = "https://w3id.org/kgbuild/id/"
KB = "https://w3id.org/kgbuild/kb/"
KG = "https://w3id.org/kgbuild/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"

#: average quads per synthetic article (measured; used to size a graph by triple count)
QUADS_PER_ARTICLE = 360

_N = ox.NamedNode
_TYPE = _N(RDF + "type")
_INT = _N(XSD + "integer")
_DATE = _N(XSD + "date")
_EVENTS = ["Attack"] * 5 + ["Threat", "Protest", "Accusation", "Deployment", "Sanction", "Demand", "Cooperation"]
_MODES = ["Airstrike", "DroneStrike", "Shelling", "Bombing", "ArmedClash", "SmallArms"]
_MEMBERSHIP = ["partOf", "partOf", "partOf", "ofState"]


@functools.lru_cache(maxsize=1)
def _actors() -> dict[str, list[str]]:
    """KB actor IRIs by class, plus ``"links"``: "child rel parent" strings of the KB hierarchy."""
    from kgbuild.kb import ActorKB

    out: dict[str, list[str]] = {}
    links = []
    for a in ActorKB.load().actors.values():
        out.setdefault(a.actor_class, []).append(a.iri)
        if a.actor_class != "Place":
            links.extend(f"{a.iri} {'partOf' if rel == 'subOrganizationOf' else rel} {p}" for rel, p in a.parents)
    out["links"] = links
    return {k: sorted(v) for k, v in out.items()}


def _h(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:20]


def _lit(value: object, dtype: ox.NamedNode | None = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=dtype) if dtype else ox.Literal(str(value))


def _article(i: int, rng: random.Random, actors: dict[str, list[str]], *, seed: int,
             text: bool = True, mentions: bool = True) -> tuple[str, list[ox.Quad], list[ox.Quad]]:
    aid = f"syn-{seed}-{i:07d}"
    doc, claims = _N(f"{BASE}graph/doc/{aid}"), _N(f"{BASE}graph/claims/{aid}")
    art = _N(f"{BASE}article/{aid}")
    day = f"{2015 + rng.randint(0, 9)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    q: list[ox.Quad] = []
    sentences = [f"Sentence {k} of article {i} about fighting near a town, officials said." for k in range(30)]
    body = "\n\n".join(sentences)

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal, g: ox.NamedNode = doc) -> None:
        (q if g is doc else c).append(ox.Quad(s, _N(p), o, g))

    c: list[ox.Quad] = []
    add(art, RDF + "type", _N(KG + "Article"))
    add(art, DCT + "identifier", _lit(aid))
    add(art, DCT + "title", _lit(f"Synthetic article {i}"))
    add(art, DCT + "date", _lit(day, _DATE))
    add(art, DCT + "creator", _lit("Jason Ditz"))
    if text:
        add(art, NIF + "isString", _lit(body))
    add(art, KG + "contentHash", _lit(_h("content", aid)))
    add(art, KG + "fingerprint", _lit(_h("content", aid) + ":bench"))

    def span(node: ox.NamedNode, k: int) -> None:
        begin = sum(len(s) + 2 for s in sentences[:k % 30])
        add(node, NIF + "beginIndex", _lit(begin, _INT))
        add(node, NIF + "endIndex", _lit(begin + len(sentences[k % 30]), _INT))
        add(node, NIF + "anchorOf", _lit(sentences[k % 30]))

    def evidence(s: ox.NamedNode, p: str, o: ox.NamedNode, k: int) -> None:
        if not mentions:
            return
        ev = _N(f"{BASE}evidence/{_h(aid, s.value, p, o.value)}")
        add(ev, RDF + "type", _N(KG + "Evidence"))
        add(ev, RDF + "type", _N(RDF + "Statement"))
        add(ev, RDF + "subject", s)
        add(ev, RDF + "predicate", _N(p))
        add(ev, RDF + "object", o)
        add(ev, KG + "sourceArticle", art)
        span(ev, k)

    def mention(target: ox.NamedNode, k: int) -> ox.NamedNode:
        m = _N(f"{BASE}mention/{_h(aid, k, target.value)}")
        if mentions:
            add(m, RDF + "type", _N(KG + "Mention"))
            add(m, KG + "denotes", target)
            add(m, KG + "sourceArticle", art)
            span(m, k)
        return m

    groups = actors["ArmedGroup"] + actors["SecurityForce"] + actors["GovernmentBody"]
    states, places = actors["State"], actors["Place"]
    new = []
    for k in range(rng.choice((0, 0, 1, 2))):  # new provisional actors
        slug = f"group-{rng.randint(0, 4000)}"
        actor = _N(f"{BASE}actor/armed-group/{slug}")
        add(actor, RDF + "type", _N(KG + "ArmedGroup"))
        add(actor, SKOS + "prefLabel", ox.Literal(slug.replace("-", " ").title(), language="en"))
        add(actor, KG + "provisional", ox.Literal("true", datatype=_N(XSD + "boolean")))
        new.append(actor.value)
    pool = groups + new * 20
    for k in range(rng.randint(12, 20)):  # plain actor mentions
        mention(_N(rng.choice(pool + states)), k)
    # memberships as text states them: new actors under KB actors, KB links restated (a tree,
    # like the real world; random links between KB actors would make cycles no corpus has)
    links = [(actor, rng.choice(_MEMBERSHIP), None) for actor in new]
    links += [tuple(rng.choice(actors["links"]).split()) for _ in range(rng.randint(0, 2))]
    for k, (child, rel, parent) in enumerate(links):
        if parent is None:
            parent = rng.choice(states if rel == "ofState" else groups)
        if rel in ("leaderOf", "memberOf") and child in new:
            rel = "partOf"
        s, o = _N(child), _N(parent)
        add(s, KG + rel, o)
        evidence(s, KG + rel, o, k)
    for k in range(rng.randint(3, 7)):  # events
        cls = rng.choice(_EVENTS)
        ev = _N(f"{BASE}event/{_h(aid, 'event', k)}")
        add(ev, RDF + "type", _N(KG + cls))
        evidence(ev, RDF + "type", _N(KG + cls), k)
        if cls == "Attack":
            add(ev, KG + "mode", _N(KG + rng.choice(_MODES)))
        roles = [("agent", _N(rng.choice(states + pool))), ("target", _N(rng.choice(pool + states)))]
        if rng.random() < 0.3:
            roles.append(("target", _N(rng.choice(pool))))
        if rng.random() < 0.6:
            roles.append(("place", _N(rng.choice(places))))
        for role, who in roles:
            add(ev, KG + role, who)
            evidence(ev, KG + role, who, k)
        add(ev, KG + "date", _lit(day, _DATE))
        add(ev, KG + "trigger", mention(ev, 100 + k))
        add(ev, KG + "sourceArticle", art)
    if rng.random() < 0.3:  # an attributed claim
        cl = _N(f"{BASE}claim/{_h(aid, 'claim')}")
        for p, o in ((RDF + "type", _N(KG + "Claim")), (RDF + "type", _N(RDF + "Statement")),
                     (RDF + "subject", _N(rng.choice(groups))), (RDF + "predicate", _N(KG + "ofState")),
                     (RDF + "object", _N(rng.choice(states))), (PROV + "wasAttributedTo", _N(rng.choice(states))),
                     (KG + "sourceArticle", art)):
            add(cl, p, o, claims)
        begin = 0
        for p, o in ((NIF + "beginIndex", _lit(begin, _INT)), (NIF + "endIndex", _lit(len(sentences[0]), _INT)),
                     (NIF + "anchorOf", _lit(sentences[0]))):
            add(cl, p, o, claims)
    return aid, q, c


def article_count(triples: int) -> int:
    """Articles needed for about ``triples`` quads."""
    return max(1, triples // QUADS_PER_ARTICLE)


def articles(n: int, *, seed: int = 1) -> Iterator[tuple[str, list[ox.Quad], list[ox.Quad]]]:
    """``n`` synthetic articles as (id, doc quads, claims quads)."""
    actors = _actors()
    rng = random.Random(seed)
    for i in range(n):
        yield _article(i, rng, actors, seed=seed)


def reasoning_articles(individuals: int, *, seed: int = 1) -> Iterator[tuple[str, list[ox.Quad], list[ox.Quad]]]:
    """Doc graphs with only actors, memberships and events: about ``individuals`` of them."""
    actors = _actors()
    rng = random.Random(seed)
    made, i = 0, 0
    while made < individuals:
        aid, doc, claims = _article(i, rng, actors, seed=seed, text=False, mentions=False)
        made += len({q.subject for q in doc if q.predicate == _TYPE}) - 1  # minus the article node
        i += 1
        yield aid, doc, claims


def fill_store(store: object, items: Iterator[tuple[str, list[ox.Quad], list[ox.Quad]]]) -> int:
    """Background graphs (ontology, KB) plus ``items`` into a GraphStore with ``bulk_extend``."""
    store.store.bulk_extend(_background())  # type: ignore[attr-defined]
    n = 0

    def quads() -> Iterator[ox.Quad]:
        nonlocal n
        for _aid, doc, claims in items:
            n += len(doc) + len(claims)
            yield from doc
            yield from claims
    store.store.bulk_extend(quads())  # type: ignore[attr-defined]
    return n


@functools.lru_cache(maxsize=1)
def _background() -> tuple[ox.Quad, ...]:
    """The ontology and KB graphs as ``load_background`` writes them (parsed once per process)."""
    from kgbuild.build import load_background
    from kgbuild.store import GraphStore

    scratch = GraphStore.in_memory()
    load_background(scratch)
    return tuple(scratch.quads())


def write_nquads(items: Iterator[tuple[str, list[ox.Quad], list[ox.Quad]]], path: Path) -> int:
    """Stream ``items`` to an N-Quads file; returns the number of quads."""
    n = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        for _aid, doc, claims in items:
            ox.serialize([*doc, *claims], out, ox.RdfFormat.N_QUADS)
            n += len(doc) + len(claims)
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    n = write_nquads(articles(article_count(args.triples), seed=args.seed), args.output)
    print(f"wrote {n} quads ({article_count(args.triples)} articles; ontology and KB not included) to {args.output}")


if __name__ == "__main__":
    main()
