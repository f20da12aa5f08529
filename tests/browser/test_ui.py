"""The page of ``kgbuild serve``, driven in headless Chromium over the DevTools protocol, over
the examples store: pick a saved query, fill its parameter, click Run and read the rows off
the screen; a bad parameter shows its one-line error; click an event's IRI and read its
evidence sentence; the SPARQL editor comes with the project's prefixes; Oxigraph's YASGUI
still runs a query under /yasgui/."""
from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from cdp import CDP  # noqa: E402
from servers import BASE, KB, KG, Unavailable, chromium_binary, free_port  # noqa: E402

from kgbuild.namespace import prefixes  # noqa: E402
from kgbuild.query import run_saved  # noqa: E402
from kgbuild.serve import start_server  # noqa: E402
from kgbuild.store import GraphStore  # noqa: E402

pytestmark = pytest.mark.server

TIMEOUT = 30.0  # a hang guard, not a speed test


class Page:
    """One Chromium tab: go to a URL, evaluate JavaScript, wait for a condition."""

    def __init__(self, cdp: CDP) -> None:
        self.cdp = cdp

    def goto(self, url: str) -> None:
        self.cdp.call("Page.navigate", url=url)
        self.wait(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def js(self, expression: str) -> Any:
        return self.cdp.evaluate(expression)

    def wait(self, expression: str, *, timeout: float = TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(expression)
            if value:
                return value
            assert time.monotonic() < deadline, f"not true within {timeout:.0f} s: {expression}"
            time.sleep(0.1)

    def text(self, selector: str) -> str:
        return self.js(f"(document.querySelector({json.dumps(selector)}) || {{innerText: ''}}).innerText") or ""

    def click(self, selector: str) -> None:
        assert self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                       "if (!e) return false; e.click(); return true; })()"), selector

    def fill(self, selector: str, value: str) -> None:
        assert self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                       f"if (!e) return false; e.value = {json.dumps(value)}; return true; }})()"), selector


@pytest.fixture(scope="module")
def served(built_store: Path) -> Iterator[Any]:
    with start_server(built_store, port=free_port()) as server:
        yield server


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    try:
        chromium = chromium_binary()
    except Unavailable as exc:
        pytest.skip(str(exc))
    profile = tempfile.mkdtemp(prefix="kgbuild-chromium-")
    port = free_port()
    browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                "--disable-sync", f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ws = None
        deadline = time.monotonic() + TIMEOUT
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
            yield Page(cdp)
        finally:
            cdp.close()
    finally:
        browser.terminate()
        browser.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


def _open(page: Page, served: Any, query: str) -> None:
    page.goto(served.url)
    page.wait("document.body.dataset.ready === 'true'")
    page.click(f"#queries button[data-name='{query}']")
    page.wait(f"document.querySelector('#query-title').innerText !== '' && "
              f"document.querySelector('#queries button.selected').dataset.name === '{query}'")


def _on_store(store_path: Path, name: str, **params: str) -> Any:
    """The saved query's answer on the store itself, what the page must show."""
    with GraphStore.open_read_only(store_path) as store:
        result = run_saved(store, name, params=params)
    gc.collect()  # here: pyoxigraph refuses to free its objects in the server's threads
    return result


def _rows(page: Page) -> list[list[str]]:
    return page.js("[...document.querySelectorAll('#results tbody tr')]"
                   ".map(tr => [...tr.children].map(td => td.innerText))")


def test_run_a_saved_query_with_a_parameter(page: Page, served: Any, built_store: Path) -> None:
    expected = _on_store(built_store, "membership-chain", actor="Kataib Hezbollah")
    _open(page, served, "membership-chain")
    assert page.js("[...document.querySelectorAll('#params input')].map(i => i.name)") == ["actor", "as_of"]
    page.fill("#param-actor", "Kataib Hezbollah")
    page.click("#run")
    page.wait("document.querySelectorAll('#results tbody tr').length > 0")
    header = page.js("[...document.querySelectorAll('#results th')].map(th => th.innerText)")
    assert header == expected.columns
    rows = _rows(page)
    ancestor, chain = header.index("ancestor"), header.index("chain")
    # IRIs are shown with the project's prefixes (kb:...), other cells as they are
    assert sorted((r[ancestor], r[chain]) for r in rows) == sorted(
        ("kb:" + row["ancestor"].removeprefix(KB), row["chain"]) for row in expected.rows)
    assert page.text("#status").startswith(f"{len(expected.rows)} rows in ")


