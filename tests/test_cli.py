"""The real command line: exit codes, outputs, messages."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import DEV, ROOT, SEEDS

from verify.cli import cli


def verify(*args, cwd=None):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "verify", *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env=env, timeout=600)


def test_report_writes_every_output(tmp_path):
    out = tmp_path / "out"
    result = verify("report", str(SEEDS), "--out", str(out), "--cache", str(tmp_path / "cache"))
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == {"report.json", "report.md", "report.html", "report-data.js",
                                                    "claims.csv", "findings.csv", "claims.parquet", "findings.parquet"}
    report = json.loads((out / "report.json").read_text())
    assert report["schema_version"] == 1 and report["tool_version"]
    for key in ("articles", "events", "claims", "findings"):
        assert report[key], key
    assert set(report["articles"][0]) >= {"id", "path", "date", "title", "sha256"}
    assert set(report["events"][0]) >= {"id", "label", "date", "location", "articles"}
    assert set(report["claims"][0]) >= {"id", "article", "event", "attribute", "value", "text", "start", "end", "line"}
    assert set(report["findings"][0]) >= {"id", "status", "event", "attribute", "claims", "explanation"}
    texts = {a["id"]: Path(a["path"]).read_bytes().decode("utf-8-sig") for a in report["articles"]}
    for claim in report["claims"]:
        assert texts[claim["article"]][claim["start"]:claim["end"]] == claim["text"]
    markdown = (out / "report.md").read_text()
    assert markdown.index("## Conflicts") < markdown.index("## Other discrepancies") < markdown.index("## Agreements")
    assert "5 articles, 4 events" in markdown


def test_report_on_a_missing_path_exits_2_with_a_message(tmp_path):
    result = verify("report", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "nothing-here" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_bad_file_is_a_warning_and_the_others_are_reported(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(" date 2024-05-14 Ministers from 18 countries met in Oslo on 14 May.\n")
    (articles / "broken.txt").write_bytes(b"\x00\x01binary")
    result = verify("report", str(articles), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [a["id"] for a in report["articles"]] == ["good"]


def test_eval_on_the_development_set_meets_the_bar():
    # A floor under today's figures (precision 1.0, recall 0.59): judgement tuned on these articles
    # scored 0.95 recall and generalised badly, so this guards against regressions, nothing more.
    result = verify("eval", str(DEV / "gold.json"), str(DEV / "articles"), "--json",
                    "--min-precision", "0.9", "--min-recall", "0.55")
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout)
    assert figures["conflict_precision"] >= 0.9 and figures["conflict_recall"] >= 0.55
    assert figures["different_event_false_alarms"] == 0
    # The bar is a bar: asking for more than the figures give fails the command.
    result = verify("eval", str(DEV / "gold.json"), str(DEV / "articles"), "--json", "--min-recall", "0.99")
    assert result.returncode == 1


def test_eval_with_a_broken_answer_key_exits_2(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text('{"pairs": [')
    result = verify("eval", str(gold), str(SEEDS))
    assert result.returncode == 2
    assert "gold.json" in result.stderr and "not valid JSON" in result.stderr


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help and command.help.split("\n")[0].endswith("."), name
        assert f"verify {name}" in readme, f"README does not document 'verify {name}'"
    result = verify("--help")
    assert result.returncode == 0 and "report" in result.stdout


def test_a_missing_model_folder_gets_the_model_hint_not_a_traceback(tmp_path):
    result = verify("report", str(SEEDS), "--model", str(tmp_path / "no-model"), "--no-cache",
                    "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 2
    assert "no-model" in result.stderr and "Pass --model" in result.stderr
    assert "Traceback" not in result.stderr and "FileNotFoundError" not in result.stderr


def test_rules_lists_every_rule_by_kind_and_explains_one():
    from verify.kinds import Registry

    listing = verify("rules")
    assert listing.returncode == 0, listing.stderr
    registry = Registry.default()
    for kind in registry:
        assert kind.name in listing.stdout
    names = {r.name for _, r in registry.rules()}
    assert names and all(name in listing.stdout for name in names)
    one = verify("rules", "currency-differs")
    assert one.returncode == 0
    assert "decides: conflict" in one.stdout and "Example:" in one.stdout and "money" in one.stdout
    unknown = verify("rules", "no-such-rule")
    assert unknown.returncode == 2 and "no rule named" in unknown.stderr and "values-differ" in unknown.stderr
