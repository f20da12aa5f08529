"""Ingest (issue "Foundation"): files, folders, globs and stdin in; Article records out.

Spec:
- ``.txt`` / ``.md``: the first non-empty line is the title; Markdown marks are dropped.
- ``.html``: main text through trafilatura; title, date and author from the page metadata.
- ``.jsonl``: one article a line: ``id``, ``title``, ``text``, ``published``, ``author``, ``url``.
- Folders are read recursively by suffix (README, LICENSE... skipped); globs expand; ``-`` is stdin.
- A byline ("Author: X") and an author bio ("X is Senior Editor for ...") are author metadata:
  they are left out of the body spans, so they never yield actors or events.
- A bad input is an :class:`InputFailure` naming it; the rest is still read.
- Article ids are unique across one batch: a duplicate is a failure naming both sources.
- ``published=`` applies to articles that carry no date of their own.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from conftest import EXAMPLES_JSONL
from kgbuild.ingest import Article, InputFailure, read_inputs

BODY = ("A US drone strike near Baghdad airport on Friday killed a militia commander, Iraqi officials said.\n\n"
        "The Popular Mobilization Forces said the strike hit their vehicles.")

HTML = """<!DOCTYPE html><html><head><title>Militia Base Hit in Strike | Example News</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2020-01-03T08:00:00Z">
<meta property="og:title" content="Militia Base Hit in Strike">
</head><body><header><nav>Home | World | Sport</nav></header>
<article><h1>Militia Base Hit in Strike</h1>
<p>A US drone strike near Baghdad airport on Friday killed the commander of the Quds Force, Iraqi officials said.</p>
<p>The strike also hit vehicles of the Popular Mobilization Forces, which are part of Iraq's security forces,
according to a statement from the Iraqi government.</p>
<p>Protesters gathered outside the US embassy in Baghdad later that day, chanting slogans against the attack.</p>
{tail}</article><footer>Copyright Example News</footer></body></html>"""


def read(*inputs: str | Path, **options: object) -> list[Article | InputFailure]:
    return list(read_inputs([str(i) for i in inputs], **options))  # type: ignore[arg-type]


def articles(items: list[Article | InputFailure]) -> dict[str, Article]:
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert not failures, failures
    return {a.id: a for a in items if isinstance(a, Article)}


def body_text(article: Article) -> str:
    return "\n".join(article.text[s:e] for s, e in article.body_spans)


# -- formats -----------------------------------------------------------------------------
def test_txt_first_line_is_title(tmp_path: Path) -> None:
    (tmp_path / "strike.txt").write_text(f"Drone Strike Near Baghdad\n\n{BODY}\n", encoding="utf-8")
    article = articles(read(tmp_path / "strike.txt"))["strike"]
    assert article.title == "Drone Strike Near Baghdad"
    assert article.text.startswith("Drone Strike Near Baghdad\n\nA US drone strike")
    assert article.published is None and article.author is None
    assert "militia commander" in body_text(article)


def test_md_heading_is_title_and_markup_is_dropped(tmp_path: Path) -> None:
    (tmp_path / "strike.md").write_text(f"# Drone Strike Near Baghdad\n\n**Breaking:** {BODY}\n", encoding="utf-8")
    article = articles(read(tmp_path / "strike.md"))["strike"]
    assert article.title == "Drone Strike Near Baghdad"
    assert "#" not in article.text and "**" not in article.text
    assert "Breaking: A US drone strike" in article.text


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "strike.html").write_text(HTML.format(tail=""), encoding="utf-8")
    article = articles(read(tmp_path / "strike.html"))["strike"]
    assert article.title == "Militia Base Hit in Strike"
    assert article.published == date(2020, 1, 3)
    assert article.author == "Jane Roe"
    assert "Quds Force" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text


def test_html_byline_and_bio_are_author_metadata(tmp_path: Path) -> None:
    tail = ("<p>Author: Jane Roe</p>\n"
            "<p>Jane Roe is Senior Editor for Example News. She has covered Iraq for ten years.</p>\n")
    (tmp_path / "strike.html").write_text(HTML.format(tail=tail).replace(
        '<meta name="author" content="Jane Roe">', ""), encoding="utf-8")
    article = articles(read(tmp_path / "strike.html"))["strike"]
    assert article.author == "Jane Roe"
    assert "Jane Roe" not in body_text(article)
    assert len(article.body_spans) >= 3, "paragraphs are kept"


def test_jsonl_fields(tmp_path: Path) -> None:
    record = {"id": "a1", "title": "Strike", "text": f"Strike\n\n{BODY}", "published": "2020-01-03",
              "author": "Jane Roe", "url": "https://example.org/a1", "origin": "ignored"}
    (tmp_path / "batch.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = articles(read(tmp_path / "batch.jsonl"))["a1"]
    assert (article.title, article.published, article.author, article.url) == (
        "Strike", date(2020, 1, 3), "Jane Roe", "https://example.org/a1")
    assert article.text == record["text"]
    assert article.source.endswith("batch.jsonl:1")


def test_examples_jsonl_reads_seven_articles() -> None:
    found = articles(read(EXAMPLES_JSONL))
    assert len(found) == 7
    assert all(a.published and a.author and a.title for a in found.values())


# -- where inputs come from -----------------------------------------------------------------
def test_folder_is_recursive_and_skips_readme(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "one.txt").write_text(f"One\n\n{BODY}", encoding="utf-8")
    (tmp_path / "sub" / "two.md").write_text(f"Two\n\n{BODY}", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "three.txt").write_text(f"Three\n\n{BODY}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these files\n\nNot an article.", encoding="utf-8")
    (tmp_path / "sub" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert sorted(articles(read(tmp_path))) == ["one", "three", "two"]


def test_glob(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "b.txt", "sub/c.txt", "d.md"):
        (tmp_path / name).write_text(f"Title {name}\n\n{BODY}", encoding="utf-8")
    assert sorted(articles(read(f"{tmp_path}/*.txt"))) == ["a", "b"]
    assert sorted(articles(read(f"{tmp_path}/**/*.txt"))) == ["a", "b", "c"]


def test_glob_without_match_is_a_failure(tmp_path: Path) -> None:
    [failure] = read(f"{tmp_path}/*.txt")
    assert isinstance(failure, InputFailure) and "no file matches" in failure.message


def test_stdin_text_and_jsonl() -> None:
    [text] = read("-", stdin=f"From Stdin\n\n{BODY}".encode())
    assert isinstance(text, Article) and text.title == "From Stdin" and text.source == "<stdin>"
    lines = "\n".join(json.dumps({"id": f"s{i}", "text": BODY}) for i in range(2)).encode()
    assert sorted(articles(read("-", stdin=lines))) == ["s0", "s1"]


# -- author metadata -------------------------------------------------------------------------
def test_byline_and_bio_are_author_metadata_not_body(tmp_path: Path) -> None:
    text = (f"Drone Strike Near Baghdad\n\n{BODY}\n\nAuthor: Jane Roe\n\n"
            "Jane Roe is Senior Editor for Example News. She has covered Iraq for ten years.\n")
    (tmp_path / "strike.txt").write_text(text, encoding="utf-8")
    article = articles(read(tmp_path / "strike.txt"))["strike"]
    assert article.author == "Jane Roe"
    body = body_text(article)
    assert "Jane Roe" not in body and "Senior Editor" not in body
    assert "militia commander" in body
    assert article.text == text.rstrip("\n") or article.text == text, "the stored text is the whole file"


def test_example_article_byline_and_bio_are_outside_the_body() -> None:
    article = articles(read(EXAMPLES_JSONL))["us-iraq-airstrikes-2019"]
    assert article.author == "Jason Ditz"
    byline = article.text.index("Author: Jason Ditz")
    bio = article.text.index("Jason Ditz is Senior Editor")
    for start, end in article.body_spans:
        assert not start <= byline < end and not start <= bio < end, (start, end)
    assert "Jason Ditz" not in body_text(article)


def test_byline_detected_without_author_field(tmp_path: Path) -> None:
    record = json.loads(EXAMPLES_JSONL.read_text(encoding="utf-8").splitlines()[0])
    assert record["id"] == "us-iraq-airstrikes-2019"
    del record["author"]
    (tmp_path / "one.jsonl").write_text(json.dumps(record), encoding="utf-8")
    article = articles(read(tmp_path / "one.jsonl"))["us-iraq-airstrikes-2019"]
    assert article.author == "Jason Ditz"
    assert "Jason Ditz" not in body_text(article)


# -- failures ------------------------------------------------------------------------------
def test_bad_inputs_are_failures_named_by_source(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(f"Good\n\n{BODY}", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00\x00\x03" * 64)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": BODY}) + "\n{not json\n" + json.dumps({"id": "j3"}) + "\n", encoding="utf-8")
    items = read(tmp_path)
    good = sorted(i.id for i in items if isinstance(i, Article))
    failures = {Path(f.source).name: f.message for f in items if isinstance(f, InputFailure)}
    assert good == ["good", "j1"]
    assert set(failures) == {"binary.txt", "image.txt", "empty.txt", "lines.jsonl:2", "lines.jsonl:3"}, failures
    assert "not a text file" in failures["binary.txt"] and "PNG" in failures["image.txt"]
    assert "empty" in failures["empty.txt"]
    assert "malformed JSON" in failures["lines.jsonl:2"] and "text" in failures["lines.jsonl:3"]


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [failure] = read(tmp_path / "nope.txt")
    assert isinstance(failure, InputFailure) and "no such file" in failure.message


def test_duplicate_id_names_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "strike", "text": BODY}) + "\n", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "strike.txt").write_text(f"Strike\n\n{BODY}", encoding="utf-8")
    items = read(tmp_path / "a.jsonl", tmp_path / "b")
    [kept] = [i for i in items if isinstance(i, Article)]
    [failure] = [i for i in items if isinstance(i, InputFailure)]
    assert kept.source.endswith("a.jsonl:1")
    assert failure.source.endswith("strike.txt")
    assert "duplicate article id 'strike'" in failure.message and "a.jsonl:1" in failure.message


# -- dates -------------------------------------------------------------------------------
def test_published_applies_only_to_undated_articles(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text(f"Undated\n\n{BODY}", encoding="utf-8")
    (tmp_path / "dated.jsonl").write_text(
        json.dumps({"id": "dated", "text": BODY, "published": "2019-12-30"}) + "\n"
        + json.dumps({"id": "undated-json", "text": BODY}) + "\n", encoding="utf-8")
    found = articles(read(tmp_path, published=date(2020, 1, 5)))
    assert found["undated"].published == date(2020, 1, 5)
    assert found["undated-json"].published == date(2020, 1, 5)
    assert found["dated"].published == date(2019, 12, 30)


def test_content_hash_changes_with_text_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"A\n\n{BODY}", encoding="utf-8")
    first = articles(read(tmp_path / "a.txt"))["a"].content_hash
    assert articles(read(tmp_path / "a.txt"))["a"].content_hash == first
    (tmp_path / "a.txt").write_text(f"A\n\n{BODY} More.", encoding="utf-8")
    assert articles(read(tmp_path / "a.txt"))["a"].content_hash != first
