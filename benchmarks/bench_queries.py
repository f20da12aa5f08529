"""Saved queries on a synthetic graph: ``kgbuild.query.run_saved`` vs raw pyoxigraph running the
exact SPARQL kgbuild sends, with the saved query's ``ORDER BY`` that kgbuild does in Python put
back (kgbuild's own overhead: parameter resolution, the inferred-graph check, chain assembly,
sorting and conversion of results) vs rdflib's in-memory ``Dataset(default_union=True)``
running that same SPARQL (in a child process, with a per-query timeout: it may take minutes).

The graph is reasoned (rules) first, as after a build, so the ``.inferred.rq`` variants run.

    .venv/bin/python benchmarks/bench_queries.py --scale quick
    .venv/bin/python benchmarks/bench_queries.py --scale medium --queries who-leads,membership-chain
"""
from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, entry, machine, run_child, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run", "PARAMS", "BUDGET_S"]

#: stop repeating a query (after two runs) once this many seconds went into it
BUDGET_S = 20.0
#: issue 14: ">= 10x where rdflib takes >= 1 s; for queries rdflib answers in under 1 s, <= 50 ms"
FAST_RDFLIB_S = 1.0
FAST_BUDGET_S = 0.050

#: parameters for the queries that need one (the examples of their headers)
PARAMS: dict[str, dict[str, str]] = {
    "event-timeline": {"actor": "IRQ"},
    "events-by-actor": {"actor": "USA"},
    "membership-chain": {"actor": "popular-mobilization-forces"},
    "who-leads": {"org": "popular-mobilization-forces"},
}

_RDFLIB_CHILD = r"""
import json, signal, sys, time
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Variable
nq, queries_path, timeout, repeats = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
started = time.perf_counter()
ds = Dataset(default_union=True)
ds.parse(nq, format="nquads")
print(json.dumps({"load_seconds": time.perf_counter() - started, "triples": len(ds)}), flush=True)
class Timeout(Exception):
    pass
def alarm(*_):
    raise Timeout()
signal.signal(signal.SIGALRM, alarm)
def term(t):
    kind, value, dtype, lang = t
    return URIRef(value) if kind == "iri" else Literal(value, datatype=URIRef(dtype) if dtype else None, lang=lang)
for name, sparql, subs in json.load(open(queries_path)):
    times = []
    bindings = {Variable(k): term(v) for k, v in subs.items()}
    for _ in range(repeats):
        signal.setitimer(signal.ITIMER_REAL, timeout)
        t = time.perf_counter()
        try:
            rows = len(list(ds.query(sparql, initBindings=bindings)))
        except Timeout:
            times = None
            break
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - t)
    print(json.dumps({"name": name, "times": times, "rows": rows if times else None}), flush=True)
"""


