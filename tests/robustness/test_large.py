"""A 5 MB single article goes through the whole build in bounded memory, past spaCy's
1,000,000-character ``max_length`` (the extractor works in chunks, offsets into the full text)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kgbuild.extract import CHUNK_CHARS
from kgbuild.ingest import Article
from kgbuild.store import GraphStore

from .conftest import GOOD

MAX_RSS_KB = 1_500_000  # 1.5 GB, generous
FIVE_MB = 5_000_000


def _big_text(*, prose: bool) -> str:
    """~5 MB. ``prose``: all real sentences (slow: ~6 min). Otherwise one real paragraph per
    ~40,000 characters between paragraphs of long filler words (cheap for the parser, same
    code path: ingest, chunking, emission, store)."""
    if prose:
        unit = GOOD + "\n"
    else:
        unit = GOOD + "\n" + " ".join(["lorem" * 800] * 10) + "\n\n"
    return ("Big article\n\n" + unit * (FIVE_MB // len(unit) + 1))[:FIVE_MB].rsplit(" ", 1)[0] + "\n"


def _build_in_child(tmp_path: Path, text: str) -> tuple[subprocess.CompletedProcess[str], int]:
    article = tmp_path / "big.txt"
    article.write_text(text)
    wrapper = textwrap.dedent(f"""
        import resource, subprocess, sys
        done = subprocess.run([sys.executable, "-m", "kgbuild", "build", {str(article)!r}, "--store",
                               {str(tmp_path / 'kg')!r}, "--no-reason", "--quiet"], capture_output=True, text=True)
        sys.stderr.write(done.stderr)
        print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """)
    done = subprocess.run([sys.executable, "-c", wrapper], capture_output=True, text=True, timeout=1200)
    code, rss = done.stdout.split()[-2:]
    return done, int(code) * 1_000_000_000 + int(rss) if int(code) else int(rss)


def _check(tmp_path: Path, text: str) -> None:
    done, rss = _build_in_child(tmp_path, text)
    assert rss < MAX_RSS_KB, f"exit/peak RSS {rss} kB\n{done.stderr}"
    with GraphStore.open_read_only(tmp_path / "kg") as gs:
        assert gs.article_ids() == ["big"]
        rows = list(gs.query(
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
            "SELECT ?b ?e ?t WHERE { ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t }"))
        stored = next(iter(gs.query("PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
                                    "SELECT ?s WHERE { ?a nif:isString ?s }")))["s"].value
    assert len(stored) > 1_000_000
    assert rows and max(int(r["b"].value) for r in rows) > 4_000_000, "nothing found past the first chunks"
    for row in rows:
        assert stored[int(row["b"].value):int(row["e"].value)] == row["t"].value


def test_five_megabyte_article_bounded_memory(tmp_path: Path) -> None:
    _check(tmp_path, _big_text(prose=False))


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("KGBUILD_SLOW"), reason="5 MB of real prose takes ~6 min; set KGBUILD_SLOW=1")
def test_five_megabytes_of_prose(tmp_path: Path) -> None:
    _check(tmp_path, _big_text(prose=True))


def test_chunked_offsets_index_the_full_text(extractor) -> None:  # noqa: ANN001
    filler = " ".join(["x" * 4000] * 30)
    text = "\n\n".join([GOOD.strip(), filler] * 12)
    assert len(text) > 1_000_000 > CHUNK_CHARS
    result = extractor.extract(Article(id="long", source="long", text=text))
    assert max(m.start for m in result.mentions) > 1_000_000
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
    for event in result.events:
        for start, end in [*event.triggers, *event.sentences]:
            assert 0 <= start < end <= len(text)
