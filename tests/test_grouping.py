"""Explanations that need no action (agree, compatible, different_event) are grouped: one finding per
event (or pair of events), attribute and status, whose id does not move when unrelated articles come in."""
from __future__ import annotations

import shutil

from conftest import SEEDS

from verify.judge import GROUPED, group_explanations, group_id
from verify.pipeline import run
from verify.records import Finding
from verify.report import to_json
from verify.review import decide, is_open, load_reviews, stale


def pair(fid: str, status: str, a: str, b: str, event: str = "e1", attribute: str = "count:country",
         other_event: str | None = None) -> Finding:
    return Finding(id=fid, status=status, event=event, attribute=attribute, claims=[a, b], explanation=f"{a} vs {b}",
                   articles=[a.split(".")[0], b.split(".")[0]], values=["31", "31"], other_event=other_event,
                   sides=[[a], [b]], rule="same-value",
                   pairs=[{"id": fid, "sides": [0, 1], "rule": "same-value", "explanation": f"{a} vs {b}"}])


def test_pairs_of_one_event_attribute_and_status_become_one_finding():
    findings = [pair("F1", "agree", "x.1", "y.1"), pair("F2", "agree", "x.1", "z.1"), pair("F3", "agree", "y.1", "z.1"),
                pair("F4", "conflict", "x.1", "w.1"), pair("F5", "compatible", "w.1", "y.1")]
    grouped = group_explanations(findings)
    by_status = {f.status: f for f in grouped}
    assert sorted(f.status for f in grouped) == ["agree", "compatible", "conflict"]
    agree = by_status["agree"]
    assert agree.sides == [["x.1"], ["y.1"], ["z.1"]]  # each side once, however many pairs it is in
    assert [p["sides"] for p in agree.pairs] == [[0, 1], [0, 2], [1, 2]]
    assert [p["id"] for p in agree.pairs] == ["F1", "F2", "F3"]  # the pair-level ids stay readable
    assert agree.claims == ["x.1", "y.1", "z.1"] and agree.articles == ["x", "y", "z"]
    assert "3 pairs of claims" in agree.explanation
    assert by_status["conflict"].id == "F4"  # a discrepancy that needs a decision stays one finding per pair


def test_a_grouped_id_depends_on_its_key_only():
    two = group_explanations([pair("F1", "agree", "x.1", "y.1"), pair("F2", "agree", "x.1", "z.1")])
    three = group_explanations([pair("F2", "agree", "x.1", "z.1"), pair("F9", "agree", "q.1", "x.1"),
                                pair("F1", "agree", "x.1", "y.1")])
    assert [f.id for f in two] == [f.id for f in three] == [group_id("agree", "e1", "count:country")]
    other = group_explanations([pair("F1", "agree", "x.1", "y.1", attribute="date")])
    assert other[0].id != two[0].id
    across = group_explanations([pair("F1", "different_event", "x.1", "y.1", other_event="e2")])
    assert across[0].other_event == "e2" and across[0].id == group_id("different_event", "e1", "count:country", "e2")


UNRELATED = """Wildfire forces 2,300 from homes in the Algarve

Published 14 August 2025

Firefighters in southern Portugal battled a wildfire near Monchique on Thursday that forced 2,300 people
from their homes, the civil protection agency said. More than 400 firefighters and 12 aircraft fought the
blaze, which had burned about 6,000 hectares by evening, according to the agency.
"""


def test_grouped_ids_survive_an_unrelated_article_and_keep_their_decisions(tmp_path, seeds_report, resources,
                                                                            embedder):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    grouped = [f for f in seeds_report.findings if f.status in GROUPED]
    assert len(grouped) < len([p for f in grouped for p in f.pairs])  # grouping did take pairs together
    reviews = load_reviews(tmp_path / "reviews.json")
    chosen = next(f for f in to_json(seeds_report)["findings"] if f["status"] in GROUPED)
    decide(reviews, chosen, "explained", "checked once for the whole group", "tester")

    (folder / "900_wildfire.txt").write_text(UNRELATED, encoding="utf-8")
    widened = run([str(folder)], resources=resources, embedder=embedder)
    assert any(c.article == "900_wildfire" for c in widened.claims)  # the new article did bring claims
    assert {f.id for f in grouped} <= {f.id for f in widened.findings}
    assert not is_open(chosen["id"], load_reviews(tmp_path / "reviews.json"))
    assert stale(widened, load_reviews(tmp_path / "reviews.json")) == []


def test_decisions_recorded_on_pairs_before_grouping_carry_over(tmp_path):
    """Decisions an older verify recorded on single different_event pairs keep working on their group."""
    from verify.review import Decision, Reviews, inherit_pair_decisions, stale_ids

    explained = Decision("explained", "two meetings", "ed", "2026-01-02T00:00:00+00:00")
    reviews = Reviews(tmp_path / "reviews.json", {"F1": explained, "F2": explained, "Fgone": explained})
    decided = group_explanations([pair("F1", "different_event", "x.1", "y.1", other_event="e2"),
                                  pair("F2", "different_event", "x.1", "z.1", other_event="e2")])
    inherit_pair_decisions(reviews, decided)
    assert reviews.get(decided[0].id) is explained
    assert stale_ids(decided, reviews) == ["Fgone"]  # the pairs' own decisions live on in their group

    widened = group_explanations([pair("F1", "different_event", "x.1", "y.1", other_event="e2"),
                                  pair("F2", "different_event", "x.1", "z.1", other_event="e2"),
                                  pair("F3", "different_event", "x.1", "w.1", other_event="e2")])
    assert widened[0].id == decided[0].id
    inherit_pair_decisions(reviews, widened)
    assert reviews.get(widened[0].id) is None  # a pair nobody decided reopens the group


def test_claims_of_a_grouped_finding_carry_only_the_claims_they_were_compared_with():
    """'30' and '30' agree, '35' and '35' agree, in one grouped finding: a 30 is not carried by the 35s."""
    from verify.corroboration import carried_by, compared_claims

    grouped = group_explanations([pair("F1", "agree", "a.1", "b.1"), pair("F2", "agree", "c.1", "d.1")])[0]
    assert grouped.claims == ["a.1", "b.1", "c.1", "d.1"]
    articles = {cid: cid.split(".")[0] for cid in grouped.claims}
    carriers = carried_by(articles, compared_claims(grouped.status, grouped.claims, grouped.sides, grouped.pairs),
                          {a: a for a in articles.values()})
    assert carriers["a.1"] == ["a", "b"] and carriers["d.1"] == ["c", "d"]


def test_an_inherited_decision_can_be_taken_back(tmp_path):
    from verify.review import Decision, Reviews, inherit_pair_decisions, load_reviews, reopen, save_reviews

    explained = Decision("explained", "two meetings", "ed", "2026-01-02T00:00:00+00:00")
    save_reviews(Reviews(tmp_path / "reviews.json", {"F1": explained, "F2": explained}))
    grouped = group_explanations([pair("F1", "different_event", "x.1", "y.1", other_event="e2"),
                                  pair("F2", "different_event", "x.1", "z.1", other_event="e2")])[0]
    reviews = inherit_pair_decisions(load_reviews(tmp_path / "reviews.json"), [grouped])
    assert reviews.get(grouped.id) is not None
    assert reopen(reviews, grouped.id, [p["id"] for p in grouped.pairs]) == explained
    assert inherit_pair_decisions(load_reviews(tmp_path / "reviews.json"), [grouped]).get(grouped.id) is None
