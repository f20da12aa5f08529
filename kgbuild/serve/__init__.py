"""Serve a kgbuild store: a page that knows kgbuild and a real SPARQL 1.1 endpoint.

The SPARQL endpoint is the Oxigraph server, run as a child process on a free local port;
in front of it a small Python HTTP server (:mod:`kgbuild.serve.front`) serves the page (the
saved queries with their parameters, the project's prefixes, results whose IRIs open a
description) and its JSON API, and passes every other request (``/query``, ``/update``,
``/store``, ``/sparql``, Oxigraph's YASGUI under ``/yasgui/``) to the child unchanged.

Read-only by default, the child runs over a *snapshot* of the store (a RocksDB checkpoint
made with :meth:`pyoxigraph.Store.backup`, hard links where possible, removed when the server
stops), so ``kgbuild build``, ``query`` and ``export`` keep working on the store meanwhile.
With ``writable=True`` the store folder itself is served while this process holds kgbuild's
exclusive writer lock (other writers wait or refuse; changes persist).
Queries see the union of all named graphs (``--union-default-graph``).

>>> start_server  # doctest: +ELLIPSIS
<function start_server at ...>
"""
from __future__ import annotations

import contextlib
import fcntl
import gc
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import ServeError, StoreError
from ..namespace import DEFAULT_BASE
from ..signals import held_stops
from ..store import LOCK_NAME, GraphStore

__all__ = ["ServerHandle", "start_server", "oxigraph_binary", "check_port_free", "LOCAL_HOSTS"]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
READY_TIMEOUT = 30.0
PROXY_QUERY_TIMEOUT = 120.0  # the page's queries on the child


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary: next to this Python (venv) first, then on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise ServeError("the `oxigraph` server binary was not found (pip install oxigraph)")
    return found


