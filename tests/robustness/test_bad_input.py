"""Bad input: every broken file or record is one line naming it; the rest of the batch is built;
the exit code is non-zero; the summary counts the failures."""
from __future__ import annotations

import codecs
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from click.testing import Result
from pyoxigraph import Literal

from kgbuild.store import GraphStore

from .conftest import GOOD, patch_build, run_cli, show

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64
GERMAN = ("Die Armee hat am Sonntag eine Basis im Norden des Landes angegriffen, sagte ein Sprecher "
          "der Regierung. Nach Angaben der Behörden wurden mehrere Menschen getötet und verletzt.\n")
UNICODE = "Iraqi forces in Mosul said the café near the Tigris was hit; the army's spokesman spoke.\n"


def _records() -> str:
    good = {"id": "rec-good", "title": "Strike", "text": GOOD, "published": "2019-12-29"}
    lines = [
        json.dumps(good),
        '{"id": "rec-broken", "text": "unterminated',                                  # line 2
        json.dumps({"id": "rec-notext", "title": "No text"}),                           # line 3
        json.dumps({"id": "rec-good", "text": GOOD}),                                   # line 4: duplicate id
        '{"id": "rec-control", "text": "US troops\\u0000 attacked\\u0007 Kata\'ib Hezbollah'
        ' \\ud800in Baghdad\\udfff on Sunday. The army said it was a response."}',     # line 5
        json.dumps({"id": "rec-future", "text": GOOD, "published": "9999-01-01"}),     # line 6
        json.dumps({"id": "rec-ancient", "text": GOOD, "published": "0001-01-01"}),    # line 7
        json.dumps({"id": "rec-garbage-date", "text": GOOD, "published": "the day after"}),  # line 8
        "[1, 2, 3]",                                                                    # line 9
        json.dumps({"id": "good", "text": GOOD}),                                       # line 10: clashes with good.txt
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory, extractor, _kb_cache) -> tuple[Result, Path, Path]:  # noqa: ANN001
    """One build over a folder holding every kind of bad input next to good ones."""
    root = tmp_path_factory.mktemp("bad-input")
    src = root / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b"  \n\t\n")
    (src / "image.txt").write_bytes(PNG)
    (src / "latin1.txt").write_bytes(UNICODE.encode("latin-1"))
    (src / "utf16bom.txt").write_bytes(UNICODE.encode("utf-16"))
    (src / "utf16le.txt").write_bytes(UNICODE.encode("utf-16-le"))
    (src / "utf16be.txt").write_bytes(UNICODE.encode("utf-16-be"))
    (src / "utf8bom.txt").write_bytes(codecs.BOM_UTF8 + UNICODE.encode())
    (src / "mixed.txt").write_bytes(b"Title line\r\n\r\nUS troops attacked Kata'ib Hezbollah.\rThe army said so."
                                    b"\n\nA third paragraph.\r\n")
    (src / "nomain.html").write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
                                     "</nav><script>var x = 1;</script></body></html>")
    (src / "german.txt").write_text(GERMAN)
    (src / "records.jsonl").write_text(_records())
    (src / "folder.txt").mkdir()  # a directory where a file is expected
    store = root / "kg"
    with pytest.MonkeyPatch.context() as mp:
        patch_build(mp, extractor, _kb_cache)
        result = run_cli(["build", str(src), str(src / "folder.txt"), str(src / "missing.txt"),
                          "--store", str(store), "--no-reason", "--quiet"])
    return result, src, store


def _errors(result: Result) -> dict[str, str]:
    out = {}
    for line in result.stderr.splitlines():
        if line.startswith("error: "):
            source, _, message = line[len("error: "):].partition(": ")
            out[source] = message
    return out


def _stored(store: Path) -> dict[str, str]:
    """article id -> stored text (nif:isString)."""
    with GraphStore.open_read_only(store) as gs:
        rows = gs.query("SELECT ?id ?t WHERE { ?a <http://purl.org/dc/terms/identifier> ?id ; "
                        "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }")
        return {r["id"].value: r["t"].value for r in rows}


def test_batch_exits_non_zero_and_summarises(batch) -> None:  # noqa: ANN001
    result, _, _ = batch
    assert result.exit_code == 1, show(result)
    assert "failed" in result.stdout, show(result)
    assert result.exception is None or isinstance(result.exception, SystemExit), show(result)


