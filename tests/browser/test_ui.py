"""The Oxigraph query UI (YASGUI) of ``kgbuild serve``, driven in headless Chromium over the
DevTools protocol: type a saved-query-like SELECT of an attack's target, run it, read the page."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from cdp import CDP  # noqa: E402
from servers import KG, Unavailable, chromium_binary, free_port, write_sample_store  # noqa: E402

from kgbuild.serve import start_server  # noqa: E402

pytestmark = pytest.mark.server

QUERY = (f"SELECT ?event ?target WHERE {{ ?event a <{KG}Attack> ; <{KG}target> ?target }}")


def test_ui_runs_a_query(tmp_path: Path) -> None:
    try:
        chromium = chromium_binary()
    except Unavailable as exc:
        pytest.skip(str(exc))
    write_sample_store(tmp_path / "kg")
    profile = tempfile.mkdtemp(prefix="kgbuild-chromium-")
    port = free_port()
    with start_server(tmp_path / "kg", port=free_port()) as server:
        browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                    "--no-first-run", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                                    f"--remote-debugging-port={port}", server.url],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            ws = None
            deadline = time.monotonic() + 30
            while ws is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as resp:  # noqa: S310
                        pages = [p for p in json.load(resp) if p.get("type") == "page"]
                    ws = pages[0]["webSocketDebuggerUrl"] if pages else None
                except OSError:
                    pass
                time.sleep(0.2)
            assert ws, "chromium DevTools endpoint did not come up"
            cdp = CDP(ws)
            try:
                text = ""
                while time.monotonic() < deadline and not cdp.evaluate("!!document.querySelector('.CodeMirror')"):
                    time.sleep(0.2)
                cdp.evaluate(f"document.querySelector('.CodeMirror').CodeMirror.setValue({json.dumps(QUERY)})")
                cdp.evaluate("document.querySelector('.yasqe_queryButton').click()")
                while time.monotonic() < deadline:
                    text = cdp.evaluate("document.querySelector('.yasr') ? document.querySelector('.yasr').innerText : ''") or ""
                    if "kataib-hezbollah" in text:
                        break
                    time.sleep(0.2)
                assert "kataib-hezbollah" in text, text[:500]
            finally:
                cdp.close()
        finally:
            browser.terminate()
            browser.wait(timeout=10)
            shutil.rmtree(profile, ignore_errors=True)
