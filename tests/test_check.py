"""CI mode and review workflow, on temporary copies of the seeds (issues #3 and #11's 'done when')."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import CONTRADICTION, ROOT, SEEDS

from verify.cli import main

UNRELATED = (" date 2025-05-20 Farmers in the valley of Orlen held a harvest festival on Tuesday, 20 May, "
             "with about 400 visitors.\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def check(capsys, *args):
    code = main(["check", "seeds", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def failing_ids(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if line.startswith("  F")]


def printed_commands(output: str) -> list[str]:
    """Every `verify ...` command the output puts in backticks, exactly as printed."""
    return [c for c in re.findall(r"`([^`]+)`", output) if c.startswith("verify ")]


def in_shell(command: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    """Run a printed command line through the shell, with this test run's `verify` first on PATH."""
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "verify").exists(), f"no verify console script beside {sys.executable}"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", HF_HUB_OFFLINE="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(command, shell=True, cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                          timeout=600)


def test_seeds_pass_the_check(workdir, capsys):
    code, out, err = check(capsys)
    assert code == 0 and "OK" in out and "warning" not in err
    # The check leaves the report it judged where `verify review` looks for it.
    report = json.loads((workdir / "reports" / "report.json").read_text())
    assert len(report["articles"]) == 5
    # A decisions file named on the command line that is not there is a warning, not a silent empty set.
    code, out, err = check(capsys, "--reviews", "decisions/reviews.json")
    assert code == 0 and "warning: decisions/reviews.json: no such review decisions file" in err


def test_a_contradicting_article_fails_until_its_findings_are_decided(workdir, capsys, monkeypatch):
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = check(capsys)
    assert code == 1
    ids = failing_ids(out)
    assert ids and "35 countries" in out and "Friday, 11 April" in out
    assert "::error file=seeds/005_contradiction.txt,line=1,title=verify conflict" in out
    monkeypatch.delenv("GITHUB_ACTIONS")

    # No `verify report` in between: the hints work right after the check.
    for finding_id in ids:
        assert main(["review", finding_id, "--decide", "confirmed", "--note", "planted test contradiction",
                     "--by", "tester"]) == 0
    capsys.readouterr()
    code, out, _ = check(capsys)
    assert code == 0, out
    reviews = json.loads((workdir / "reports" / "reviews.json").read_text())
    assert sorted(reviews["decisions"]) == sorted(ids)
    entry = reviews["decisions"][ids[0]]
    assert entry["by"] == "tester" and entry["decision"] == "confirmed"
    assert any("005_contradiction" == q["article"] for q in entry["snapshot"]["quotes"])


@pytest.mark.parametrize("options", [[], ["--out", "out dir/reports", "--reviews", "decisions/reviews.json"]],
                         ids=["defaults", "out-and-reviews"])
