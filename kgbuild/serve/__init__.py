"""Serve a kgbuild store as a real SPARQL 1.1 endpoint with the Oxigraph server.

Read-only by default, the server runs over a *snapshot* of the store (a RocksDB checkpoint
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
from ..store import LOCK_NAME, GraphStore

__all__ = ["ServerHandle", "start_server", "oxigraph_binary", "check_port_free", "LOCAL_HOSTS"]

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
READY_TIMEOUT = 30.0


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
    """A running Oxigraph server. A context manager: leaving it stops the server."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    writable: bool
    location: Path
    _cleanup: list[Any] = field(default_factory=list, repr=False)

    @property
    def url(self) -> str:
        """The query UI (YASGUI)."""
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

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        return self.process.wait()

    def stop(self) -> None:
        """Terminate the server (then kill it after 10 s) and remove the snapshot. Idempotent."""
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
                 writable: bool = False, timeout: float = READY_TIMEOUT) -> ServerHandle:
    """Start the Oxigraph server over the store at ``store_path`` and wait until it answers.

    :raises ServeError: the port is taken, the binary is missing, or the server did not start.
    :raises StoreError: no store at ``store_path``, or (``writable``) another process writes it.
    """
    store_path = Path(store_path)
    check_port_free(host, port)
    binary = oxigraph_binary()
    cleanup: list[Any] = []
    try:
        if writable:
            location = store_path
            lock = _writer_lock(store_path)
            cleanup.append(lock.close)
            mode = "serve"
        else:
            location = _snapshot(store_path, cleanup)
            mode = "serve-read-only"
        bind = f"[{host.strip('[]')}]:{port}" if ":" in host.strip("[]") else f"{host}:{port}"
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by cleanup
        cleanup.append(log.close)
        process = subprocess.Popen(  # noqa: S603 - fixed binary, no shell
            [binary, mode, "--location", str(location), "--bind", bind, "--union-default-graph"],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)  # Ctrl-C reaches us, and we stop the child cleanly
    except BaseException:
        for action in reversed(cleanup):
            with contextlib.suppress(OSError):
                action()
        raise
    handle = ServerHandle(process=process, host=host.strip("[]"), port=port, writable=writable,
                          location=location, _cleanup=cleanup)
    try:
        _wait_ready(handle, log, timeout=timeout)
    except BaseException:
        handle.stop()
        raise
    return handle


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
        with socket.socket(socket.AF_INET6 if ":" in handle.host else socket.AF_INET) as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((handle.host, handle.port)) == 0:
                return
        time.sleep(0.05)
    raise ServeError(f"oxigraph server did not answer on {handle.host}:{handle.port} within {timeout:.0f} s")
