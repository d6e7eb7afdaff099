"""Look-alike events: undated articles, events of one kind years apart, whose figure it is (issue #14)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from verify.evaluate import corpus_stories, grouping_f1, grouping_shared, load_gold
from verify.report import to_markdown

LOOKALIKE = Path(__file__).parent / "data" / "lookalike"

QUAKE_2016 = (" date 2016-03-09 Mindanao Ledger | Regions | By Jomar Villanueva | 9 March 2016, 11:05\n\n"
              "A magnitude 6.1 earthquake struck Davao Oriental province before dawn on Wednesday, killing nine "
              "people near the town of Manay.\n\n"
              "Governor Rosalinda Abueva said 410 houses were damaged in Manay. Director Arnel Quitain of the "
              "seismic bureau said the quake was centred 24 kilometres inland.\n")
QUAKE_2021 = (" date 2021-11-22 Coastline News | Mindanao | By Rhea Manalo | 22 November 2021, 19:40\n\n"
              "A magnitude 6.8 earthquake struck off Davao Oriental province on Monday afternoon, killing 17 "
              "people near the town of Cateel.\n\n"
              "Governor Emilio Sarmiento said 1,250 houses were damaged in Cateel. Director Arnel Quitain of the "
              "seismic bureau said the quake was centred 21 kilometres offshore.\n")


def main_event(report, article: str) -> str | None:
    return next((e.id for e in report.events if article in e.main_articles), None)


def test_an_undated_article_joins_the_look_alike_event_whose_specifics_it_shares(corpus):
    report = corpus({
        "a": QUAKE_2016,
        "b": QUAKE_2021,
        # No date at all: only what it shares with one of the two quakes places it.
        "c": "Manay counts the cost\n\nThe earthquake killed nine people in Davao Oriental province, and "
             "Governor Rosalinda Abueva said 410 houses were damaged in Manay. Director Arnel Quitain of the "
             "seismic bureau visited the town on Thursday.\n",
    })
    assert main_event(report, "a") != main_event(report, "b")
    assert main_event(report, "c") == main_event(report, "a")


def test_an_undated_article_with_nothing_specific_stays_its_own_event_and_says_so(corpus):
    report = corpus({
        "a": QUAKE_2016,
        "b": QUAKE_2021,
        "c": "Quake memories\n\nThe earthquake in Davao Oriental province frightened many families. Director "
             "Arnel Quitain of the seismic bureau said people should prepare emergency bags.\n",
    })
    own = main_event(report, "c")
    assert own not in (main_event(report, "a"), main_event(report, "b"))
    event = next(e for e in report.events if e.id == own)
    assert any("undated" in note and "look-alike" in note for note in event.notes)
    assert "c: undated, and nothing specific to it" in to_markdown(report)


def test_reports_years_apart_are_two_events_even_when_no_sentence_dates_them(corpus):
    report = corpus({
        "a": " date 2018-06-12 Tremont-Vale Industries will buy Brightwater Packaging for $480 million, chief "
             "executive Dana Holm said.\n",
        "b": " date 2022-02-07 Tremont-Vale Industries will buy Helix Coatings for $2.1 billion, chief executive "
             "Dana Holm said.\n",
    })
    assert main_event(report, "a") != main_event(report, "b")
    # Their prices are figures of two deals, never set against each other.
    assert not [f for f in report.findings if f.status == "conflict"]


def test_a_game_and_its_rematch_a_month_later_are_two_events(corpus):
    report = corpus({
        "a": " date 2023-01-15 The Stags beat the Prairie Kings 112-104 on Saturday at Lakeshore Pavilion. "
             "Jalen Whitacre scored 31 points for the Stags.\n",
        "b": " date 2023-02-05 The Prairie Kings beat the Stags 118-115 in overtime on Saturday at the Platte "
             "Center. Jalen Whitacre scored 24 points for the Stags.\n",
    })
    assert main_event(report, "a") != main_event(report, "b")
    points = [c for c in report.claims if c.text in ("31 points", "24 points")]
    assert len(points) == 2, "a score's points are counted"
    assert not [f for f in report.findings if f.status == "conflict"]


def test_grouping_score_counts_pairs_of_articles_put_in_one_event():
    gold = {"articles": {"a": "E1", "b": "E1", "c": "E2", "d": "E2"}, "pairs": []}
    report = {"articles": [{"id": "a", "event": "x"}, {"id": "b", "event": "x"}, {"id": "c", "event": "x"},
                           {"id": "d", "event": None}], "claims": []}
    counts = grouping_shared(report, gold, [])
    assert (counts["grouping_tp"], counts["grouping_fp"], counts["grouping_fn"]) == (1, 2, 1)
    assert counts["ungrouped_articles"] == 1
    precision, recall, f1 = grouping_f1(1, 2, 1)
    assert (round(precision, 2), recall, round(f1, 2)) == (0.33, 0.5, 0.4)
    assert grouping_shared(report, {"pairs": []}, []) == {}


@pytest.mark.parametrize("story", [p.name for p in corpus_stories(LOOKALIKE)])
def test_lookalike_keys_map_every_article_to_an_event(story):
    folder = LOOKALIKE / story
    gold = load_gold(folder / "gold.json")
    articles = {p.stem for p in folder.glob("*.txt")}
    assert set(gold["articles"]) == articles
    assert set(gold["articles"].values()) <= {e["id"] for e in gold["events"]}


def test_the_lookalike_set_is_grouped_by_event_and_never_compared_across_events():
    # A floor under today's figures (pairwise F1 0.81, precision 0.96, no conflict finding across two
    # events), to guard against regressions; the target (F1 0.9) is not reached yet.
    result = subprocess.run([sys.executable, "-m", "verify", "eval", "--corpus", str(LOOKALIKE), "--json"],
                            capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)["total"]
    assert total["grouping_f1"] >= 0.78
    assert total["grouping_precision"] >= 0.9
    assert total["cross_event_conflicts"] <= 1


def test_things_one_article_counts_apart_are_never_grouped(corpus):
    # "touchdowns" and "interceptions" read alike to a sentence model; the first article counts both,
    # with different values, so no report's touchdowns are set against another's interceptions.
    report = corpus({
        "a": " date 2024-09-09 Quarterback Cole Danner threw three touchdowns and two interceptions in "
             "Sunday's win over the Hawks.\n",
        "b": " date 2024-09-09 Cole Danner threw four interceptions in Sunday's win over the Hawks.\n",
    })
    claims = {c.text: c for c in report.claims}
    assert claims["three touchdowns"].attribute != claims["four interceptions"].attribute
    assert claims["two interceptions"].attribute == claims["four interceptions"].attribute
    conflicts = [f for f in report.findings if f.status == "conflict"]
    assert [sorted(c.split(":")[0] for c in f.claims) for f in conflicts] == [["a", "b"]]
    texts = {report_claim.text for f in conflicts for report_claim in report.claims if report_claim.id in f.claims}
    assert texts == {"two interceptions", "four interceptions"}


def test_a_figure_whose_holder_is_unsaid_is_not_set_against_named_players_figures(corpus):
    report = corpus({
        "a": " date 2023-02-05 Desmond Achterberg scored 38 points for the Prairie Kings on Saturday.\n\n"
             "Luis Carbajal scored 19 points for the Prairie Kings on Saturday.\n",
        "b": " date 2023-02-05 The Milwaukee guard scored 24 points against the Prairie Kings on Saturday.\n",
        "c": " date 2023-02-06 Desmond Achterberg scored 36 points for the Prairie Kings on Saturday.\n",
    })
    texts = {c.id: c.text for c in report.claims}
    conflicts = [sorted(texts[c] for c in f.claims) for f in report.findings if f.status == "conflict"]
    assert ["36 points", "38 points"] in conflicts
    assert not [pair for pair in conflicts if "24 points" in pair]