def test_every_printed_hint_works_exactly_as_printed(workdir, options):
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    check_command = shlex.join(["verify", "check", "seeds", *options])
    done = in_shell(check_command, workdir)
    assert done.returncode == 1, done.stdout + done.stderr
    ids = failing_ids(done.stdout)
    commands = printed_commands(done.stdout)
    decide = [c for c in commands if "--decide" in c]
    assert len(decide) == len(ids) >= 2
    reviews_file = workdir / (options[-1] if options else "reports/reviews.json")
    if options:
        assert all("--report 'out dir/reports/report.json'" in c and "--reviews decisions/reviews.json" in c
                   for c in commands if c.startswith("verify review")), commands
    else:
        assert all("--report" not in c and "--reviews" not in c for c in commands), commands

    # The step-through hint first: it decides the first finding, then input ends (a clean quit).
    step = [c for c in commands if "--interactive" in c]
    assert len(step) == 1
    done = in_shell(step[0], workdir, stdin="c\nfirst of the planted contradiction\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stdout + done.stderr
    decided = json.loads(reviews_file.read_text())["decisions"]
    assert list(decided) == [ids[0]] and decided[ids[0]]["note"] == "first of the planted contradiction"

    for command, finding_id in zip(decide, ids):
        assert finding_id in command
        done = in_shell(command, workdir)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert json.loads(reviews_file.read_text())["decisions"][finding_id]["decision"] == "confirmed"
    done = in_shell(check_command, workdir)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "OK, no open conflict" in done.stdout


def test_fail_on_discrepancy_means_every_open_status_but_agree_and_compatible(workdir, capsys):
    code, out, _ = check(capsys, "--fail-on", "discrepancy")
    assert code == 1
    failed = failing_ids(out)
    report = json.loads((workdir / "reports" / "report.json").read_text())
    statuses = {f["id"]: f["status"] for f in report["findings"]}
    discrepancies = sorted(fid for fid, status in statuses.items() if status not in ("agree", "compatible"))
    assert sorted(failed) == discrepancies and {"different_scope", "different_event"} <= {statuses[f] for f in failed}
    # Every output counts the same open discrepancies.
    assert main(["review"]) == 0
    listed = capsys.readouterr().out
    assert sorted(re.findall(r"\bF[0-9a-f]{12}\b", listed)) == discrepancies
    assert report["summary"]["open_discrepancies"] == len(discrepancies)
    markdown = (workdir / "reports" / "report.md").read_text()
    assert f"{len(discrepancies)} discrepancies in all" in markdown
    page = (workdir / "reports" / "report.html").read_text()
    assert f"{len(discrepancies)} discrepancies in all" in page
    assert f'<option value="__discrepancy__">discrepancies ({len(discrepancies)})</option>' in page
    # Deciding one of them takes it out of every count; taking the decision back puts it in again.
    assert main(["review", discrepancies[0], "--decide", "dismissed", "--note", "different meetings"]) == 0
    code, out, _ = check(capsys, "--fail-on", "discrepancy")
    assert code == 1 and sorted(failing_ids(out)) == discrepancies[1:]
    assert json.loads((workdir / "reports" / "report.json").read_text())["summary"]["open_discrepancies"] == \
        len(discrepancies) - 1
    assert main(["review", discrepancies[0], "--decide", "open"]) == 0
    code, out, _ = check(capsys, "--fail-on", "discrepancy")
    assert sorted(failing_ids(out)) == discrepancies


def test_finding_ids_survive_an_unrelated_article_and_edits_elsewhere(workdir, capsys):
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    _, before, _ = check(capsys)
    (workdir / "seeds" / "006_unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    article = workdir / "seeds" / "004_54b538bd8ca00bf4.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nAn unrelated closing line.\n", encoding="utf-8")
    _, after, _ = check(capsys)
    assert failing_ids(before) and failing_ids(after) == failing_ids(before)


def test_sarif_validates_and_reviewed_findings_are_suppressed(workdir, capsys):
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    code, out, _ = check(capsys, "--sarif", "out.sarif", "--junit", "out.xml")
    ids = failing_ids(out)
    schema = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())
    sarif = json.loads((workdir / "out.sarif").read_text())
    jsonschema.validate(sarif, schema)
    results = sarif["runs"][0]["results"]
    assert {r["partialFingerprints"]["verifyFindingId/v1"] for r in results} == set(ids)
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith("seeds/") and first["region"]["startColumn"] >= 1
    assert "<testcase" in (workdir / "out.xml").read_text()

    assert main(["review", ids[0], "--decide", "explained", "--note", "reported a day late", "--by", "tester"]) == 0
    assert main(["review", ids[1], "--decide", "confirmed", "--by", "tester"]) == 0  # no note
    capsys.readouterr()
    check(capsys, "--sarif", "out.sarif", "--junit", "out.xml")
    sarif = json.loads((workdir / "out.sarif").read_text())
    jsonschema.validate(sarif, schema)
    suppressed = {r["partialFingerprints"]["verifyFindingId/v1"]: r["suppressions"][0]["justification"]
                  for r in sarif["runs"][0]["results"] if r.get("suppressions")}
    assert set(suppressed) == {ids[0], ids[1]}
    assert suppressed[ids[0]].startswith("explained by tester at ") and \
        suppressed[ids[0]].endswith(": reported a day late")
    assert suppressed[ids[1]].startswith("confirmed by tester at ") and not suppressed[ids[1]].rstrip().endswith(":")
    skipped = [e.get("message") for e in ET.parse(workdir / "out.xml").iter("skipped")]
    assert len(skipped) == 2 and not any(m.rstrip().endswith(":") for m in skipped)
    assert any(m.startswith("reviewed: confirmed by tester at ") for m in skipped)


def test_second_run_reads_unchanged_articles_from_the_cache(workdir, capsys):
    check(capsys)
    (workdir / "seeds" / "006_unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    _, out, _ = check(capsys)
    assert "5 articles from the cache" in out
    entry = next((workdir / ".verify-cache" / "extract").rglob("*.json"))
    entry.write_text("{not json")
    code, out, _ = check(capsys)
    assert code == 0 and "5 articles from the cache" in out  # the broken entry is rebuilt


def test_changed_since_limits_failures_to_changed_articles(workdir, capsys):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], check=True)
    subprocess.run([*git, "add", "seeds"], check=True)
    subprocess.run([*git, "commit", "-qm", "seeds"], check=True)
    (workdir / "seeds" / "006_unrelated.txt").write_text(UNRELATED, encoding="utf-8")
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    code, out, _ = check(capsys, "--changed-since", "HEAD")
    assert code == 1 and "changed article" in out
    subprocess.run([*git, "add", "seeds"], check=True)
    subprocess.run([*git, "commit", "-qm", "more"], check=True)
    code, out, _ = check(capsys, "--changed-since", "HEAD")
    assert code == 0
    code, _, err = check(capsys, "--changed-since", "no-such-revision")
    assert code == 2 and "no-such-revision" in err