def check_port_free(host: str, port: int) -> None:
    """:raises ServeError: something already listens on ``host:port`` (or it cannot be bound)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        if probe.connect_ex((host.strip("[]"), port)) == 0:
            raise ServeError(f"port {port} on {host} is already in use; choose another with --port")
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


@dataclass
class ServerHandle:
    """A running ``kgbuild serve``: the front (page, API, proxy) on ``host:port`` and the
    Oxigraph child behind it (``process``, on ``child_port``). A context manager: leaving it
    stops both and removes the snapshot."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    writable: bool
    location: Path
    child_port: int = 0
    _front: Any = field(default=None, repr=False)
    _cleanup: list[Any] = field(default_factory=list, repr=False)

    @property
    def url(self) -> str:
        """The page that knows kgbuild (saved queries, prefixes, IRI descriptions)."""
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"http://{host}:{self.port}/"

    @property
    def query_url(self) -> str:
        return self.url + "query"

    @property
    def update_url(self) -> str:
        return self.url + "update"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return self.url + "store"

    @property
    def yasgui_url(self) -> str:
        """Oxigraph's own query page (YASGUI)."""
        return self.url + "yasgui/"

    @property
    def child_url(self) -> str:
        """The Oxigraph child itself (local only)."""
        return f"http://127.0.0.1:{self.child_port}/"

    def wait(self) -> int:
        """Block until the Oxigraph child exits; its exit code."""
        return self.process.wait()

    def stop(self) -> None:
        """Close the front, terminate the child (then kill it after 10 s) and remove the
        snapshot. Idempotent."""
        if self._front is not None:
            front, self._front = self._front, None
            front.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        while self._cleanup:
            action = self._cleanup.pop()
            with contextlib.suppress(OSError):
                action()

    def __enter__(self) -> ServerHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(store_path: Path | str, *, host: str = "127.0.0.1", port: int = 7878,
                 writable: bool = False, timeout: float = READY_TIMEOUT, base: str = DEFAULT_BASE) -> ServerHandle:
    """Start the Oxigraph server over the store at ``store_path`` behind the front on
    ``host:port``, and wait until both answer. ``base`` is the store's build base.

    :raises ServeError: the port is taken, the binary is missing, or the server did not start.
    :raises StoreError: no store at ``store_path``, or (``writable``) another process writes it.
    """
    from ..query.remote import Endpoint
    from .front import Front

    store_path = Path(store_path)
    check_port_free(host, port)
    binary = oxigraph_binary()
    front = Front(host=host.strip("[]"), port=port, base=base, store_name=str(store_path))
    cleanup: list[Any] = [front.stop]
    try:
        if writable:
            location = store_path
            lock = _writer_lock(store_path)
            cleanup.append(lock.close)
            mode = "serve"
        else:
            location = _snapshot(store_path, cleanup)
            mode = "serve-read-only"
        child_port = _free_local_port()
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by cleanup
        cleanup.append(log.close)
        with held_stops() as held:  # a stop while the server starts waits until it can be stopped
            process = subprocess.Popen(  # noqa: S603 - fixed binary, no shell
                [binary, mode, "--location", str(location), "--bind", f"127.0.0.1:{child_port}",
                 "--union-default-graph"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)  # Ctrl-C reaches us, and we stop the child cleanly
    except BaseException:
        for action in reversed(cleanup):
            with contextlib.suppress(OSError):
                action()
        raise
    handle = ServerHandle(process=process, host=host.strip("[]"), port=port, writable=writable,
                          location=location, child_port=child_port, _cleanup=cleanup)
    try:
        held.release()
        _wait_ready(handle, log, timeout=timeout)
        # pyoxigraph objects of this thread (the snapshot's) must not be collected in the front's
        # threads: pyoxigraph refuses to drop them there ("unsendable")
        gc.collect()
        endpoint = Endpoint(handle.child_url + "query", kind="oxigraph", base=base, timeout=PROXY_QUERY_TIMEOUT)
        front.start(target=endpoint, child=("127.0.0.1", child_port), server_header=_server_header(child_port))
        handle._front = front
        cleanup.remove(front.stop)
    except BaseException:
        handle.stop()
        raise
    return handle


def _free_local_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_header(child_port: int) -> str:
    """The child's ``Server`` header (``Oxigraph/0.5.13``), which the front repeats."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", child_port, timeout=5)
    try:
        conn.request("HEAD", "/")
        return conn.getresponse().getheader("Server") or ""
    except OSError:
        return ""
    finally:
        conn.close()


def _snapshot(store_path: Path, cleanup: list[Any]) -> Path:
    tmp = Path(tempfile.mkdtemp(prefix=".kgbuild-serve-", dir=_snapshot_parent(store_path)))
    cleanup.append(lambda: shutil.rmtree(tmp, ignore_errors=True))
    target = tmp / "snapshot"
    with GraphStore.open_read_only(store_path) as store:
        store.snapshot(target)
    return target


def _snapshot_parent(store_path: Path) -> str | None:
    """Beside the store when possible (same file system: the checkpoint uses hard links)."""
    parent = store_path.resolve().parent
    probe = parent / ".kgbuild-probe"
    try:
        probe.mkdir()
        probe.rmdir()
        return str(parent)
    except OSError:
        return None


def _writer_lock(store_path: Path) -> IO[Any]:
    if not store_path.is_dir() or not any(store_path.iterdir()):
        raise StoreError(f"{store_path}: no kgbuild store here (run `kgbuild build` first)")
    handle = open(store_path / LOCK_NAME, "a+")  # noqa: SIM115 - held while serving
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StoreError(f"{store_path}: another kgbuild process is using this store; "
                         "serve it read-only (a snapshot) or try again later") from None
    return handle


def _wait_ready(handle: ServerHandle, log: IO[bytes], *, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if handle.process.poll() is not None:
            log.seek(0)
            lines = [ln for ln in log.read().decode(errors="replace").splitlines() if ln.strip()]
            last = lines[-1].strip() if lines else f"exit code {handle.process.returncode}"
            raise ServeError(f"oxigraph server did not start: {last}")
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", handle.child_port)) == 0:
                return
        time.sleep(0.05)
    raise ServeError(f"oxigraph server did not answer on 127.0.0.1:{handle.child_port} within {timeout:.0f} s")