def test_an_event_type_is_picked_from_a_list(page: Page, served: Any, built_store: Path) -> None:
    expected = _on_store(built_store, "events-by-actor", actor="USA", event_type="Attack")
    _open(page, served, "events-by-actor")
    options = page.js("[...document.querySelectorAll('#param-event_type option')].map(o => o.value)")
    assert options[0] == "" and "Attack" in options and "Protest" in options
    page.fill("#param-actor", "USA")
    page.fill("#param-event_type", "Attack")
    page.click("#run")
    page.wait(f"document.querySelector('#status').innerText.startsWith('{len(expected.rows)} row')")
    header = page.js("[...document.querySelectorAll('#results th')].map(th => th.innerText)")
    events = [r[header.index("event")] for r in _rows(page)]
    assert sorted(events) == sorted("id:" + r["event"].removeprefix(BASE) for r in expected.rows)
    assert expected.rows and {r["type_name"] for r in expected.rows} == {"Attack"}


def test_a_bad_parameter_shows_its_error(page: Page, served: Any) -> None:
    _open(page, served, "membership-chain")
    page.fill("#param-actor", "Nobody At All")
    page.click("#run")
    message = page.wait("!document.querySelector('#error').hidden && document.querySelector('#error').innerText")
    assert message.startswith("parameter actor: unknown actor 'Nobody At All'")
    assert not _rows(page)


def test_click_an_event_to_read_its_evidence(page: Page, served: Any, built_store: Path) -> None:
    attack = _on_store(built_store, "attacks-on-state-affiliated-forces", as_of="2019-12-29").rows[0]
    _open(page, served, "attacks-on-state-affiliated-forces")
    page.fill("#param-as_of", "2019-12-29")
    page.click("#run")
    page.wait("document.querySelectorAll('#results tbody tr').length > 0")
    page.click(f"#results a.iri[data-iri={json.dumps(attack['event'])}]")
    page.wait("document.querySelectorAll('#describe .evidence').length > 0")
    described = page.text("#describe")
    assert attack["evidence"] in described
    assert attack["event"] in described
    # the article the sentence comes from is a link that describes the article in turn
    assert page.js(f"!!document.querySelector('#describe .evidence a.iri[data-iri={json.dumps(attack['article'])}]')")


def test_the_sparql_editor_has_the_prefixes(page: Page, served: Any) -> None:
    page.goto(served.url)
    page.wait("document.body.dataset.ready === 'true'")
    editor = page.js("document.querySelector('#editor').value")
    for prefix, namespace in prefixes().items():
        assert f"PREFIX {prefix}: <{namespace}>" in editor
    page.js("document.querySelector('#editor-box').open = true")
    page.fill("#editor", editor.split("SELECT")[0] + "SELECT ?target WHERE { ?e a kg:Attack ; kg:target ?target } LIMIT 1")
    page.click("#run-sparql")
    page.wait("document.querySelectorAll('#results tbody tr').length === 1")
    assert _rows(page)[0][0].startswith(("kb:", "id:"))


def test_yasgui_still_runs_a_query(page: Page, served: Any) -> None:
    page.goto(served.yasgui_url)
    page.wait("!!document.querySelector('.CodeMirror')")
    query = f"SELECT ?event ?target WHERE {{ ?event a <{KG}Attack> ; <{KG}target> ?target }} LIMIT 5"
    page.js(f"document.querySelector('.CodeMirror').CodeMirror.setValue({json.dumps(query)})")
    page.click(".yasqe_queryButton")
    text = page.wait("(document.querySelector('.yasr') || {innerText: ''}).innerText.includes('/event/') && "
                     "document.querySelector('.yasr').innerText")
    assert "/event/" in text
