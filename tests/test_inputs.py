"""Articles as they come: tables (CSV, JSON Lines, JSON, Parquet, DataFrames), saved web pages, outlets."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEEDS

import verify
from verify.cli import main
from verify.read import read_article, read_articles
from verify.tables import TableError, find_columns, frame_articles

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
# Numbers and names that only the page furniture holds: none may become a claim.
BOILERPLATE = ("845", "Top 10", "Valencia", "17 people", "250 votes", "50 countries", "9,000", "Rome", "12 delegations",
               "120 employees", "reader42", "cookies", "Related stories", "Comments")


def seed_rows() -> list[dict]:
    """The five seed articles as a scraper's export would hold them: id, date, title, text, source."""
    rows = []
    for path in SEED_PATHS:
        article = read_article(path)
        text = path.read_text(encoding="utf-8")
        rows.append({"id": article.id, "date": article.date.isoformat(), "title": article.title,
                     "text": text[re.match(r" date \S+ ", text).end():], "source": article.outlet or ""})
    return rows


def write_table(rows: list[dict], path: Path) -> Path:
    frame = pd.DataFrame(rows)
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    elif path.suffix == ".json":
        path.write_text(json.dumps({"articles": rows}, ensure_ascii=False), encoding="utf-8")
    else:
        frame.to_parquet(path)
    return path


@pytest.mark.parametrize("kind", ["csv", "jsonl", "json", "parquet", "DataFrame"])
def test_a_table_of_the_seeds_gives_the_findings_of_the_seeds_folder(kind, tmp_path, seeds_report, resources,
                                                                     embedder):
    rows = seed_rows()
    source = pd.DataFrame(rows) if kind == "DataFrame" else write_table(rows, tmp_path / f"seeds.{kind}")
    report = verify.run(source, resources=resources, embedder=embedder)
    assert report.warnings == []
    assert [a.id for a in report.articles] == [a.id for a in seeds_report.articles]
    assert all(a.input_format == "table" and a.row == n for n, a in enumerate(report.articles, start=1))
    # Finding ids fingerprint the event, attribute, articles, values and quotes: equal ids, equal findings.
    assert sorted(f.id for f in report.findings) == sorted(f.id for f in seeds_report.findings)
    assert [(f.status, f.explanation) for f in sorted(report.findings, key=lambda f: f.id)] == \
        [(f.status, f.explanation) for f in sorted(seeds_report.findings, key=lambda f: f.id)]
    texts = {a.id: a.text for a in report.articles}
    for claim in report.claims:
        assert texts[claim.article][claim.start:claim.end] == claim.text


def test_report_frames_are_the_csv_tables(tmp_path, resources, embedder):
    report = verify.run(pd.DataFrame(seed_rows()[:2]), resources=resources, embedder=embedder)
    report.write(tmp_path / "out")
    for frame, name in ((report.claims_frame(), "claims.csv"), (report.findings_frame(), "findings.csv")):
        written = pd.read_csv(tmp_path / "out" / name, keep_default_na=False)
        assert list(frame.columns) == list(written.columns)
        assert list(frame["id"]) == list(written["id"]) and len(frame) > 0
    assert set(report.claims_frame()["article"]) == {"000_3a415d418c45cda3", "001_198c8c320ba4a582"}


def test_a_saved_page_yields_the_article_and_none_of_the_boilerplate(tmp_path, seeds_report, resources, embedder):
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in SEED_PATHS:
        (pages / f"{path.stem}.html").write_text(wrap_in_page(path), encoding="utf-8")
    report = verify.run(pages, resources=resources, embedder=embedder)
    assert report.warnings == []
    assert sorted(f.id for f in report.findings) == sorted(f.id for f in seeds_report.findings)
    page = next(a for a in report.articles if a.id == "004_54b538bd8ca00bf4")
    assert (page.input_format, page.date.isoformat(), page.outlet, page.title) == (
        "html", "2025-03-27", "Example News", "Meeting of coalition of the willing to support Ukraine starts in Paris")
    assert page.url == "https://news.example.org/world/004_54b538bd8ca00bf4"
    for article in report.articles:
        assert not [word for word in BOILERPLATE if word in article.text], article.id
    assert not [c.text for c in report.claims if any(word in c.sentence for word in BOILERPLATE)]

    out = tmp_path / "out"
    report.write(out)
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    for claim in data["claims"]:
        entry = next(a for a in data["articles"] if a["id"] == claim["article"])
        assert entry["text_file"].startswith("texts/") and entry["format"] == "html"
        text = (out / entry["text_file"]).read_text(encoding="utf-8")
        assert text[claim["start"]:claim["end"]] == claim["text"]
    assert "refer to their extracted text" in (out / "report.md").read_text(encoding="utf-8")


