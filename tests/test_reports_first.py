"""What the reports say first (open conflicts, discrepancies explained away, counts) and how many
independent sources carry each claim (issue #11); the rule that decided a finding (issue #9)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from verify import ci
from verify.corroboration import carried_by, source_names
from verify.kinds.quantity import Quantity
from verify.records import Article, Claim, Finding, Report
from verify.report import claim_sources, md_escape, to_json, to_markdown, write_reports
from verify.review import Decision, Reviews

EXPLAINED_AWAY = ("different_event", "different_scope", "update")


def top_of(markdown: str) -> str:
    """Everything before the first section heading."""
    return markdown.split("\n## ", 1)[0]


def test_open_conflicts_come_first_with_both_quotes(contradiction_report):
    report = contradiction_report
    claims = {c.id: c for c in report.claims}
    conflicts = [f for f in report.findings if f.status == "conflict"]
    assert len(conflicts) >= 2
    top = top_of(to_markdown(report))
    assert top.startswith(f"# verify consistency report\n\n**{len(conflicts)} open conflicts**")
    for f in conflicts:
        assert f"`{f.id}`" in top
        for side in f.sides:
            assert f"“{md_escape(claims[side[0]].text)}”" in top
    # Explained away: one line each, different events, then different scopes, then updates.
    away = [line for line in top.splitlines() if line.startswith("- ") and "`F" in line]
    expected = [f for f in report.findings if f.status in EXPLAINED_AWAY]
    assert len(away) == len(expected) > 0
    words = [line[2:].split(" · ")[0].replace(" ", "_") for line in away]
    assert [EXPLAINED_AWAY.index(w) for w in words] == sorted(EXPLAINED_AWAY.index(w) for w in words)
    # Then the counts, the conflicts above the explained-away lines.
    assert top.index("open conflicts") < top.index("explained away") < top.index(f"{len(report.articles)} articles")


def test_a_decided_conflict_leaves_the_open_list(contradiction_report, tmp_path):
    report = contradiction_report
    conflicts = sorted(f.id for f in report.findings if f.status == "conflict")
    reviews = Reviews(tmp_path / "reviews.json", {conflicts[0]: Decision("dismissed", "a typo in 005", "ann", "t")})
    top = top_of(to_markdown(report, reviews))
    assert f"**{len(conflicts) - 1} open conflicts**" in top
    assert f"- `{conflicts[0]}` " in top and "dismissed by ann: a typo in 005" in top
    assert f"Open: {len(conflicts) - 1} conflicts" in top
    summary = to_json(report, reviews)["summary"]
    assert summary["open_conflicts"] == len(conflicts) - 1
    assert summary["open_by_status"]["conflict"] == len(conflicts) - 1


def test_seeds_say_there_is_no_open_conflict_and_why_the_numbers_differ(seeds_report):
    top = top_of(to_markdown(seeds_report))
    assert "**No open conflict.**" in top
    assert "is about meeting in Paris, 2025-03-27" in top  # 31 is the Paris meeting...
    assert "is the size of the body" in top  # ...and a group of 31 is not the 30 who took part


def _article(aid: str, duplicate_of: str | None = None) -> Article:
    return Article(aid, f"{aid}.txt", "x", dt.date(2025, 5, 1), aid, "", duplicate_of=duplicate_of)


def _claim(cid: str, article: str, value: str) -> Claim:
    number = float(value)
    value = Quantity(number, number, number, unit="delegate")
    return Claim(cid, article, "count", "count:delegate", "delegates", value,
                 f"{value} delegates", 0, 2, 1, f"{value} delegates came.", 0)


def _finding(fid: str, status: str, *claims: Claim) -> Finding:
    return Finding(fid, status, "e1", "count:delegate", [c.id for c in claims], "why",
                   articles=[c.article for c in claims], sides=[[c.id] for c in claims])


def hand_built_report() -> Report:
    """a and its copy a2 agree with each other and with b; c conflicts with b; d says something alone."""
    articles = [_article("a"), _article("a2", duplicate_of="a"), _article("b"), _article("c"), _article("d")]
    claims = [_claim("a:1", "a", "40"), _claim("a2:1", "a2", "40"), _claim("b:1", "b", "40"),
              _claim("c:1", "c", "45"), _claim("d:1", "d", "7")]
    by = {c.id: c for c in claims}
    findings = [_finding("F1", "agree", by["a:1"], by["a2:1"]), _finding("F2", "compatible", by["a:1"], by["b:1"]),
                _finding("F3", "conflict", by["b:1"], by["c:1"])]
    return Report(articles, [], [], claims, findings, [], "0", "m")


def test_copies_count_once_and_only_agreement_corroborates():
    report = hand_built_report()
    sources = claim_sources(report)
    assert sources["a:1"] == ["a", "b"]  # the copy a2 is a, not a second source
    assert sources["a2:1"] == ["a"]
    assert sources["b:1"] == ["a", "b"]  # a conflict (with c) corroborates nothing
    assert sources["c:1"] == ["c"] and sources["d:1"] == ["d"]
    payload = to_json(report)
    assert {c["id"]: c["independent_sources"] for c in payload["claims"]} == \
        {"a:1": 2, "a2:1": 1, "b:1": 2, "c:1": 1, "d:1": 1}
    assert payload["summary"]["single_source_claims"] == 3
    markdown = to_markdown(report)
    single = markdown.split("## Figures and facts only one source gives (3)", 1)[1].split("\n## ", 1)[0]
    assert "“45 delegates” (contradicted: conflict `F3`)" in single and "“7 delegates”" in single
    assert "“40 delegates”" in single  # the copy's claim: its only source is its original
    every = markdown.split("## Claims and their sources", 1)[1]
    assert "“40 delegates”: 2 independent sources (a, b)" in every and "“7 delegates”: 1 source only (d)" in every


def test_articles_of_one_outlet_count_once():
    names = source_names([{"id": "a", "outlet": "Reuters"}, {"id": "b", "outlet": "Reuters"}, {"id": "c"},
                          {"id": "d", "duplicate_of": "a", "outlet": "Guardian"}])
    assert names == {"a": "Reuters", "b": "Reuters", "c": "c", "d": "Reuters"}  # a syndicated copy is its original
    carriers = carried_by({"a:1": "a", "b:1": "b", "c:1": "c"},
                          [("agree", ["a:1", "b:1"]), ("agree", ["b:1", "c:1"])], names)
    assert carriers == {"a:1": ["Reuters"], "b:1": ["Reuters", "c"], "c:1": ["Reuters", "c"]}
    # An outlet on Article records (added by the readers later) is used when present.
    report = hand_built_report()
    for article in report.articles:
        if article.id in ("a", "b"):
            article.outlet = "Reuters"
    assert claim_sources(report)["b:1"] == ["Reuters"]


def test_every_seed_claim_has_its_sources(seeds_report):
    payload = to_json(seeds_report)
    markdown = to_markdown(seeds_report)
    every = markdown.split("## Claims and their sources", 1)[1]
    # A source is an article's outlet when it names one ("Source: ... European Pravda"), else the article.
    source_of = {a["id"]: a.get("outlet") or a["id"] for a in payload["articles"]}
    for claim in payload["claims"]:
        assert source_of[claim["article"]] in claim["carried_by"]
        assert set(claim["carried_by"]) <= set(source_of.values())
        assert claim["independent_sources"] == len(claim["carried_by"])
        line = f"“{md_escape(claim['text'])}”: "
        assert line in every, claim["id"]
    by_text = {(c["article"][:3], c["text"]): c for c in payload["claims"]}
    # '30 countries' at the Brussels meeting: 002 ("30 participating nations") agrees with 001, and
    # 000 and 002 are both European Pravda's: one source however many of its articles repeat it.
    carriers = by_text[("001", "30 countries")]["carried_by"]
    assert "European Pravda" in carriers and len(carriers) == len(set(carriers)) >= 2
    assert sum(name == "European Pravda" for c in payload["claims"] for name in c["carried_by"]
               if c["article"].startswith("002") and c["text"] == "30 participating nations") == 1
    # The Paris meeting's '31 countries' has one source only, and the report lists it for checking.
    assert by_text[("004", "31 countries")]["independent_sources"] == 1
    single = markdown.split("## Figures and facts only one source gives", 1)[1].split("\n## ", 1)[0]
    assert "“31 countries”" in single
    blocks = {block.split("**", 1)[0][:3]: block for block in single.split("\n- **")[1:]}
    assert "“30 countries”" not in blocks.get("001", "")  # 001's figure is corroborated


def test_the_rule_is_shown_with_every_finding_and_an_empty_rule_is_absent(seeds_report, tmp_path):
    findings = [dataclasses.replace(f, rule="scope-membership-vs-event" if f.status == "different_scope" else "")
                for f in seeds_report.findings]
    report = dataclasses.replace(seeds_report, findings=findings)
    markdown = to_markdown(report)
    scoped = [f for f in findings if f.rule]
    assert scoped and markdown.count("rule `scope-membership-vs-event`") == len(scoped)
    assert markdown.count("rule `") == len(scoped)
    level = [f for f in findings if f.status != "agree"]
    sarif = ci.sarif(report, level, Reviews(tmp_path / "r.json"), Path.cwd())
    for result in sarif["runs"][0]["results"]:
        rule = result["properties"].get("rule")
        if result["ruleId"] == "verify/different_scope":
            assert rule == "scope-membership-vs-event"
            assert "`verify rules scope-membership-vs-event` explains it" in result["message"]["text"]
        else:
            assert rule is None and "rule" not in result["message"]["text"]
    written = write_reports(report, tmp_path / "out")
    assert {f["id"]: f["rule"] for f in json.loads(written[0].read_text())["findings"]} == \
        {f.id: f.rule for f in findings}


def test_a_rerun_on_unchanged_articles_leaves_the_reports_untouched(seeds_report, tmp_path):
    paths = write_reports(seeds_report, tmp_path)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths}
    generated = json.loads((tmp_path / "report.json").read_text())["generated_at"]
    (tmp_path / "report.md").write_text("edited by hand")
    write_reports(seeds_report, tmp_path)
    assert (tmp_path / "report.md").read_bytes() == before[tmp_path / "report.md"][0]  # repaired
    for p in paths:
        if p.name != "report.md":
            assert (p.read_bytes(), p.stat().st_mtime_ns) == before[p], p.name  # not even rewritten
    # A new decision changes what the reports say: they are written again, with a new time.
    finding = seeds_report.findings[0]
    reviews = Reviews(tmp_path / "reviews.json", {finding.id: Decision("confirmed", "", "ann", "t")})
    write_reports(seeds_report, tmp_path, reviews)
    again = json.loads((tmp_path / "report.json").read_text())
    assert re.match(r"\d{4}-\d\d-\d\dT", again["generated_at"])
    assert next(f for f in again["findings"] if f["id"] == finding.id)["review"]["decision"] == "confirmed"
    assert generated <= again["generated_at"]
