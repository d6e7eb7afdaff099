"""`verify eval` on the shared corpus key format (../shared/corpus/dev): the figures are those of the
corpus's reference scorer (../shared/eval/score.py), ported into verify/evaluate.py.

The scoring core is tested on hand-built reports (no model). One test runs the real command on a tiny
corpus of invented stories and, when the reference scorer is at hand, checks that both give the same
figures; CI runs on a clean clone without ../shared, so only that comparison is skipped there.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import DEV, ROOT

from verify.cli import main
from verify.evaluate import (
    PROJECT_KEY,
    SHARED_KEY,
    GoldError,
    key_format,
    load_gold,
    score_shared,
    total_line,
    total_shared,
)

REFERENCE = ROOT.parent / "shared" / "eval" / "score.py"
NO_REFERENCE = f"the reference scorer {REFERENCE} is not here (a clean clone without ../shared)"
REFERENCE_KEYS = ("conflict_recall", "conflict_precision", "conflict_findings", "gold_conflicts", "trap_false_alarms",
                  "traps", "traps_right", "claims_bad_offsets", "missed", "false_alarms", "traps_wrong",
                  "unmatched_total", "unmatched_conflicts")


# --- the scoring core, on a hand-built report ----------------------------------------------------------

TEXTS = {
    "wire": "Ministers from 18 countries met in Oslo on Tuesday, 14 May. They pledged $2 billion. "
            "In 2019, 12 countries came.",
    "local": "Delegates from 21 countries gathered in Oslo. The pledge was $2 billion. Some 2,000 people protested.",
    "later": "The 18 ministers pledged about $2 billion. Police counted 1,500 protesters.",
}


def _claim(cid: str, article: str, text: str, event: str | None = "E1") -> dict:
    start = TEXTS[article].index(text)
    return {"id": cid, "article": article, "text": text, "start": start, "end": start + len(text), "event": event}


def _pair(verdict: str, a: tuple[str, str], b: tuple[str, str], **extra) -> dict:
    return {"verdict": verdict, "event": "E1", "attribute": "x", "a": {"article": a[0], "quote": a[1]},
            "b": {"article": b[0], "quote": b[1]}, "why": "", **extra}


CLAIMS = [
    _claim("c1", "wire", "18 countries"),
    _claim("c2", "local", "21 countries"),
    _claim("c3", "wire", "on Tuesday"),
    _claim("c4", "wire", "14 May"),
    _claim("c5", "wire", "$2 billion"),
    _claim("c6", "local", "$2 billion"),
    _claim("c7", "later", "about $2 billion"),
    _claim("c8", "wire", "12 countries", event="E2"),
    _claim("c9", "local", "2,000 people"),
    _claim("c10", "later", "1,500 protesters"),
    _claim("c11", "later", "18 ministers"),
]
KEY = {
    "events": [{"id": "E1", "label": "the meeting", "date": "2024-05-14", "location": "Oslo"},
               {"id": "E2", "label": "the 2019 meeting", "date": "2019-05-01", "location": "Oslo"}],
    "pairs": [
        _pair("conflict", ("wire", "Ministers from 18 countries"), ("local", "Delegates from 21 countries")),
        _pair("conflict", ("wire", "on Tuesday"), ("wire", "14 May"), match_any_b=True),
        _pair("conflict", ("local", "Some 2,000 people"), ("later", "1,500 protesters")),
        _pair("agree", ("wire", "pledged $2 billion"), ("local", "$2 billion")),
        _pair("compatible", ("local", "$2 billion"), ("later", "about $2 billion")),
        _pair("different_event", ("wire", "12 countries came"), ("local", "21 countries"), event=["E2", "E1"]),
        _pair("agree", ("wire", "18 countries"), ("later", "18 ministers")),
    ],
}
FINDINGS = [
    {"id": "f1", "status": "conflict", "claims": ["c1", "c2"]},  # the first gold conflict
    {"id": "f2", "status": "conflict", "claims": ["c3", "c5"]},  # the weekday: any partner counts
    {"id": "f3", "status": "agree", "claims": ["c5", "c6"]},  # right
    {"id": "f4", "status": "agree", "claims": ["c6", "c7"]},  # a compatible pair: agree counts for it
    {"id": "f5", "status": "conflict", "claims": ["c11", "c1"]},  # no gold conflict, and on an agree pair
]
REPORT = {"claims": CLAIMS, "findings": FINDINGS}


def test_key_format_is_read_from_the_content():
    assert key_format(load_gold(DEV / "gold.json")) == PROJECT_KEY
    assert key_format(KEY) == SHARED_KEY
    assert key_format({"pairs": KEY["pairs"][:1]}) == PROJECT_KEY  # no events, no shared marks: the old default
    assert key_format({"events": KEY["events"], "pairs": KEY["pairs"][:1]}) == SHARED_KEY  # events without articles
    assert key_format({"pairs": [KEY["pairs"][1]]}) == SHARED_KEY  # match_any_b
    assert key_format({"pairs": [KEY["pairs"][5]]}) == SHARED_KEY  # a different_event pair names two events


def test_score_shared_counts_as_the_reference_scorer_does():
    result = score_shared(REPORT, KEY, TEXTS)
    # Conflicts: the counts and the weekday (match_any_b) are found, the protest figures are missed.
    assert (result["gold_conflicts"], result["conflicts_found"], result["conflict_recall"]) == (3, 2, 0.667)
    assert result["missed"] == ['local:"Some 2,000 people" vs later:"1,500 protesters"']
    # Precision: f5 matches no gold conflict.
    assert (result["conflict_findings"], result["conflict_findings_matching"]) == (3, 2)
    assert result["conflict_precision"] == 0.667 and result["unmatched_total"] == 1
    assert result["unmatched_conflicts"] == [["18 ministers", "18 countries"]]
    # Non-conflicts: f5 is a false alarm on the agree pair; agree is right, agree counts for compatible,
    # and the different_event pair is right because its claims sit in different events.
    assert result["traps"] == 4 and result["trap_false_alarms"] == 1 and result["traps_right"] == 3
    assert result["false_alarms"] == ['agree: wire:"18 countries" vs later:"18 ministers"']
    assert result["traps_wrong"] == []
    assert result["claims_bad_offsets"] == 0


def test_a_conflict_finding_on_one_side_only_finds_nothing_without_match_any_b():
    key = {"events": KEY["events"], "pairs": [dict(KEY["pairs"][0], b={"article": "local", "quote": "Oslo"})]}
    result = score_shared(REPORT, key, TEXTS)
    assert result["conflicts_found"] == 0 and result["conflict_precision"] == 0.0  # f1, f2, f5 all unmatched
    # One claim covering both quotes counts only inside one article.
    wide = [_claim("w", "wire", "Ministers from 18 countries met in Oslo on Tuesday, 14 May")]
    report = {"claims": wide, "findings": [{"id": "f", "status": "conflict", "claims": ["w"]}]}
    same_article = {"pairs": [_pair("conflict", ("wire", "Ministers"), ("wire", "14 May"))]}
    assert score_shared(report, same_article, TEXTS)["conflicts_found"] == 1


def test_wrong_verdicts_bad_offsets_and_empty_reports():
    report = {"claims": [*CLAIMS, {**CLAIMS[0], "id": "bad", "start": 0}],
              "findings": [{"id": "f", "status": "update", "claims": ["c5", "c6"]},
                           {"id": "g", "status": "compatible", "claims": ["c8", "c2"]}]}
    result = score_shared(report, KEY, TEXTS)
    assert result["claims_bad_offsets"] == 1
    assert 'agree (got [\'update\']): wire:"pledged $2 billion" vs local:"$2 billion"' in result["traps_wrong"]
    # different_event is right by the claims' events even when a finding says otherwise.
    assert not any(line.startswith("different_event") for line in result["traps_wrong"])
    empty = score_shared({}, KEY, TEXTS)
    assert empty["conflict_recall"] == 0.0 and empty["conflict_precision"] == 0.0 and empty["traps_right"] == 0
    no_conflicts = score_shared({}, {"pairs": KEY["pairs"][3:]}, TEXTS)
    assert no_conflicts["conflict_recall"] is None and no_conflicts["conflict_precision"] == 1.0


def test_totals_sum_the_counts_and_divide_once():
    one = score_shared(REPORT, KEY, TEXTS)
    two = score_shared({}, KEY, TEXTS)
    total = total_shared([one, two])
    assert {k: total[k] for k in ("gold", "found", "flagged", "tp", "false_alarms", "traps", "right", "bad")} == \
        {"gold": 6, "found": 2, "flagged": 3, "tp": 2, "false_alarms": 1, "traps": 8, "right": 3, "bad": 0}
    assert total["recall"] == pytest.approx(2 / 6) and total["precision"] == pytest.approx(2 / 3)
    assert total_line(total) == ("total: conflict recall 0.33 (2/6), precision 0.67 (2/3), false alarms 1, "
                                 "non-conflicts right 3/8, bad offsets 0")
    assert total_shared([])["recall"] == 1.0 and total_shared([])["precision"] == 1.0


@pytest.mark.skipif(not REFERENCE.exists(), reason=NO_REFERENCE)
def test_the_hand_built_report_scores_the_same_with_the_reference_scorer(tmp_path):
    articles = tmp_path / "story"
    articles.mkdir()
    for name, text in TEXTS.items():
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "report.json").write_text(json.dumps(REPORT))
    (articles / "gold.json").write_text(json.dumps(KEY))
    done = subprocess.run([sys.executable, str(REFERENCE), str(tmp_path / "report.json"), str(articles / "gold.json"),
                           str(articles)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    reference = json.loads(done.stdout)
    ours = score_shared(REPORT, KEY, TEXTS)
    assert {k: ours[k] for k in reference} == reference


# --- the command, without the model --------------------------------------------------------------------

def test_eval_usage_errors_exit_2(tmp_path, capsys):
    assert main(["eval"]) == 2
    assert "--corpus" in capsys.readouterr().err
    assert main(["eval", "--corpus", str(tmp_path), str(DEV / "gold.json")]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["eval", "--corpus", str(tmp_path)]) == 2
    assert "no sub-folder holds a gold.json" in capsys.readouterr().err
    story = tmp_path / "story"
    story.mkdir()
    (story / "gold.json").write_text('{"pairs": [{"verdict": "maybe", "a": {}, "b": {}}]}')
    assert main(["eval", "--corpus", str(tmp_path)]) == 2
    assert "unknown verdict" in capsys.readouterr().err
    (story / "gold.json").write_text('{"pairs": [{"verdict": "agree", "a": {}, "b": {}}]}')
    with pytest.raises(GoldError, match="side 'a'"):
        load_gold(story / "gold.json")


def test_thresholds_apply_to_the_corpus_totals(monkeypatch, capsys):
    import verify.evaluate

    story = {"story": "s1", "articles": 2, **score_shared(REPORT, KEY, TEXTS)}
    figures = {"stories": [story], "total": total_shared([story])}
    monkeypatch.setattr(verify.evaluate, "evaluate_corpus", lambda *args, **kwargs: figures)
    corpus = str(DEV)  # any existing folder: the stub does not read it
    assert main(["eval", "--corpus", corpus, "--min-recall", "0.6", "--min-precision", "0.6",
                 "--max-false-alarms", "1"]) == 0
    out = capsys.readouterr().out
    assert "s1" in out and "2/3" in out and "total: conflict recall 0.67 (2/3), precision 0.67 (2/3)" in out
    assert main(["eval", "--corpus", corpus, "--min-recall", "0.7"]) == 1
    assert "conflict recall 0.667 < 0.7" in capsys.readouterr().err
    assert main(["eval", "--corpus", corpus, "--max-false-alarms", "0"]) == 1
    assert "1 false alarms > 0" in capsys.readouterr().err
    assert main(["eval", "--corpus", corpus, "--min-precision", "0.9", "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["total"]["tp"] == 2 and printed["stories"][0]["story"] == "s1"


# --- the command on a tiny corpus, against the reference scorer -------------------------------------

STORIES = {
    "harbour_fire": {
        "a_wire": " date 2024-05-14 Fire crews fought a blaze at the Brenmoor harbour warehouse on Monday.\n\n"
                  "Forty firefighters and 12 engines attended, the county fire service said. Two workers were "
                  "taken to hospital.\n\nThe warehouse stored 3,000 tonnes of grain. A smaller fire at the same "
                  "harbour in 2019 needed 15 firefighters.\n",
        "b_local": " date 2024-05-14 Some 60 firefighters battled a blaze at Brenmoor harbour on Monday.\n\n"
                   "Two workers were treated in hospital, the harbour authority said. The warehouse held "
                   "3,000 tonnes of grain.\n",
        "c_followup": " date 2024-05-16 The harbour fire on Tuesday, 13 May caused damage of about 4 million euros, "
                      "insurers said on Wednesday.\n\nForty firefighters had attended the blaze.\n",
    },
    "bridge_opening": {
        "a_release": " date 2025-06-03 The new Ardley bridge opened to traffic today.\n\nThe 240-metre bridge "
                     "cost 12 million pounds and took two years to build, the council said.\n",
        "b_paper": " date 2025-06-04 Ardley's new bridge opened to traffic yesterday.\n\nThe bridge, about "
                   "240 metres long, cost 15 million pounds, the council said.\n",
    },
}
SHARED_KEYS = {
    "harbour_fire": {
        "events": [{"id": "E1", "label": "Brenmoor harbour warehouse fire", "date": "2024-05-13",
                    "location": "Brenmoor"},
                   {"id": "E2", "label": "the 2019 harbour fire", "date": "2019", "location": "Brenmoor"}],
        "pairs": [
            {"verdict": "conflict", "event": "E1", "attribute": "count:firefighters",
             "a": {"article": "a_wire", "quote": "Forty firefighters"},
             "b": {"article": "b_local", "quote": "Some 60 firefighters"}, "why": "40 vs 60."},
            {"verdict": "conflict", "event": "E1", "attribute": "event_weekday", "match_any_b": True,
             "a": {"article": "c_followup", "quote": "on Tuesday"},
             "b": {"article": "c_followup", "quote": "13 May"}, "why": "13 May 2024 was a Monday."},
            {"verdict": "agree", "event": "E1", "attribute": "quantity:grain",
             "a": {"article": "a_wire", "quote": "3,000 tonnes of grain"},
             "b": {"article": "b_local", "quote": "3,000 tonnes of grain"}, "why": "Same stock."},
            {"verdict": "agree", "event": "E1", "attribute": "count:injured",
             "a": {"article": "a_wire", "quote": "Two workers were taken to hospital"},
             "b": {"article": "b_local", "quote": "Two workers were treated in hospital"}, "why": "Two."},
            {"verdict": "different_event", "event": ["E2", "E1"], "attribute": "count:firefighters",
             "a": {"article": "a_wire", "quote": "needed 15 firefighters"},
             "b": {"article": "c_followup", "quote": "Forty firefighters had attended"}, "why": "2019 fire."},
        ],
    },
    "bridge_opening": {
        "events": [{"id": "E1", "label": "Ardley bridge opening", "date": "2025-06-03", "location": "Ardley"}],
        "pairs": [
            {"verdict": "conflict", "event": "E1", "attribute": "money:cost",
             "a": {"article": "a_release", "quote": "cost 12 million pounds"},
             "b": {"article": "b_paper", "quote": "cost 15 million pounds"}, "why": "12 vs 15 million."},
            {"verdict": "compatible", "event": "E1", "attribute": "length",
             "a": {"article": "a_release", "quote": "The 240-metre bridge"},
             "b": {"article": "b_paper", "quote": "about 240 metres long"}, "why": "A hedge on the same figure."},
            {"verdict": "agree", "event": "E1", "attribute": "date",
             "a": {"article": "a_release", "quote": "opened to traffic today"},
             "b": {"article": "b_paper", "quote": "opened to traffic yesterday"}, "why": "Both 3 June."},
        ],
    },
}


def _verify(*args):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.run([sys.executable, "-m", "verify", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=900)


def _reference_lines(stdout: str) -> tuple[dict, dict]:
    """The reference scorer's --corpus output read back into figures: per story, and the totals."""
    stories = {}
    for m in re.finditer(r"^(\S+): conflicts found (\d+)/(\d+), conflict findings (\d+) \((\d+) match no gold "
                         r"conflict\), false alarms (\d+), non-conflicts right (\d+)/(\d+)$", stdout, re.M):
        name, found, gold, flagged, unmatched, alarms, right, traps = m.groups()
        stories[name] = tuple(int(x) for x in (found, gold, flagged, unmatched, alarms, right, traps))
    m = re.search(r"^total: conflict recall ([\d.]+) \((\d+)/(\d+)\), precision ([\d.]+) \((\d+)/(\d+)\), "
                  r"false alarms (\d+), non-conflicts right (\d+)/(\d+), bad offsets (\d+)", stdout, re.M)
    assert m, stdout
    recall, found, gold, precision, tp, flagged, alarms, right, traps, bad = m.groups()
    total = {"recall": recall, "found": int(found), "gold": int(gold), "precision": precision, "tp": int(tp),
             "flagged": int(flagged), "false_alarms": int(alarms), "right": int(right), "traps": int(traps),
             "bad": int(bad)}
    return stories, total


