"""What an article's graph depends on besides its text, as one hash (for incremental builds).

Kept apart from :mod:`kgbuild.extract.pipeline` so that checking which articles changed
does not import spaCy or load the KB: an unchanged rebuild stays a few seconds.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

__all__ = ["PIPELINE_CONFIG", "pipeline_fingerprint"]

PIPELINE_CONFIG = """
[components]

[components.kgbuild_paragraphs]
factory = "kgbuild_paragraphs_v2"
before = "parser"

[components.kgbuild_actor_ruler]
factory = "kgbuild_actor_ruler_v2"
words = "multi"
before = "ner"

[components.kgbuild_actor_ruler_single]
factory = "kgbuild_actor_ruler_v2"
words = "single"
after = "ner"

[components.kgbuild_linker]
factory = "kgbuild_linker_v1"

[components.kgbuild_events]
factory = "kgbuild_events_v2"

[components.kgbuild_relations]
factory = "kgbuild_relations_v1"
"""


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The extractor's own source and data: changing a rule or a lexicon entry rebuilds."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*here.glob("*.py"), here.parent / "graph.py", *(here.parent / "resources").glob("*.json"),
                        *(here.parent / "resources" / "models").glob("*.json")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_digest(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"


def pipeline_fingerprint(*, model: str, kb_folders: Sequence[Path] = (), config: str | None = None,
                         events_model: Path | None = None) -> str:
    """What shapes an article's graph besides its text: versions, model, config, extractor
    code, lexicon and shipped learned models (:func:`_code_digest`), a user's own learned
    model file (``events_model``), KB content."""
    from importlib.metadata import PackageNotFoundError, version

    from .. import __version__
    from ..kb import kb_content_hash

    versions = []
    for dist in (model.replace("_", "-"), "spacy"):
        try:
            versions.append(version(dist))
        except PackageNotFoundError:
            versions.append("?")
    digest = hashlib.sha256()
    for part in (__version__, model, *versions, config or PIPELINE_CONFIG, _code_digest(), _file_digest(events_model),
                 kb_content_hash(folders=[Path(f).resolve() for f in kb_folders])):
        digest.update(str(part).encode())
        digest.update(b"\x00")
    return digest.hexdigest()
