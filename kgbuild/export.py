"""Exporting a store as standard RDF, streamed (the store is never held in memory).

* ``trig`` / ``nquads`` keep every graph's name; ``turtle`` / ``ntriples`` merge the graphs
  into one, each triple once (a triple that several graphs hold, such as a type the KB states
  and reasoning repeats, is written once).
* Turtle and TriG use the project's prefixes (``kg:``, ``kb:``, ``id:`` for the build base,
  ``prov:``, ``org:``, ``nif:``, ``skos:``, ``schema:``, ``wd:``, ``dcterms:``, ``xsd:``, ...);
  JSON-LD carries them as its ``@context`` and writes compact IRIs, one named graph per
  ``@graph`` object.
* A file is written beside its target and renamed over it when complete (readers never see
  half a file), with the permissions a new file gets under the user's umask (or the ones of the
  file it replaces); errors name the target, never the temporary file.

>>> import io
>>> from kgbuild.store import GraphStore
>>> store = GraphStore.in_memory()
>>> store.store.add(ox.Quad(ox.NamedNode("https://w3id.org/kgbuild/kb/KH"),
...     ox.NamedNode("https://w3id.org/kgbuild/ontology#partOf"), ox.NamedNode("https://w3id.org/kgbuild/kb/PMF"),
...     store.graph_iri("kb")))
>>> out = io.BytesIO()
>>> export(store, out, fmt="turtle")
>>> print(out.getvalue().decode().splitlines()[-1])
kb:KH kg:partOf kb:PMF .
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import StoreError, UnknownGraphError
from .namespace import prefixes
from .store import GraphStore

__all__ = ["FORMATS", "export", "export_file", "resolve_graph", "distinct_triples"]

FORMATS = ("trig", "nquads", "turtle", "ntriples", "jsonld")
_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
            "ntriples": ox.RdfFormat.N_TRIPLES}
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def export(store: GraphStore, output: IO[bytes], *, fmt: str = "trig", graph: ox.NamedNode | None = None) -> None:
    """Stream ``store`` (or its one ``graph``) to ``output`` in ``fmt``.

    :raises ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    names = prefixes(store.base)
    if fmt == "jsonld":
        _write_jsonld(store, output, graph=graph, context=names)
        return
    rdf_format = _FORMATS[fmt]
    options = {"prefixes": names} if fmt in ("trig", "turtle") else {}
    if graph is not None and rdf_format.supports_datasets:  # keep the graph's name
        ox.serialize(store.quads(graph), output, rdf_format, **options)
    elif graph is not None or rdf_format.supports_datasets:
        store.dump(graph, fmt=rdf_format, output=output, **options)
    else:  # triple formats: every graph merged into one, each triple once
        ox.serialize(distinct_triples(store), output, rdf_format, **options)


def distinct_triples(store: GraphStore) -> Iterator[ox.Triple]:
    """Every triple of every graph once: a quad is kept in the first graph (in index order)
    that holds its triple, found by one index lookup, so nothing is remembered."""
    for quad in store.quads():
        first = next(store.quads(subject=quad.subject, predicate=quad.predicate, object=quad.object))
        if first.graph_name == quad.graph_name:
            yield ox.Triple(quad.subject, quad.predicate, quad.object)


def export_file(store: GraphStore, target: Path | str, *, fmt: str = "trig", graph: ox.NamedNode | None = None) -> Path:
    """Write the export to ``target`` atomically, with normal permissions.

    :raises StoreError: the file cannot be written (the message names ``target``).
    """
    target = Path(target)
    if target.is_dir():
        raise StoreError(f"{target}: is a folder; give a file name (-o {target / ('kg.' + fmt)})")
    mode = _file_mode(target)
    try:
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise StoreError(f"{target}: cannot write: {_reason(exc, target)}") from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            export(store, stream, fmt=fmt, graph=graph)
        os.chmod(tmp, mode)
        os.replace(tmp, target)  # readers never see half a file
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreError(f"{target}: cannot write: {_reason(exc, target)}") from exc
        raise
    return target


