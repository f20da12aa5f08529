"""Start real SPARQL servers for tests on free localhost ports, wait until ready, stop after.

Each helper is a context manager yielding a :class:`Server` (``url`` is the endpoint
base ``load`` takes, ``query_url`` answers SPARQL queries). When a server cannot be had
(binary, Java or jars missing) the helper raises :class:`Unavailable` with the reason;
fixtures turn that into ``pytest.skip(reason)``, printed by ``-ra``.

Prepare what they need with ``make test-servers`` (mk/servers.mk).
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Server", "Unavailable", "free_port", "wait_http", "oxigraph_server", "fuseki_server",
           "virtuoso_server", "chromium_binary", "ROOT", "MAVEN_CACHE", "write_sample_store", "BASE",
           "KG", "KB"]

ROOT = Path(__file__).resolve().parent.parent
MAVEN_CACHE = ROOT / ".cache" / "maven"


class Unavailable(RuntimeError):
    """The server cannot be started here; the message says why."""


@dataclass
class Server:
    kind: str
    url: str          # what `kgbuild load --endpoint` takes for this kind
    query_url: str    # SPARQL query endpoint
    process: subprocess.Popen[bytes] | None = None
    extra: dict[str, str] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, *, timeout: float = 60.0, process: subprocess.Popen[bytes] | None = None,
              ok: tuple[int, ...] = (200, 204, 400, 401, 404)) -> None:
    """Poll ``url`` until it answers with one of ``ok``; raise Unavailable on timeout/exit."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise Unavailable(f"server exited with code {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - localhost
                if resp.status in ok:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code in ok:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise Unavailable(f"{url} did not answer within {timeout:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def oxigraph_server(*, location: Path | None = None) -> Iterator[Server]:
    """``oxigraph serve --union-default-graph`` (in memory unless ``location``)."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.is_file():
        binary = Path(shutil.which("oxigraph") or "")
        if not binary.is_file():
            raise Unavailable("oxigraph server binary not found")
    port = free_port()
    cmd = [str(binary), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    if location is not None:
        cmd += ["--location", str(location)]
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # noqa: S603
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/query?query=ASK%7B%7D", timeout=30, process=process)
        yield Server(kind="oxigraph", url=base, query_url=base + "/query", process=process)
    finally:
        _stop(process)


def _java() -> str:
    java = shutil.which("java")
    if not java:
        raise Unavailable("java not found (Fuseki needs Java 17+)")
    return java


@contextlib.contextmanager
def fuseki_server(*, user: str | None = None, password: str | None = None,
                  tdb2: bool = True) -> Iterator[Server]:
    """Apache Jena Fuseki with dataset ``/ds``: a TDB2 dataset in a temporary folder with
    ``tdb2:unionDefaultGraph true`` (or in memory), optionally with HTTP Basic auth."""
    java = _java()
    if not list(MAVEN_CACHE.glob("jena-fuseki-main-*.jar")):
        raise Unavailable(f"Fuseki jars not in {MAVEN_CACHE} (run `make test-servers`)")
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-fuseki-"))
    cmd = [java, "-Xmx1g", "-cp", f"{MAVEN_CACHE}/*", "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
           "--port", str(port), "--localhost"]
    if tdb2:
        config = tmp / "config.ttl"
        config.write_text(_FUSEKI_CONFIG.format(db=tmp / "db"))
        cmd += ["--config", str(config)]
    if user is not None:
        passwd = tmp / "passwd"
        passwd.write_text(f"{user}: {password}\n")
        cmd += ["--passwd", str(passwd), "--auth=basic"]
    if not tdb2:
        cmd += ["--mem", "/ds"]  # the dataset name comes last
    log = open(tmp / "fuseki.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=tmp)  # noqa: S603
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(base + "/$/ping", timeout=60, process=process)
        yield Server(kind="fuseki", url=base + "/ds", query_url=base + "/ds/query", process=process,
                     extra={"log": str(tmp / "fuseki.log")})
    finally:
        _stop(process)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


_FUSEKI_CONFIG = """\
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
<#service> rdf:type fuseki:Service ;
    fuseki:name "ds" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
    fuseki:dataset <#dataset> .
<#dataset> rdf:type tdb2:DatasetTDB2 ;
    tdb2:location "{db}" ;
    tdb2:unionDefaultGraph true .
"""


@contextlib.contextmanager
def virtuoso_server(*, timeout: float = 60.0) -> Iterator[Server]:
    """Virtuoso Open Source (Debian) with its own database folder on loopback ports.
    ``url`` is ``/sparql``; ``extra`` has ``user``/``password`` (dba) for ``/sparql-auth``."""
    binary = shutil.which("virtuoso-t")
    if not binary:
        raise Unavailable("virtuoso-t not found (apt-get install virtuoso-opensource)")
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-virtuoso-"))
    sql_port, http_port = free_port(), free_port()
    vad = "/usr/share/virtuoso-opensource-7/vad"
    (tmp / "virtuoso.ini").write_text(_VIRTUOSO_INI.format(db=tmp, sql=sql_port, http=http_port, vad=vad))
    log = open(tmp / "stdout.log", "wb")  # noqa: SIM115
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(tmp / "virtuoso.ini")],  # noqa: S603
                               stdout=log, stderr=subprocess.STDOUT, cwd=tmp,
                               env={**os.environ, "HOME": str(tmp)})
    try:
        base = f"http://127.0.0.1:{http_port}"
        wait_http(base + "/sparql?query=ASK%7B%7D", timeout=timeout, process=process)
        yield Server(kind="virtuoso", url=base + "/sparql-auth", query_url=base + "/sparql",
                     process=process, extra={"user": "dba", "password": "dba", "base": base})
    finally:
        _stop(process)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 60
DirsAllowed = ., {db}, {vad}
VADInstallDir = {vad}/
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
MaxCheckpointRemap = 2000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
EnabledGzipContent = 1
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
DefaultGraph = 
"""


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise Unavailable("chromium not installed (apt-get install chromium; `make test-servers`)")


BASE = "https://w3id.org/kgbuild/id/"
KG = "https://w3id.org/kgbuild/ontology#"
KB = "https://w3id.org/kgbuild/kb/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def write_sample_store(path: Path, *, articles: int = 2) -> dict[str, int]:
    """A small kgbuild store (pyoxigraph) shaped per docs/graph-layout.md: ontology (with OWL
    blank nodes), kb, and per article a doc graph (an attack on the PMU) and a claims graph.
    Returns triples per graph."""
    import pyoxigraph as ox

    n = ox.NamedNode
    g_onto, g_kb = n(f"{BASE}graph/ontology"), n(f"{BASE}graph/kb")
    rdf_type = n(f"{_RDF}type")
    restriction = ox.BlankNode("r1")
    quads = [
        ox.Quad(n(f"{KG}Attack"), rdf_type, n("http://www.w3.org/2002/07/owl#Class"), g_onto),
        ox.Quad(n(f"{KG}Attack"), n("http://www.w3.org/2000/01/rdf-schema#subClassOf"), restriction, g_onto),
        ox.Quad(restriction, n("http://www.w3.org/2002/07/owl#onProperty"), n(f"{KG}target"), g_onto),
        ox.Quad(n(f"{KB}kataib-hezbollah"), rdf_type, n(f"{KG}ArmedGroup"), g_kb),
        ox.Quad(n(f"{KB}kataib-hezbollah"), n(f"{KG}subOrganizationOf"), n(f"{KB}popular-mobilization-forces"), g_kb),
        ox.Quad(n(f"{KB}popular-mobilization-forces"), n("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal("Popular Mobilization Forces", language="en"), g_kb),
    ]
    for i in range(1, articles + 1):
        doc, claims = n(f"{BASE}graph/doc/a{i}"), n(f"{BASE}graph/claims/a{i}")
        event, claim = n(f"{BASE}event/e{i}"), n(f"{BASE}claim/c{i}")
        quads += [
            ox.Quad(event, rdf_type, n(f"{KG}Attack"), doc),
            ox.Quad(event, n(f"{KG}agent"), n(f"{KB}USA"), doc),
            ox.Quad(event, n(f"{KG}target"), n(f"{KB}kataib-hezbollah"), doc),
            ox.Quad(event, n(f"{KG}date"), ox.Literal(f"2019-12-{28 + i}",
                    datatype=n("http://www.w3.org/2001/XMLSchema#date")), doc),
            ox.Quad(n(f"{BASE}article/a{i}"), n("http://purl.org/dc/terms/title"),
                    ox.Literal(f"US strikes Kata'ib Hezbollah \"{i}\" — Iraq"), doc),
            ox.Quad(claim, rdf_type, n(f"{KG}Claim"), claims),
            ox.Quad(claim, n(f"{_RDF}subject"), n(f"{KB}kataib-hezbollah"), claims),
            ox.Quad(claim, n(f"{_RDF}predicate"), n(f"{KG}ofState"), claims),
            ox.Quad(claim, n(f"{_RDF}object"), n(f"{KB}IRN"), claims),
            ox.Quad(claim, n("http://www.w3.org/ns/prov#wasAttributedTo"), n(f"{KB}USA"), claims),
        ]
    store = ox.Store(str(path))
    store.extend(quads)
    store.flush()
    counts: dict[str, int] = {}
    for q in quads:
        counts[q.graph_name.value] = counts.get(q.graph_name.value, 0) + 1
    del store
    return counts