def wrap_in_page(seed: Path) -> str:
    """A seed article as a news site serves it: navigation, a cookie banner, related links, comments."""
    article = read_article(seed)
    text = seed.read_text(encoding="utf-8")
    title = next((s for s in article.segments if s.role == "title"), None)
    body = text[title.end:] if title else text[re.match(r" date \S+ ", text).end():]
    blocks, items = [], []
    for line in (line.strip() for line in body.splitlines()):
        if line.startswith("\u2022"):
            items.append(f"<li>{html.escape(line[1:].strip())}</li>")
            continue
        if items:
            blocks.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            blocks.append(f"<p>{html.escape(line)}</p>")
    if items:
        blocks.append("<ul>" + "".join(items) + "</ul>")
    headline = f"<h1>{html.escape(title.text)}</h1>" if title else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="{article.date}T09:00:00+00:00">
<link rel="canonical" href="https://news.example.org/world/{article.id}"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/top">Top 10 stories of 2024</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We and our 845 partners use cookies. Accept all cookies or
manage your settings.</p><button>Accept all</button></div>
<main><article>{headline}
{chr(10).join(blocks)}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Flood kills 17 people in Valencia</a></li>
<li><a href="/b">Parliament passes budget by 250 votes to 190</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="author">reader42</p><p>I heard 50 countries were there. And 9,000 troops will never
be enough.</p></div><div class="comment"><p>The meeting in Rome on 3 May drew 12 delegations.</p></div></section>
</main><footer><p>Example News has 120 employees in 14 countries.</p></footer></body></html>"""


def test_rows_that_cannot_be_read_are_warnings_naming_the_row(tmp_path):
    rows = [{"id": "a", "date": "2025-04-10", "title": "", "text": "Ministers from 12 countries met in Tallinn."},
            {"id": "b", "date": "2025-04-10", "title": "Empty", "text": ""},
            {"id": "c", "date": "yesterday", "title": "", "text": "Ministers from 14 countries met in Riga."},
            {"id": "a", "date": "2025-04-11", "title": "", "text": "Ministers from 15 countries met in Vilnius."},
            {"id": "e", "date": "10 April 2025", "title": "", "text": "Ministers from 16 countries met in Oslo."}]
    path = write_table(rows, tmp_path / "export.csv")
    articles, warnings = read_articles([str(path)])
    assert [(a.id, a.row, str(a.date)) for a in articles] == [("a", 1, "2025-04-10"), ("c", 3, "None"),
                                                              ("e", 5, "2025-04-10")]
    assert any(w.startswith(f"{path} row 2 (id 'b'): no text in column 'text'") for w in warnings)
    assert any(w.startswith(f"{path} row 3 (id 'c'): date 'yesterday' is not a date") for w in warnings)
    assert any(w.startswith(f"{path} row 4: article id 'a' already used by {path} row 1") for w in warnings)
    assert len(warnings) == 3


def test_columns_are_found_by_their_usual_names_or_given():
    frame = pd.DataFrame([{"Headline": "H", "article_content": "Ministers met in Tallinn.",
                           "published_at": "2025-04-10",
                           "Publisher": "Example News", "link": "https://example.org/a", "uid": "x1"}])
    assert find_columns(frame, None, "t") == {"id": "uid", "title": "Headline", "text": "article_content",
                                              "date": "published_at", "outlet": "Publisher", "url": "link"}
    assert find_columns(frame, {"title": "link"}, "t")["title"] == "link"
    with pytest.raises(TableError, match=r"t: no text column .* its columns are 'body_html'.*--column text="):
        find_columns(pd.DataFrame([{"body_html": "<p>x</p>"}]), None, "t")
    with pytest.raises(TableError, match="no column 'missing'"):
        find_columns(frame, {"text": "missing"}, "t")


def test_a_table_without_a_text_column_is_a_warning_and_the_other_inputs_are_read(tmp_path, capsys):
    write_table([{"headline": "Only a headline"}], tmp_path / "headlines.csv")
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    articles, warnings = read_articles([str(tmp_path / "headlines.csv"), str(tmp_path / "bad.parquet"),
                                        str(SEED_PATHS[0])])
    assert [a.id for a in articles] == [SEED_PATHS[0].stem]
    assert any("headlines.csv: no text column" in w for w in warnings)
    assert any("bad.parquet: cannot read as a parquet table" in w for w in warnings)
    assert main(["report", str(tmp_path / "headlines.csv"), "--column", "txt", "--out", str(tmp_path / "o")]) == 2
    assert "expected FIELD=COLUMN" in capsys.readouterr().err


def test_the_outlet_comes_from_the_source_line_the_page_or_the_table(tmp_path):
    outlets = {a.id: a.outlet for a in read_articles([str(SEEDS)])[0]}
    # "European Pravda with reference to ...", "... as reported by European Pravda"; 001 and 003 name none.
    assert outlets == {"000_3a415d418c45cda3": "European Pravda", "001_198c8c320ba4a582": None,
                       "002_0e2e57cd6de4063e": "European Pravda", "003_a8663d1dd5dfbc58": None,
                       "004_54b538bd8ca00bf4": "European Pravda"}
    added = tmp_path / "added.txt"
    added.write_text(" date 2025-04-10 Ministers met in Brussels.\n\nSource: Kyiv Independent "
                     "https://kyivindependent.com/ministers-met/\n", encoding="utf-8")
    article = read_article(added)
    assert (article.outlet, article.url, article.attribution) == (
        "Kyiv Independent", "https://kyivindependent.com/ministers-met/", None)


def test_two_rows_with_one_url_count_once(tmp_path):
    story = ("Ministers from 30 countries met in Brussels on Thursday to plan a reassurance force for Ukraine, "
             "officials said.")
    rows = [{"id": "a", "text": story, "url": "https://www.example.org/news/1?utm_source=feed", "outlet": "Example"},
            {"id": "b", "text": story.replace("30", "31"), "url": "http://example.org/news/1/", "outlet": "Example"},
            {"id": "c", "text": story.replace("Thursday", "Friday"), "url": "https://example.org/news/2"}]
    articles, warnings = frame_articles(pd.DataFrame(rows), name="t.csv")
    from verify.read import mark_duplicates

    warnings = mark_duplicates(articles)
    assert [a.duplicate_of for a in articles] == [None, "a", None]
    assert warnings == ["t.csv row 2: the same URL as a (99% alike): counted as one source with it"]


def test_group_by_writes_one_report_per_story_and_an_index(tmp_path):
    import os
    import subprocess
    import sys

    # An export with its own column names: they are given with --column.
    rows = [{"story": "coalition" if row["id"] < "004" else "paris", "article_content": row["text"],
             "published_at": row["date"], "headline": row["title"], "publisher": row["source"] or None,
             "uid": row["id"]} for row in seed_rows()]
    rows.append({"story": "paris", "article_content": "", "published_at": "2025-03-27", "headline": "Empty",
                 "publisher": None, "uid": "empty"})
    table = write_table(rows, tmp_path / "export.csv")
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "verify", "report", str(table), "--group-by", "story", "--column",
                           "text=article_content", "--column", "date=published_at", "--column", "id=uid",
                           "--out", str(out), "--no-cache"], capture_output=True, text=True, timeout=900,
                          env=dict(os.environ, HF_HUB_OFFLINE="1"))
    assert done.returncode == 0, done.stderr
    assert f"warning: [paris] {table} row 6 (id 'empty'): no text in column 'article_content'" in done.stderr
    index = (out / "index.md").read_text(encoding="utf-8")
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 2
    for folder in folders:
        report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        ids = {a["id"] for a in report["articles"]}
        assert ids == ({"004_54b538bd8ca00bf4"} if folder.name.startswith("paris") else
                       {"000_3a415d418c45cda3", "001_198c8c320ba4a582", "002_0e2e57cd6de4063e", "003_a8663d1dd5dfbc58"})
        assert f"]({folder.name}/report.md)" in index
        assert f'href="{folder.name}/report.html"' in (out / "index.html").read_text(encoding="utf-8")
        assert all((folder / a["text_file"]).is_file() for a in report["articles"])
        # The outlet is shown in every output.
        assert "European Pravda" in (folder / "report.md").read_text(encoding="utf-8")
        assert '<td class="outlet">European Pravda</td>' in (folder / "report.html").read_text(encoding="utf-8")
    coalition = json.loads((folders[0] / "report.json").read_text(encoding="utf-8"))
    assert coalition["summary"]["outlets"] == 1
    assert {f["status"] for f in coalition["findings"]} >= {"agree", "compatible", "different_scope"}


def test_a_csv_that_is_not_utf8_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("id,text\nx,The minister S\u00e9bastien Lecornu met 30 envoys in Brussels.\n".encode("cp1252"))
    articles, warnings = read_articles([str(path)])
    assert "S\u00e9bastien Lecornu met 30 envoys" in articles[0].text
    assert warnings[0] == f"{path}: not UTF-8, read as Windows-1252"
    assert warnings[1].startswith(f"{path}: no date column (looked for date, published, ")
    assert len(warnings) == 2  # the missing column is said once, not for every row


def test_groups_are_the_values_of_one_or_more_columns_and_bad_group_options_are_usage_errors(tmp_path, capsys):
    from verify.tables import group_rows

    frame = pd.DataFrame({"story": ["a", "b", "a", None], "month": ["01", "01", "02", "01"], "text": ["x"] * 4})
    assert group_rows(frame, ["story"], "t") == [("a", [1, 3]), ("b", [2]), ("(none)", [4])]
    assert group_rows(frame, ["story", "month"], "t") == [("a / 01", [1]), ("b / 01", [2]), ("a / 02", [3]),
                                                          ("(none) / 01", [4])]
    table = write_table([{"text": "Ministers met in Riga."}], tmp_path / "t.csv")
    assert main(["report", str(table), "--group-by", "story", "--out", str(tmp_path / "o")]) == 2
    assert f"{table}: no column 'story' to group by; its columns are 'text'" in capsys.readouterr().err
    assert main(["report", str(SEEDS), "--group-by", "story", "--out", str(tmp_path / "o")]) == 2
    assert "grouping needs tables" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
