"""Bad input: a clear warning per bad file, the rest still reported, nothing lost, nothing executed."""
from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "tests" / "data" / "bad"))
from make_bad import write_corpus  # noqa: E402

from verify.cli import main  # noqa: E402


def strip_volatile(report: dict) -> dict:
    report = dict(report)
    report.pop("generated_at", None)
    return report


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    """verify report over the seeds plus every bad file, once for the module."""
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "corpus"
    expected = write_corpus(corpus, SEEDS / "000_3a415d418c45cda3.txt")
    shutil.copytree(SEEDS, corpus / "seeds")
    done = subprocess.run([sys.executable, "-m", "verify", "report", str(corpus), "--out", str(root / "out"),
                           "--quiet", "--no-cache"], capture_output=True, text=True, timeout=900)
    seeds_only = subprocess.run([sys.executable, "-m", "verify", "report", str(SEEDS), "--out",
                                 str(root / "seeds-out"), "--quiet", "--no-cache"], capture_output=True, text=True,
                                timeout=900)
    return expected, done, json.loads((root / "out" / "report.json").read_text()), \
        json.loads((root / "seeds-out" / "report.json").read_text()), seeds_only


def test_one_clear_warning_per_bad_file_and_no_traceback(bad_run):
    expected, done, _, _, _ = bad_run
    assert done.returncode == 0
    assert "Traceback" not in done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    for name, words in expected.items():
        mine = [w for w in warnings if f"/{name}:" in w]
        if words is None:
            assert mine == [], name
        else:
            assert len(mine) == 1 and words in mine[0], (name, mine)


def test_the_seeds_report_is_unchanged_by_the_bad_files_beside_them(bad_run):
    _, _, mixed, seeds_alone, _ = bad_run
    seed_ids = {a["id"] for a in seeds_alone["articles"]}
    mixed_findings = {f["id"] for f in mixed["findings"] if set(f["articles"]) <= seed_ids}
    assert mixed_findings == {f["id"] for f in seeds_alone["findings"]}
    assert [e["id"] for e in seeds_alone["events"]] == [e["id"] for e in mixed["events"]
                                                          if set(e["articles"]) <= seed_ids][:4]


def test_copies_count_as_one_source(bad_run):
    _, _, mixed, _, _ = bad_run
    articles = {a["id"]: a for a in mixed["articles"]}
    assert articles["copy_of_seed_000"]["duplicate_of"] == "000_3a415d418c45cda3"
    assert articles["syndicated_seed_000"]["duplicate_of"] == "000_3a415d418c45cda3"
    assert not any({"copy_of_seed_000", "syndicated_seed_000"} & set(f["articles"]) for f in mixed["findings"])


def test_odd_text_is_read_with_exact_offsets(bad_run):
    _, _, mixed, _, _ = bad_run
    claims = [c for c in mixed["claims"] if c["article"] in
              ("cp1252_quotes", "utf8_bom", "crlf", "lone_cr", "nfd_name", "spaces_in_numbers", "markup")]
    texts = {}
    for claim in claims:
        path = Path(next(a["path"] for a in mixed["articles"] if a["id"] == claim["article"]))
        if path not in texts:
            data = path.read_bytes()
            try:
                texts[path] = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                texts[path] = data.decode("cp1252")
        assert texts[path][claim["start"]:claim["end"]] == claim["text"]
    values = {c["text"]: c["low"] for c in claims if c["kind"] == "count"}
    assert values["Some 31\u00a0000 people"] <= 31000 and values["1\u200b200 volunteers"] == 1200
    assert any(c["kind"] == "role" and c["article"] == "nfd_name" for c in claims)
    lone_cr = [c for c in mixed["claims"] if c["article"] == "lone_cr"]
    assert lone_cr and all(c["line"] == 1 for c in lone_cr)


def test_ids_dates_phone_numbers_and_years_are_not_counts(bad_run):
    _, _, mixed, _, _ = bad_run
    assert [c for c in mixed["claims"] if c["article"] == "odd_numbers" and c["kind"] == "count"] == []


def test_markup_in_articles_stays_text_in_the_markdown_report(bad_run, tmp_path):
    _, done, _, _, _ = bad_run
    markdown = (Path(done.args[done.args.index("--out") + 1]) / "report.md").read_text()
    assert "<script>" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    # Brackets are escaped, so "[click](javascript:...)" cannot become a link.
    assert "\\[click\\](javascript:" in markdown and not re.search(r"(?<!\\)\]\(javascript:", markdown)


def test_nothing_readable_exits_2_and_bad_arguments_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("")
    assert main(["report", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert "no article could be read" in capsys.readouterr().err
    assert main(["report", "--no-such-option"]) == 2
    assert main(["check", "seeds", "--fail-on", "everything"]) == 2


def test_paths_missing_empty_loops_odd_names(tmp_path, capsys):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "-rf.txt").write_text(" date 2024-05-14 Ministers from 12 countries met in Tallinn on 14 May.\n")
    (folder / "name with spaces é.txt").write_text(" date 2024-05-14 Twelve countries met in Tallinn on 14 May.\n")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "no_articles").mkdir()
    code = main(["report", str(folder), str(tmp_path / "no_articles"), str(tmp_path / "missing.txt"),
                 "--out", str(tmp_path / "out"), "--quiet", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 0
    assert "missing.txt: no such file" in err and "no_articles: no .txt or .md articles" in err
    assert "dangling.txt: cannot read" in err
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert sorted(a["id"] for a in report["articles"]) == ["-rf", "name with spaces é"]
    assert main(["report", "--out", str(tmp_path / "out2"), "--quiet", "--no-cache", "--",
                 str(folder / "-rf.txt")]) == 0


def test_unreadable_file_is_a_warning(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(" date 2024-05-14 Ministers from 12 countries met in Tallinn on 14 May.\n")
    (folder / "secret.txt").write_text(" date 2024-05-14 Hidden.\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # root can read anything, so the denial is simulated
    assert main(["report", str(folder), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"]) == 0
    assert "secret.txt: cannot read (Permission denied)" in capsys.readouterr().err


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "reports").write_text("a file where the folder should be")
    code = main(["report", str(SEEDS), "--out", str(tmp_path / "reports"), "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot write reports" in err and "Traceback" not in err


def test_an_interrupted_run_leaves_the_previous_reports_whole(tmp_path):
    out = tmp_path / "out"
    assert main(["report", str(SEEDS), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for delay in (1.0, 3.0, 5.0):
        process = subprocess.Popen([sys.executable, "-m", "verify", "report", str(SEEDS), "--out", str(out),
                                    "--quiet", "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=120)
        assert sorted(p.name for p in out.iterdir()) == sorted(before)  # no temporary file left
        report = json.loads((out / "report.json").read_text())  # whole, old or new
        assert report["schema_version"] == 1
        if (out / "report.md").read_bytes() != before["report.md"]:
            assert process.returncode == 0  # only a run that finished may replace them


def test_two_runs_give_identical_reports(tmp_path):
    for name in ("a", "b"):
        assert main(["report", str(SEEDS), "--out", str(tmp_path / name), "--quiet", "--no-cache"]) == 0
    a = strip_volatile(json.loads((tmp_path / "a" / "report.json").read_text()))
    b = strip_volatile(json.loads((tmp_path / "b" / "report.json").read_text()))
    assert a == b
    assert (tmp_path / "a" / "report.md").read_text() == (tmp_path / "b" / "report.md").read_text()
