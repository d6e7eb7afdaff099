"""`verify review` on a report of the seeds plus a contradicting article: order, filters, width, decisions
taken back, end of input, concurrent decisions, the rule that decided a finding (issues #9 and #11)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from verify.cli import cli, main
from verify.report import write_reports

FINDING_ID = re.compile(r"\bF[0-9a-f]{12}\b")
ORDER = ("conflict", "update", "different_scope", "different_event")


@pytest.fixture(scope="module")
def built_report(tmp_path_factory, contradiction_report):
    """report.json for the seeds plus a contradicting article, written once for the module."""
    out = tmp_path_factory.mktemp("review") / "reports"
    write_reports(contradiction_report, out)
    return out / "report.json"


@pytest.fixture
def reviewing(built_report, tmp_path, monkeypatch):
    """A fresh folder with that report in reports/ (the default place) and no decisions yet."""
    (tmp_path / "reports").mkdir()
    shutil.copy(built_report, tmp_path / "reports" / "report.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


def report_data(folder):
    return json.loads((folder / "reports" / "report.json").read_text())


def decisions(folder) -> dict:
    return json.loads((folder / "reports" / "reviews.json").read_text())["decisions"]


def review(capsys, *args) -> tuple[int, str, str]:
    code = main(["review", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_conflicts_come_first_and_status_filters(reviewing, capsys):
    statuses = {f["id"]: f["status"] for f in report_data(reviewing)["findings"]}
    code, out, _ = review(capsys)
    assert code == 0
    listed = FINDING_ID.findall(out)
    assert sorted(listed) == sorted(fid for fid, s in statuses.items() if s in ORDER)
    ranks = [ORDER.index(statuses[fid]) for fid in listed]
    assert ranks == sorted(ranks) and statuses[listed[0]] == "conflict"
    assert f"{len(listed)} open discrepancies" in out

    code, out, _ = review(capsys, "--status", "different_event")
    assert code == 0
    assert FINDING_ID.findall(out) == [fid for fid in listed if statuses[fid] == "different_event"] != []
    code, out, _ = review(capsys, "--status", "different_scope", "--status", "conflict")
    assert FINDING_ID.findall(out) == [fid for fid in listed if statuses[fid] in ("conflict", "different_scope")]
    code, _, err = review(capsys, "--status", "nonsense")
    assert code == 2 and "nonsense" in err

    # The interactive review meets the same order: its first decision lands on the first conflict.
    result = CliRunner().invoke(cli, ["review", "--interactive", "--by", "tester"], input="c\n\nq\n")
    assert result.exit_code == 0, result.output
    assert list(decisions(reviewing)) == [listed[0]]


@pytest.mark.parametrize("extra", [[], ["--all"]])
def test_ids_are_whole_at_80_columns(reviewing, capsys, monkeypatch, extra):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = review(capsys, *extra)
    assert code == 0
    findings = report_data(reviewing)["findings"]
    expected = [f["id"] for f in findings if extra or f["status"] in ORDER]
    assert sorted(FINDING_ID.findall(out)) == sorted(expected)
    table = out.split("show one:")[0]
    assert max(len(line) for line in table.splitlines()) <= 80
    for finding_id in expected:  # each on the line that starts its row, never split
        assert re.search(rf"^\s*{finding_id}\s", out, re.M), finding_id


def test_decide_open_takes_a_decision_back(reviewing, capsys):
    first = FINDING_ID.findall(review(capsys)[1])[0]
    code, out, _ = review(capsys, first, "--decide", "dismissed", "--note", "the same meeting", "--by", "ann")
    assert code == 0 and "recorded" in out
    assert first not in FINDING_ID.findall(review(capsys)[1])
    code, out, _ = review(capsys, first)
    assert "decision: dismissed by ann" in out and f"verify review {first} --decide open" in out

    code, out, _ = review(capsys, first, "--decide", "open")
    assert code == 0 and "took back dismissed by ann" in out
    assert decisions(reviewing) == {}
    assert FINDING_ID.findall(review(capsys)[1])[0] == first
    code, out, _ = review(capsys, first, "--decide", "open")
    assert code == 0 and "it stays open" in out
    # A stale decision, whose finding no longer appears, can be taken back as well.
    stale = {"schema_version": 1, "decisions": {"Fdeadbeef0000": {"decision": "dismissed", "note": "old", "by": "t",
                                                                   "at": "2025-01-01", "snapshot": {}}}}
    (reviewing / "reports" / "reviews.json").write_text(json.dumps(stale))
    code, out, _ = review(capsys, "Fdeadbeef0000", "--decide", "open")
    assert code == 0 and "took back dismissed by t" in out and decisions(reviewing) == {}
    code, _, err = review(capsys, "Fdeadbeef0000", "--decide", "confirmed")
    assert code == 2 and "no finding Fdeadbeef0000" in err


@pytest.mark.parametrize("stdin", ["", "c\n", "s\n"], ids=["nothing", "mid-decision", "after-skip"])
def test_end_of_input_in_interactive_mode_is_a_clean_quit(reviewing, stdin):
    done = subprocess.run([sys.executable, "-m", "verify", "review", "--interactive", "--by", "tester"],
                          input=stdin, capture_output=True, text=True, cwd=reviewing, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stdout + done.stderr
    assert "stopped at the end of input" in done.stdout and "0 decision(s) recorded" in done.stdout
    # Answered "c" but input ended before the note: nothing half-recorded.
    assert not (reviewing / "reports" / "reviews.json").exists() or decisions(reviewing) == {}


def test_eight_concurrent_decisions_all_land(reviewing):
    ids = [f["id"] for f in report_data(reviewing)["findings"]][:9]
    assert main(["review", ids[8], "--decide", "confirmed", "--by", "before"]) == 0  # one already there
    processes = [subprocess.Popen([sys.executable, "-m", "verify", "review", finding_id, "--decide", "dismissed",
                                   "--note", f"reason {n}", "--by", f"reviewer {n}"],
                                  cwd=reviewing, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n, finding_id in enumerate(ids[:8])]
    results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processes]
    assert all(code == 0 for code, _, _ in results), results
    saved = decisions(reviewing)
    assert sorted(saved) == sorted(ids)
    for n, finding_id in enumerate(ids[:8]):
        assert saved[finding_id]["note"] == f"reason {n}" and saved[finding_id]["by"] == f"reviewer {n}"
    assert saved[ids[8]]["by"] == "before"
    leftovers = {p.name for p in (reviewing / "reports").iterdir()} - {"report.json", "reviews.json",
                                                                        "reviews.json.lock"}
    assert leftovers == set()  # no temporary file left behind


def test_a_missing_reviews_file_named_explicitly_is_a_warning(reviewing, capsys):
    code, out, err = review(capsys, "--reviews", "elsewhere/reviews.json")
    assert code == 0 and "warning: elsewhere/reviews.json: no such review decisions file" in err
    assert "open discrepancies" in out
    code, _, err = review(capsys)  # the default file, not there yet: no warning
    assert code == 0 and "warning" not in err
    first = FINDING_ID.findall(review(capsys)[1])[0]
    code, out, err = review(capsys, first, "--decide", "confirmed", "--reviews", "elsewhere/reviews.json")
    assert code == 0 and "it will be created" in err
    assert first in json.loads((reviewing / "elsewhere" / "reviews.json").read_text())["decisions"]


def test_the_rule_that_decided_a_finding_is_shown(reviewing, capsys, monkeypatch):
    data = report_data(reviewing)
    conflict = next(f for f in data["findings"] if f["status"] == "conflict")
    other = next(f for f in data["findings"] if f["status"] == "different_event")
    for f in data["findings"]:
        f["rule"] = "count-intervals-disjoint" if f is conflict else ""
    (reviewing / "reports" / "report.json").write_text(json.dumps(data))

    code, out, _ = review(capsys, conflict["id"])
    assert code == 0
    assert "rule: count-intervals-disjoint (`verify rules count-intervals-disjoint` explains it)" in out
    code, out, _ = review(capsys, other["id"])
    assert "rule:" not in out  # an empty rule is no rule

    monkeypatch.setenv("COLUMNS", "160")  # room for the rule column
    code, out, _ = review(capsys)
    row = next(line for line in out.splitlines() if conflict["id"] in line)
    assert "count-intervals-disjoint" in row
    monkeypatch.setenv("COLUMNS", "80")  # no room: the ids stay whole, the rule column goes
    code, out, _ = review(capsys)
    assert "count-intervals-disjoint" not in out and conflict["id"] in out