def resolve_graph(store: GraphStore, spec: str) -> ox.NamedNode:
    """The graph ``spec`` names: ``ontology``, ``kb``, ``inferred``, ``doc:ID`` or ``claims:ID``.

    The claims graph of an article in the store that has no claims is an (empty) answer.

    :raises UnknownGraphError: no such kind, or no such graph in the store.
    """
    kind, _, article = spec.partition(":")
    try:
        graph = store.graph_iri(kind, article or None)
    except ValueError as exc:
        raise UnknownGraphError(f"--graph {spec}: {exc} (ontology, kb, inferred, doc:ID or claims:ID)") from exc
    if store.has_graph(graph) or (kind == "claims" and store.has_graph(store.graph_iri("doc", article))):
        return graph
    hint = ""
    if article:
        import difflib

        close = difflib.get_close_matches(article, store.article_ids(), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(f'{kind}:{c}' for c in close)}?" if close else \
            "; `kgbuild export --format nquads | cut -d' ' -f4 | sort -u` lists the graphs"
    where = store.path if store.path is not None else "the store"
    raise UnknownGraphError(f"--graph {spec}: no graph {graph.value} in {where}{hint}")


# -- JSON-LD ---------------------------------------------------------------------------------------
def _write_jsonld(store: GraphStore, output: IO[bytes], *, graph: ox.NamedNode | None,
                  context: dict[str, str]) -> None:
    """JSON-LD 1.1 with the prefixes as ``@context``: a named graph is ``{"@id": G, "@graph": [...]}``,
    a node ``{"@id": ..., "@type": [...], "kg:partOf": [{"@id": ...}], ...}``, streamed node by node."""
    compact = _Compactor(context)

    def write(text: str) -> None:
        output.write(text.encode("utf-8"))

    def nodes(graph_name: Any, indent: str) -> None:
        first = True
        for node in _node_objects(store.quads(graph_name), compact):
            write(("" if first else ",") + "\n" + indent + json.dumps(node, ensure_ascii=False))
            first = False

    write('{"@context": ' + json.dumps(context, indent=1) + ',\n')
    if graph is not None:
        write(f'"@id": {json.dumps(compact.iri(graph.value))},\n"@graph": [')
        nodes(graph, " ")
        write("\n]}\n")
        return
    write('"@graph": [')
    first = True
    if next(store.quads(ox.DefaultGraph()), None) is not None:
        nodes(ox.DefaultGraph(), " ")
        first = False
    for name in store.graphs():
        label = compact.iri(name.value) if isinstance(name, ox.NamedNode) else f"_:{name.value}"
        write(("" if first else ",") + f'\n {{"@id": {json.dumps(label)}, "@graph": [')
        nodes(name, "  ")
        write("\n ]}")
        first = False
    write("\n]}\n")


class _Compactor:
    def __init__(self, context: dict[str, str]) -> None:
        # longest namespace first, so id: (the build base) never shadows a longer one under it
        self.spaces = sorted(((ns, p) for p, ns in context.items()), key=lambda item: -len(item[0]))
        self.cache: dict[str, str] = {}

    def iri(self, value: str) -> str:
        found = self.cache.get(value)
        if found is None:
            found = value
            for namespace, prefix in self.spaces:
                if value.startswith(namespace) and len(value) > len(namespace) \
                        and not value[len(namespace):].startswith("//"):
                    found = f"{prefix}:{value[len(namespace):]}"
                    break
            if len(self.cache) < 100_000:
                self.cache[value] = found
        return found

    def term(self, term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term: Any) -> dict[str, str]:
        if isinstance(term, ox.Literal):
            out = {"@value": term.value}
            if term.language:
                out["@language"] = term.language
            elif term.datatype.value != _XSD_STRING:
                out["@type"] = self.iri(term.datatype.value)
            return out
        return {"@id": self.term(term)}


def _node_objects(quads: Any, compact: _Compactor) -> Iterator[dict[str, Any]]:
    """One node object per subject (a graph's quads come grouped by subject from its index)."""
    node: dict[str, Any] | None = None
    subject: Any = None
    for quad in quads:
        if node is None or quad.subject != subject:
            if node is not None:
                yield node
            subject = quad.subject
            node = {"@id": compact.term(subject)}
        predicate = quad.predicate.value
        if predicate == _RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact.iri(quad.object.value))
        else:
            node.setdefault(compact.iri(predicate), []).append(compact.value(quad.object))
    if node is not None:
        yield node


def _file_mode(target: Path) -> int:
    """The mode of the file ``target`` replaces, else what a new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux shows it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError, target: Path) -> str:
    if isinstance(exc, FileNotFoundError) and not target.parent.exists():
        return f"no folder {target.parent}"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or " ".join(str(exc).split())
