"""`verify add URL...` against pages served from a local HTTP server (no test touches the internet)."""
from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest
from conftest import SEEDS
from test_inputs import wrap_in_page

from verify.cli import main

SEED_000 = SEEDS / "000_3a415d418c45cda3.txt"
SEED_004 = SEEDS / "004_54b538bd8ca00bf4.txt"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A news site on 127.0.0.1: two articles, a syndicated copy of one, and a file that is not a page."""
    root = tmp_path / "site"
    (root / "world").mkdir(parents=True)
    (root / "world" / "paris.html").write_text(wrap_in_page(SEED_004), encoding="utf-8")
    (root / "world" / "brussels.html").write_text(wrap_in_page(SEED_000), encoding="utf-8")
    # Another outlet running the same wire story under its own address and name.
    copy = wrap_in_page(SEED_000).replace("Example News", "Other Gazette").replace(
        "news.example.org/world/000_3a415d418c45cda3", "gazette.example.net/2025/brussels")
    (root / "world" / "syndicated.html").write_text(copy, encoding="utf-8")
    (root / "data.bin").write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")  # a proxy in the environment must not see these requests
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def test_add_writes_seed_format_files_that_check_reads_and_refuses_duplicates(site, tmp_path, capsys):
    folder = tmp_path / "seeds"
    paris, brussels = f"{site}/world/paris.html", f"{site}/world/brussels.html"
    assert main(["add", paris, brussels, "--to", str(folder)]) == 0
    out = capsys.readouterr().out
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 2 and out.count("added ") == 2
    paris_file = next(p for p in files if p.name.startswith("meeting-of-coalition"))
    assert f"added {paris_file} (2025-03-27, Example News)" in out
    # Named by title and URL: the same URL always gives the same article id.
    assert paris_file.name.startswith("meeting-of-coalition-of-the-willing-to-support-ukraine") \
        and len(paris_file.stem.rsplit("-", 1)[1]) == 8
    lines = paris_file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == " date 2025-03-27 Meeting of coalition of the willing to support Ukraine starts in Paris"
    assert lines[-1] == "Source: Example News https://news.example.org/world/004_54b538bd8ca00bf4"
    assert not any(word in "\n".join(lines) for word in ("cookies", "Related stories", "reader42"))

    before = {p.name: p.read_bytes() for p in files}
    assert main(["add", paris, "--to", str(folder)]) == 2
    err = capsys.readouterr().err
    assert f"error: {paris}: not added, the same URL as {paris_file}" in err
    assert main(["add", f"{site}/world/syndicated.html", "--to", str(folder)]) == 2
    err = capsys.readouterr().err
    brussels_file = next(p for p in files if p != paris_file)
    assert f"{site}/world/syndicated.html: not added, the same text as {brussels_file} (100% alike)" in err
    assert {p.name: p.read_bytes() for p in folder.glob("*.txt")} == before

    report_dir = tmp_path / "out"
    assert main(["check", str(folder), "--out", str(report_dir), "--no-cache", "--reviews",
                 str(tmp_path / "reviews.json")]) == 0
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in report["articles"]}
    assert set(articles) == {p.stem for p in files}
    assert articles[paris_file.stem]["outlet"] == "Example News" and articles[paris_file.stem]["format"] == "text"
    assert articles[paris_file.stem]["date"] == "2025-03-27"
    assert any(c["article"] == paris_file.stem and c["text"] == "31 countries" for c in report["claims"])
    assert not [w for w in report["warnings"] if "seeds" in w]


def test_add_reports_each_bad_url_and_still_adds_the_others(site, tmp_path, capsys):
    folder = tmp_path / "seeds"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# to add\n{site}/world/missing.html\n\n{site}/data.bin\nftp://example.org/a\n"
                    f"{site}/world/paris.html\n", encoding="utf-8")
    assert main(["add", "--from-file", str(urls), "--to", str(folder)]) == 2
    captured = capsys.readouterr()
    assert f"{site}/world/missing.html: the server answered 404" in captured.err
    assert f"{site}/data.bin: not a web page" in captured.err
    assert "ftp://example.org/a: not an http(s) URL" in captured.err
    assert [p.name[:20] for p in folder.glob("*.txt")] == ["meeting-of-coalition"]
    assert main(["add", "--to", str(folder)]) == 2
    assert "no URL given" in capsys.readouterr().err
