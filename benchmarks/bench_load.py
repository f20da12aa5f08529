"""Load throughput: ``load_store`` into an empty Oxigraph server vs ``curl --data-binary`` of
the same N-Quads, in one run. Prints the ratio; writes benchmarks/results/load.json.

    .venv/bin/python benchmarks/bench_load.py [--quads 200000]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from servers import BASE, KB, KG, oxigraph_server  # noqa: E402

from kgbuild.load import load_store  # noqa: E402
from kgbuild.store import GraphStore  # noqa: E402


def synthetic(n: int) -> list[ox.Quad]:
    """~n quads shaped like our graphs: per article a doc graph (events, mentions, evidence)
    and a claims graph, 25 quads per article."""
    out: list[ox.Quad] = []
    nn = ox.NamedNode
    rdf_type = nn("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for a in range(n // 25):
        doc, claims = nn(f"{BASE}graph/doc/a{a}"), nn(f"{BASE}graph/claims/a{a}")
        ev, ment, evid = nn(f"{BASE}event/{a:08x}"), nn(f"{BASE}mention/{a:08x}"), nn(f"{BASE}evidence/{a:08x}")
        art = nn(f"{BASE}article/a{a}")
        for s, p, o in [
            (art, rdf_type, nn(f"{KG}Article")), (art, nn("http://purl.org/dc/terms/title"), ox.Literal(f"Article {a}")),
            (art, nn("http://purl.org/dc/terms/date"), ox.Literal("2020-01-03", datatype=nn("http://www.w3.org/2001/XMLSchema#date"))),
            (ev, rdf_type, nn(f"{KG}Attack")), (ev, nn(f"{KG}agent"), nn(f"{KB}USA")),
            (ev, nn(f"{KG}target"), nn(f"{KB}actor{a % 50}")), (ev, nn(f"{KG}trigger"), ment),
            (ev, nn(f"{KG}sourceArticle"), art), (ment, rdf_type, nn(f"{KG}Mention")),
            (ment, nn(f"{KG}denotes"), ev), (ment, nn(f"{KG}beginIndex"), ox.Literal(str(a % 900), datatype=nn("http://www.w3.org/2001/XMLSchema#integer"))),
            (ment, nn(f"{KG}endIndex"), ox.Literal(str(a % 900 + 7), datatype=nn("http://www.w3.org/2001/XMLSchema#integer"))),
            (ment, nn(f"{KG}anchorOf"), ox.Literal("strikes")), (evid, rdf_type, nn(f"{KG}Evidence")),
            (evid, nn(f"{KG}subject"), ev), (evid, nn(f"{KG}object"), nn(f"{KB}actor{a % 50}")),
            (evid, nn(f"{KG}anchorOf"), ox.Literal(f"US strikes actor {a % 50} near Baghdad, officials said."))]:
            out.append(ox.Quad(s, p, o, doc))
        cl = nn(f"{BASE}claim/{a:08x}")
        for s, p, o in [(cl, rdf_type, nn(f"{KG}Claim")), (cl, nn(f"{KG}subject"), nn(f"{KB}actor{a % 50}")),
                        (cl, nn(f"{KG}predicate"), nn(f"{KG}ofState")), (cl, nn(f"{KG}object"), nn(f"{KB}IRN")),
                        (cl, nn("http://www.w3.org/ns/prov#wasAttributedTo"), nn(f"{KB}USA")),
                        (cl, nn(f"{KG}sourceArticle"), art), (cl, nn(f"{KG}anchorOf"), ox.Literal(f"claim {a}")),
                        (cl, nn(f"{KG}beginIndex"), ox.Literal(str(a), datatype=nn("http://www.w3.org/2001/XMLSchema#integer")))]:
            out.append(ox.Quad(s, p, o, claims))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quads", type=int, default=200_000)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-"))
    quads = synthetic(args.quads)
    with GraphStore.open(tmp / "kg") as store:
        store.store.bulk_extend(quads)
    nq = tmp / "all.nq"
    with GraphStore.open_read_only(tmp / "kg") as store, nq.open("wb") as out:
        store.export(out, fmt="nquads")
        n = store.count()
        with oxigraph_server() as server:
            t = time.perf_counter()
            subprocess.run(["curl", "-sf", "--data-binary", f"@{nq}", "-H", "Content-Type: application/n-quads",
                            server.url + "/store"], check=True)
            curl_s = time.perf_counter() - t
        with oxigraph_server() as server:
            report = load_store(store, endpoint=server.url, kind="oxigraph")
    result = {"quads": n, "graphs": len(report.graphs), "method": report.method,
              "curl_seconds": round(curl_s, 3), "curl_triples_per_s": round(n / curl_s),
              "load_seconds": round(report.seconds, 3), "load_triples_per_s": round(report.triples_per_second),
              "ratio_load_over_curl": round(report.triples_per_second / (n / curl_s), 3),
              "note": "load_store time includes counting before and verifying counts after"}
    out_path = Path(__file__).resolve().parent / "results" / "load.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{n} quads in {len(report.graphs)} graphs: curl {result['curl_triples_per_s']:,} t/s, "
          f"load_store {result['load_triples_per_s']:,} t/s ({report.method}); "
          f"ratio load/curl = {result['ratio_load_over_curl']}")


if __name__ == "__main__":
    main()
