"""CI mode and review workflow, on temporary copies of the seeds (issue #3's 'done when')."""
from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest
from conftest import ROOT, SEEDS

from verify.cli import main

CONTRADICTION = (" date 2025-04-11 Defence ministers from 35 countries met in Brussels on Friday, 11 April, to plan "
                 "support for a lasting peace in Ukraine, UK Defence Secretary John Healey said.\n")
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


def test_seeds_pass_the_check(workdir, capsys):
    code, out, _ = check(capsys)
    assert code == 0 and "OK" in out


def test_a_contradicting_article_fails_until_its_findings_are_decided(workdir, capsys, monkeypatch):
    (workdir / "seeds" / "005_contradiction.txt").write_text(CONTRADICTION, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = check(capsys)
    assert code == 1
    ids = failing_ids(out)
    assert ids and "35 countries" in out and "Friday, 11 April" in out
    assert "::error file=seeds/005_contradiction.txt,line=1,title=verify conflict" in out
    monkeypatch.delenv("GITHUB_ACTIONS")

    assert main(["report", "seeds", "--out", "reports", "--quiet"]) == 0
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


def test_fail_on_discrepancy_counts_every_open_non_agreement(workdir, capsys):
    code, out, _ = check(capsys, "--fail-on", "discrepancy")
    assert code == 1
    assert "different_scope" in out and "compatible" in out


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

    main(["report", "seeds", "--out", "reports", "--quiet"])
    main(["review", ids[0], "--decide", "explained", "--note", "reported a day late", "--by", "tester"])
    capsys.readouterr()
    check(capsys, "--sarif", "out.sarif")
    sarif = json.loads((workdir / "out.sarif").read_text())
    jsonschema.validate(sarif, schema)
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert [r["partialFingerprints"]["verifyFindingId/v1"] for r in suppressed] == [ids[0]]


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
    main(["report", "seeds", "--out", "reports-2", "--quiet", "--reviews", "reports/reviews.json"])
    assert main(["review", "F1", "--decide", "dismissed", "--note", "x", "--report", "reports-2/report.json"]) == 2
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


def test_review_lists_shows_and_steps_through_open_findings(workdir, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal, so that table cells are not folded
    assert main(["report", "seeds", "--out", "reports", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["review"]) == 0
    listing = capsys.readouterr().out
    assert "open findings" in listing and "different_scope" in listing
    report = json.loads((workdir / "reports" / "report.json").read_text())
    open_ids = [f["id"] for f in report["findings"] if f["status"] in ("different_scope", "different_event")]
    assert main(["review", open_ids[0][:8]]) == 0
    shown = capsys.readouterr().out
    assert open_ids[0] in shown and "decision: open" in shown
    # Interactive: dismiss the first with a note, skip the second, quit.
    from click.testing import CliRunner

    from verify.cli import cli

    result = CliRunner().invoke(cli, ["review", "--interactive", "--by", "tester"],
                                input="d\nsame numbers, different meetings\ns\nq\n")
    assert result.exit_code == 0, result.output
    decisions = json.loads((workdir / "reports" / "reviews.json").read_text())["decisions"]
    assert len(decisions) == 1
    (decided,) = decisions.values()
    assert decided["decision"] == "dismissed" and decided["note"] == "same numbers, different meetings"