def test_eval_corpus_reports_the_reference_scorers_figures(tmp_path):
    corpus = tmp_path / "corpus"
    for story, articles in STORIES.items():
        folder = corpus / story
        folder.mkdir(parents=True)
        for name, text in articles.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (folder / "gold.json").write_text(json.dumps(SHARED_KEYS[story], indent=1), encoding="utf-8")
    (corpus / "notes").mkdir()  # a folder without a gold.json is not a story
    out = tmp_path / "reports"
    done = _verify("eval", "--corpus", str(corpus), "--out", str(out), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(done.stdout)
    assert [s["story"] for s in figures["stories"]] == ["bridge_opening", "harbour_fire"]
    assert [s["articles"] for s in figures["stories"]] == [2, 3]
    assert [(s["gold_conflicts"], s["traps"]) for s in figures["stories"]] == [(1, 2), (2, 3)]
    assert {p.name for p in out.iterdir()} == {"bridge_opening", "harbour_fire"}
    assert all((out / story / "report.json").exists() for story in STORIES)
    total = figures["total"]
    assert total["gold"] == 3 and total["traps"] == 5 and total["bad"] == 0
    assert total["found"] == sum(s["conflicts_found"] for s in figures["stories"])

    if not REFERENCE.exists():
        pytest.skip(f"figures not compared: {NO_REFERENCE}")
    done = subprocess.run([sys.executable, str(REFERENCE), "--corpus", str(corpus), str(out)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    reference_stories, reference_total = _reference_lines(done.stdout)
    assert reference_stories == {
        s["story"]: (s["conflicts_found"], s["gold_conflicts"], s["conflict_findings"], s["unmatched_total"],
                     s["trap_false_alarms"], s["traps_right"], s["traps"]) for s in figures["stories"]}
    assert reference_total == {**{k: total[k] for k in reference_total},
                               "recall": f"{total['recall']:.2f}", "precision": f"{total['precision']:.2f}"}
    for story in figures["stories"]:  # and every detail of the one-story JSON
        done = subprocess.run([sys.executable, str(REFERENCE), str(out / story["story"] / "report.json"),
                               str(corpus / story["story"] / "gold.json"), str(corpus / story["story"])],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {k: story[k] for k in REFERENCE_KEYS}


def test_a_shared_key_scores_one_story_with_gold_and_paths(tmp_path):
    folder = tmp_path / "bridge_opening"
    folder.mkdir()
    for name, text in STORIES["bridge_opening"].items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = folder / "gold.json"
    gold.write_text(json.dumps(SHARED_KEYS["bridge_opening"]), encoding="utf-8")
    done = _verify("eval", str(gold), str(folder), "--json", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(done.stdout)
    assert set(REFERENCE_KEYS) <= set(figures) and figures["gold_conflicts"] == 1 and figures["traps"] == 2
    if not REFERENCE.exists():
        pytest.skip(f"figures not compared: {NO_REFERENCE}")
    done = subprocess.run([sys.executable, str(REFERENCE), str(tmp_path / "out" / "report.json"), str(gold),
                           str(folder)], capture_output=True, text=True, timeout=120)
    assert json.loads(done.stdout) == {k: figures[k] for k in REFERENCE_KEYS}
