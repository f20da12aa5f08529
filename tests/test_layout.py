"""The graph layout has one owner (kgbuild/layout.py): its names round-trip, emission needs no
store, and no other module of the package builds a graph name or minted IRI by hand, nor
reaches into the raw pyoxigraph store behind a GraphStore."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.layout import ARTICLE_GRAPH_KINDS, GRAPH_KINDS, Layout
from kgbuild.namespace import DEFAULT_BASE
from kgbuild.store import GraphStore

PACKAGE = Path(__file__).resolve().parent.parent / "kgbuild"
OWNER = PACKAGE / "layout.py"
STORE = PACKAGE / "store.py"


@pytest.mark.parametrize("base", [DEFAULT_BASE, "https://example.org/kg/", "urn:kg:"])
@pytest.mark.parametrize("article", ["a1", "us-iraq airstrikes/2019", "é~x"])
def test_names_round_trip(base: str, article: str) -> None:
    layout = Layout(base)
    for kind in ARTICLE_GRAPH_KINDS:
        graph = layout.graph(kind, article)
        assert graph.value.startswith(layout.graph_prefix)
        assert layout.graph_kind(graph) == kind and layout.article_of(graph) == article
        assert layout.is_article_graph(graph)
    for kind in set(GRAPH_KINDS) - set(ARTICLE_GRAPH_KINDS):
        assert layout.graph_kind(layout.graph(kind)) == kind
        assert layout.article_of(layout.graph(kind)) is None
    assert layout.article_id(layout.article(article)) == article
    assert layout.is_reasoning_input(layout.kb_graph) and layout.is_reasoning_input(layout.doc_graph(article))
    assert not layout.is_reasoning_input(layout.claims_graph(article))
    assert not layout.is_reasoning_input(layout.inferred_graph)
    other = Layout("https://elsewhere.org/")
    assert other.graph_kind(layout.kb_graph) is None


def test_the_sparql_filter_agrees_with_is_reasoning_input() -> None:
    layout = Layout("https://x.org/")
    store = ox.Store()
    graphs = [layout.kb_graph, layout.doc_graph("a"), layout.claims_graph("a"), layout.inferred_graph,
              layout.ontology_graph, ox.NamedNode("https://x.org/graph/doc-like")]
    for g in graphs:
        store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.NamedNode("urn:o"), g))
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({layout.sparql_reasoning_filter('g')}) }}")
    assert {r["g"].value for r in rows} == {g.value for g in graphs if layout.is_reasoning_input(g)}


def test_a_store_names_its_graphs_with_its_layout() -> None:
    store = GraphStore.in_memory(base="https://x.org/")
    assert store.layout == Layout("https://x.org/")
    assert store.graph_iri("doc", "a") == store.layout.doc_graph("a")
    assert store.article_iri("a") == store.layout.article("a")


# -- drift: graph names and minted IRIs are built only in kgbuild/layout.py -------------------
#: a graph name written out (``…/graph/doc/``, or ``graph/kb`` right after an interpolation)
GRAPH_NAME = re.compile(r"(^|[/}])graph/(doc|claims|kb|inferred|ontology)\b")
#: what the layout mints under the base
MINTED = re.compile(r"^(graph|article|actor|mention|event|evidence|claim|fused)/")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _names_base(expr: ast.expr) -> bool:
    name = expr.attr if isinstance(expr, ast.Attribute) else expr.id if isinstance(expr, ast.Name) else ""
    return name.lower().endswith("base")


def layout_violations(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string that writes out a graph name or a minted IRI."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                                for part in node.values}  # f-string pieces: checked with their f-string
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if GRAPH_NAME.search(node.value):
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            parts = node.values
            for i, part in enumerate(parts):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    after_base = i > 0 and isinstance(parts[i - 1], ast.FormattedValue) \
                        and _names_base(parts[i - 1].value)
                    if GRAPH_NAME.search(part.value) or (after_base and MINTED.match(part.value)):
                        found.append((node.lineno, ast.unparse(node)))
    return found


def test_the_lint_catches_hand_built_names() -> None:
    bad = '''
def f(base, store, article):
    """Docstrings may name ``{base}graph/doc/{article}``."""
    a = f"{base}graph/doc/{article}"
    b = f"{store.base}article/{article}"
    c = "https://x.org/graph/kb"
    d = base + "graph/inferred"
    ok = "; graph/inferred is stale (a message)"
    return a, b, c, d, ok
'''
    assert [line for line, _ in layout_violations(bad)] == [4, 5, 6, 7]


def test_no_graph_name_is_built_outside_the_layout_module() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == OWNER:
            continue
        for line, text in layout_violations(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text}")
    assert not offenders, "graph names built by hand (use kgbuild.layout.Layout):\n" + "\n".join(offenders)


RAW_STORE = re.compile(r"\b(?:graph_store|store|self\.store|backend\.store)\.store\b")


def test_no_module_reaches_into_the_raw_store() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == STORE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if RAW_STORE.search(line) and not line.lstrip().startswith((">>>", "...")):  # doctest set-up may
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert not offenders, "use GraphStore's methods, not its raw store:\n" + "\n".join(offenders)