def _pcts(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def _term_json(term: Any) -> list[Any]:
    if isinstance(term, ox.NamedNode):
        return ["iri", term.value, None, None]
    return ["literal", term.value, None if term.language else term.datatype.value, term.language]


class _Recorder:
    """Wraps ``GraphStore.query`` to keep the SPARQL and substitutions kgbuild sends."""

    def __init__(self, graph_store: Any) -> None:
        self.calls: list[tuple[str, dict]] = []
        self._query = graph_store.query
        graph_store.query = self  # instance attribute shadows the method

    def __call__(self, sparql: str, *, substitutions: dict | None = None, union: bool = True) -> Any:
        self.calls.append((sparql, dict(substitutions or {})))
        return self._query(sparql, substitutions=substitutions, union=union)


_PART = "kg:partOf kg:subOrganizationOf"
_MEMBER = "kg:memberOf kg:leaderOf"


def with_order(sent: str, saved_text: str) -> str:
    """The SPARQL kgbuild sent with the saved query's ``ORDER BY`` put back: kgbuild's
    embedded back end sorts the answer itself (``kgbuild.query.embedded.order_key``), so the
    raw side is the saved query as a user would run it on pyoxigraph, sorting included."""
    from kgbuild.query.sparql import split_order_by

    split = split_order_by(saved_text)
    if split is None or split_order_by(sent) is not None:
        return sent
    keys = " ".join(f"DESC(?{k.variable})" if k.descending else f"?{k.variable}" for k in split[1])
    return f"{sent.rstrip()}\nORDER BY {keys}"


def chain_baseline(actor: str, base: str, *, depth: int = 4) -> str:
    """The baseline of ``membership-chain`` (issue 14: "the best single SPARQL query returning
    the same columns"): one query for the ancestor, relation, chain (labels joined by "->"),
    source and evidence of every chain of up to ``depth`` asserted links in the language
    kgbuild's assembler follows, ``(memberOf|leaderOf)? (partOf|subOrganizationOf)* ofState?``,
    each link read from a doc or KB graph (``GRAPH ?g`` per link was faster here than the union
    default graph: 87 against 439 ms on the 67 VOA stories' store)."""
    branches = []
    for k in range(1, depth + 1):
        nodes = [f"<{actor}>", *(f"?m{i}" for i in range(1, k)), "?ancestor"]
        lines = []
        for i in range(k):
            allowed = (_MEMBER + " " if i == 0 else "") + _PART + (" kg:ofState" if i == k - 1 else "")
            lines += [f"GRAPH ?g{i} {{ {nodes[i]} ?p{i} {nodes[i + 1]} }} VALUES ?p{i} {{ {allowed} }}",
                      f'FILTER(!STRSTARTS(STR(?g{i}), "{base}graph/inferred") '
                      f'&& !STRSTARTS(STR(?g{i}), "{base}graph/claims/"))',
                      f"OPTIONAL {{ GRAPH ?l{i} {{ {nodes[i + 1]} skos:prefLabel ?n{i} }} }}"]
        tail = ', " -> ", '.join(f"COALESCE(STR(?n{i}), STR({nodes[i + 1]}))" for i in range(k))
        lines += [f"BIND(?p{k - 1} AS ?last) BIND(?g{k - 1} AS ?glast) BIND({nodes[k - 1]} AS ?prev)",
                  f"BIND({'?p0' if k == 1 else 'kg:inferred'} AS ?relation) BIND(CONCAT({tail}) AS ?tail)"]
        branches.append("{ " + "\n    ".join(lines) + " }")
    return f"""PREFIX kg: <https://w3id.org/kgbuild/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?ancestor ?relation ?chain (GROUP_CONCAT(DISTINCT ?src; separator="+") AS ?source)
       (GROUP_CONCAT(DISTINCT ?sentence; separator=" | ") AS ?evidence)
WHERE {{
  {" UNION ".join(branches)}
  FILTER(?ancestor != <{actor}>)
  BIND(IF(STRSTARTS(STR(?glast), "{base}graph/kb"), "kb", "article") AS ?src)
  OPTIONAL {{ GRAPH ?glast {{ ?ev a kg:Evidence ; rdf:subject ?prev ; rdf:predicate ?last ; rdf:object ?ancestor ;
                               nif:anchorOf ?sentence }} }}
  OPTIONAL {{ GRAPH ?la {{ <{actor}> skos:prefLabel ?name }} }}
  BIND(CONCAT(COALESCE(STR(?name), "{actor}"), " -> ", ?tail) AS ?chain)
}}
GROUP BY ?ancestor ?relation ?chain
ORDER BY ?ancestor"""


def run(scale: str, out_dir: Path, only: set[str] | None = None) -> dict[str, Any]:
    """Every saved query (or those in ``only``): kgbuild vs raw pyoxigraph vs rdflib, p50/p95."""
    from kgbuild.query import list_saved, run_saved
    from kgbuild.query.params import resolve_actor
    from kgbuild.query.saved import as_backend
    from kgbuild.reason import reason
    from kgbuild.store import GraphStore

    s = SCALES[scale]
    repeats = s["repeats"]
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-queries-"))
    entries: dict[str, dict[str, Any]] = {}
    detail: dict[str, Any] = {"scale": scale, "machine": machine(), "queries": {}}
    try:
        started = time.perf_counter()
        with GraphStore.open(tmp / "kg") as graph_store:
            fill_store(graph_store, articles(article_count(s["graph_triples"])))
            detail["reason"] = reason(graph_store.store, engine="rules").summary()
            detail["triples"] = len(graph_store.store)
            nq = tmp / "all.nq"
            with nq.open("wb") as out:
                graph_store.export(out, fmt="nquads")
            detail["setup_seconds"] = round(time.perf_counter() - started, 1)
            # same handle (reopening the folder in this process can race with its compaction)
            captured: list[tuple[str, str, dict]] = []
            recorder = _Recorder(graph_store)
            for saved in list_saved():
                name = saved.name
                if only and name not in only:
                    continue
                kg_times, raw_times = [], []
                spent = 0.0
                sparql, subs = "", {}
                # kgbuild and raw pyoxigraph alternate, so a burst of load from other processes
                # on this shared machine falls on both sides of the ratio alike
                single, single_times = None, []  # issue 14's baseline for the chains: one query with their columns
                while len(kg_times) < repeats and (len(kg_times) < 2 or spent < BUDGET_S):
                    recorder.calls.clear()
                    t = time.perf_counter()
                    result = run_saved(graph_store, name, params=PARAMS.get(name))
                    kg_times.append(time.perf_counter() - t)
                    spent += kg_times[-1]
                    if not sparql:
                        text = saved.inferred_text if result.used_inferred else saved.text
                        head = text.split("WHERE", 1)[0]
                        sparql, subs = next(((q, sb) for q, sb in recorder.calls if q.startswith(head)),
                                            recorder.calls[-1])
                        extra = len(recorder.calls) - 1
                        sparql = with_order(sparql, text)
                        if name == "membership-chain":  # resolved after kgbuild's first (cold) run
                            actor = resolve_actor(as_backend(graph_store), PARAMS[name]["actor"])
                            single = chain_baseline(str(actor), graph_store.base)
                    t = time.perf_counter()
                    list(graph_store.store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None))
                    raw_times.append(time.perf_counter() - t)
                    if single is not None:
                        t = time.perf_counter()
                        list(graph_store.store.query(single, use_default_graph_as_union=True))
                        single_times.append(time.perf_counter() - t)
                captured.append((name, sparql, {k.value: _term_json(v) for k, v in subs.items()}))
                print(f"   {name}: {len(kg_times)} runs, p50 {statistics.median(kg_times):.3f} s", flush=True)
                kg50, kg95 = _pcts(kg_times)
                raw50, raw95 = _pcts(raw_times)
                detail["queries"][name] = {"rows": len(result.rows), "inferred": result.used_inferred,
                                           "kgbuild_p50": kg50, "kgbuild_p95": kg95, "raw_p50": raw50,
                                           "raw_p95": raw95, "extra_queries": extra,
                                           "runs": len(kg_times), "kgbuild_first": kg_times[0],
                                           "raw_first": raw_times[0]}
                if single is None:
                    entries[f"query_overhead:{name}"] = entry(
                        raw50 / kg50, round(1 / 1.2, 3), "raw pyoxigraph, same SPARQL and store (p50; >= 0.833 = "
                        "overhead <= 20%)", kgbuild_p50_ms=round(kg50 * 1e3, 2), raw_p50_ms=round(raw50 * 1e3, 2),
                        kgbuild_p95_ms=round(kg95 * 1e3, 2), raw_p95_ms=round(raw95 * 1e3, 2))
                else:
                    one50, _one95 = _pcts(single_times)
                    detail["queries"][name]["single_query_p50"] = one50
                    entries[f"query_overhead:{name}"] = entry(
                        one50 / kg50, round(1 / 1.2, 3), "the best single SPARQL query returning the same columns "
                        "(chains of up to 4 links with labels, sources and evidence: bench_queries.chain_baseline), "
                        "same store (p50; issue 14's baseline for this query)", kgbuild_p50_ms=round(kg50 * 1e3, 2),
                        single_query_p50_ms=round(one50 * 1e3, 2), raw_same_sparql_p50_ms=round(raw50 * 1e3, 2))

        if s["rdflib_triples"] < detail["triples"]:  # rdflib gets a smaller graph only in quick runs
            detail["rdflib_note"] = f"rdflib measured on the same graph (it is the comparison); {detail['triples']} triples"
        qpath = tmp / "queries.json"
        qpath.write_text(json.dumps(captured))
        child = run_child([sys.executable, "-c", _RDFLIB_CHILD, str(nq), str(qpath), str(s["rdflib_timeout"]),
                           str(1 if scale in ("medium", "full") else 2)], timeout=s["rdflib_timeout"] * (len(captured) + 2) * 3 + 600)
        lines = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
        detail["rdflib_load"] = lines[0] if lines else {"error": child.stderr[-1000:]}
        detail["rdflib_peak_rss_mb"] = round(child.peak_rss / 2**20)
        for line in lines[1:]:
            name, q = line["name"], detail["queries"][line["name"]]
            if line["times"] is None:
                q["rdflib"] = f"timeout after {s['rdflib_timeout']} s"
                ratio = s["rdflib_timeout"] / q["kgbuild_p50"]
                baseline = f"rdflib Dataset(default_union=True), did not finish in {s['rdflib_timeout']} s (ratio is a lower bound)"
            else:
                r50, r95 = _pcts(line["times"])
                q.update(rdflib_p50=r50, rdflib_p95=r95, rdflib_rows=line["rows"])
                ratio = r50 / q["kgbuild_p50"]
                baseline = "rdflib Dataset(default_union=True), same SPARQL (p50)"
            target = 10.0
            if "rdflib_p50" in q and q["rdflib_p50"] < FAST_RDFLIB_S:
                # where rdflib answers in under a second, a 10x ratio measures milliseconds of noise:
                # the target is an absolute budget instead (ratio = budget / kgbuild p50, met at >= 1)
                ratio, target = FAST_BUDGET_S / q["kgbuild_p50"], 1.0
                baseline = (f"a {FAST_BUDGET_S * 1e3:.0f} ms budget on the {detail['triples']}-triple graph "
                            f"(rdflib answers in {q['rdflib_p50'] * 1e3:.0f} ms, under {FAST_RDFLIB_S:.0f} s, so "
                            "the 10x target does not apply)")
            entries[f"query_vs_rdflib:{name}"] = entry(ratio, target, baseline,
                                                       kgbuild_p50_ms=round(q["kgbuild_p50"] * 1e3, 2),
                                                       rdflib_p50_ms=None if "rdflib_p50" not in q else round(q["rdflib_p50"] * 1e3, 1))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"entries": entries, "detail": detail}


def main() -> None:
    # --queries a,b runs a subset (to iterate on a few queries; the committed figures run them all)
    only = None
    if "--queries" in sys.argv:
        at = sys.argv.index("--queries")
        only = set(sys.argv[at + 1].split(","))
        del sys.argv[at:at + 2]
    script_main("queries" if only is None else "queries-subset",
                lambda scale, out_dir: run(scale, out_dir, only), doc=__doc__,
                title="queries ({scale}, {triples} triples)")

if __name__ == "__main__":
    main()