@pytest.mark.parametrize(("name", "needle"), [
    ("missing.txt", "no such file"),
    ("folder.txt", "folder holds no"),
    ("empty.txt", "empty"),
    ("blank.txt", "empty"),
    ("image.txt", "not a text file (looks like a PNG image)"),
    ("nomain.html", "no main text"),
    ("records.jsonl:2", "malformed JSON"),
    ("records.jsonl:3", "missing or empty 'text'"),
    ("records.jsonl:4", "duplicate article id 'rec-good'"),
    ("records.jsonl:9", "must be a JSON object"),
    ("records.jsonl:10", "duplicate article id 'good'"),
])
def test_bad_file_is_one_named_line(batch, name: str, needle: str) -> None:  # noqa: ANN001
    result, src, _ = batch
    errors = _errors(result)
    key = next((k for k in errors if k.endswith(name) or k == str(src / name)), None)
    assert key is not None, f"no error line for {name}\n{show(result)}"
    assert needle in errors[key], show(result)
    assert all("\n" not in m and "Traceback" not in m for m in errors.values()), show(result)


def test_rest_of_batch_built(batch) -> None:  # noqa: ANN001
    result, _, store = batch
    built = set(_stored(store))
    expected = {"good", "latin1", "utf16bom", "utf16le", "utf16be", "utf8bom", "mixed", "german",
                "rec-good", "rec-control", "rec-future", "rec-ancient", "rec-garbage-date"}
    assert expected <= built, f"missing {expected - built}\n{show(result)}"
    assert not built & {"empty", "blank", "image", "nomain", "rec-broken", "rec-notext"}, built


@pytest.mark.parametrize("article", ["latin1", "utf16bom", "utf16le", "utf16be", "utf8bom"])
def test_encodings_decoded(batch, article: str) -> None:  # noqa: ANN001
    _, _, store = batch
    assert _stored(store)[article] == UNICODE.rstrip("\n") or _stored(store)[article] == UNICODE


def test_mixed_line_endings_normalised(batch) -> None:  # noqa: ANN001
    text = _stored(batch[2])["mixed"]
    assert "\r" not in text and "Kata'ib Hezbollah.\nThe army" in text


def test_control_characters_and_surrogates_dropped(batch) -> None:  # noqa: ANN001
    text = _stored(batch[2])["rec-control"]
    assert text.startswith("US troops attacked Kata'ib Hezbollah in Baghdad on Sunday.")
    assert not any(ord(c) < 32 and c != "\n" or 0xD800 <= ord(c) <= 0xDFFF for c in text)


def test_other_language_built_with_warning(batch) -> None:  # noqa: ANN001
    result, _, store = batch
    assert "german" in _stored(store)
    assert any("german.txt" in line and "does not look like English" in line
               for line in result.stderr.splitlines() if line.startswith("warning: ")), show(result)


@pytest.mark.parametrize(("record", "needle"), [
    ("rec-future", "implausible publication date 9999-01-01"),
    ("rec-ancient", "implausible publication date 0001-01-01"),
    ("rec-garbage-date", "unreadable publication date"),
])
def test_absurd_dates_ignored_with_warning(batch, record: str, needle: str) -> None:  # noqa: ANN001
    result, _, store = batch
    assert needle in result.stderr, show(result)
    with GraphStore.open_read_only(store) as gs:
        dates = list(gs.query(f"SELECT ?d WHERE {{ ?a <http://purl.org/dc/terms/identifier> {Literal(record)} ; "
                              "<http://purl.org/dc/terms/date> ?d }"))
    assert dates == [], dates


def test_unreadable_file_as_non_root(tmp_path: Path) -> None:
    """Root reads through mode 000, so the read runs in a child that drops to uid 65534.

    A mode-000 file gives "permission denied"; a file inside a folder the user cannot enter
    gives the same one-line failure instead of a crash of the whole batch.
    """
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to uid 65534 (as a normal user, mode 000 is tested by chmod alone)")
    open_dir = Path(tempfile.mkdtemp(prefix="kgbuild-perm-"))
    try:
        open_dir.chmod(0o755)
        secret = open_dir / "secret.txt"
        secret.write_text(GOOD)
        secret.chmod(0)
        closed = open_dir / "closed"
        closed.mkdir(mode=0o700)
        hidden = closed / "hidden.txt"
        hidden.write_text(GOOD)
        readable = open_dir / "ok.txt"
        readable.write_text(GOOD)
        readable.chmod(0o644)
        code = textwrap.dedent(f"""
            import os
            from kgbuild.ingest import read_inputs  # imported first: uid 65534 may not read the venv
            os.setgid(65534); os.setuid(65534)
            for item in read_inputs([{str(secret)!r}, {str(hidden)!r}, {str(closed)!r}, {str(readable)!r}]):
                print(getattr(item, "id", item))
        """)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    finally:
        shutil.rmtree(open_dir, ignore_errors=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{secret}: permission denied", f"{hidden}: permission denied",
                                        f"{closed}: permission denied", "ok"], \
        done.stdout + done.stderr