def test_broken_reviews_file_is_refused_with_its_line_and_never_overwritten(workdir, capsys):
    (workdir / "reports").mkdir()
    broken = '{\n  "schema_version": 1,\n  "decisions": {\n    "F1": {"decision": "confirmed",}\n  }\n}\n'
    (workdir / "reports" / "reviews.json").write_text(broken)
    code, _, err = check(capsys)
    assert code == 2 and "reviews.json: line 4" in err
    assert main(["report", "seeds", "--out", "reports-2", "--quiet", "--reviews", "reports-2/reviews.json"]) == 0
    finding_id = json.loads((workdir / "reports-2" / "report.json").read_text())["findings"][0]["id"]
    capsys.readouterr()
    for decision in (["dismissed", "--note", "x"], ["confirmed"], ["open"]):
        assert main(["review", finding_id, "--decide", *decision, "--report", "reports-2/report.json"]) == 2
        assert "reviews.json: line 4" in capsys.readouterr().err
    assert (workdir / "reports" / "reviews.json").read_text() == broken


def test_stale_decisions_are_reported_not_deleted(workdir, capsys):
    (workdir / "reports").mkdir()
    stale = {"schema_version": 1, "decisions": {"Fdeadbeef0000": {
        "decision": "dismissed", "note": "old", "by": "t", "at": "2025-01-01T00:00:00+00:00", "snapshot": {}}}}
    (workdir / "reports" / "reviews.json").write_text(json.dumps(stale))
    assert main(["report", "seeds", "--out", "reports", "--quiet"]) == 0
    report = json.loads((workdir / "reports" / "report.json").read_text())
    assert report["stale_reviews"] == ["Fdeadbeef0000"]
    assert "Stale review decisions" in (workdir / "reports" / "report.md").read_text()
    assert "Fdeadbeef0000" in json.loads((workdir / "reports" / "reviews.json").read_text())["decisions"]
