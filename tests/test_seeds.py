"""End to end on the seed articles: the judgements issue #2 names."""
from __future__ import annotations

import datetime as dt

from conftest import findings_between

BRUSSELS, PARIS, KYIV_VISIT = "2025-04-10-brussels-meeting", "2025-03-27-paris-meeting", "2025-04-04-kyiv-visit"
A000, A001, A002, A003, A004 = ("000_3a415d418c45cda3", "001_198c8c320ba4a582", "002_0e2e57cd6de4063e",
                                "003_a8663d1dd5dfbc58", "004_54b538bd8ca00bf4")


def test_seed_events(seeds_report):
    events = {e.id: e for e in seeds_report.events}
    assert events[BRUSSELS].articles == [A000, A001, A002, A003]
    assert events[BRUSSELS].location == "Brussels" and events[BRUSSELS].date_low == dt.date(2025, 4, 10)
    assert events[PARIS].articles == [A004] and events[PARIS].date_low == dt.date(2025, 3, 27)
    assert events[KYIV_VISIT].articles == [A000, A002]
    contact_group = next(e for e in events.values() if "Contact Group" in e.label)
    assert contact_group.articles == [A003] and contact_group.date_low == dt.date(2025, 4, 11)


def test_no_conflict_in_the_seeds(seeds_report):
    assert [f for f in seeds_report.findings if f.status == "conflict"] == []


def test_countries_at_the_brussels_meeting(seeds_report):
    claims = {c.id: c for c in seeds_report.claims}

    def statuses(a, b, text_a, text_b):
        found = set()
        for f in findings_between(seeds_report, a, b, "count:"):
            texts = {claims[c].text for c in f.claims}
            if text_a in texts and text_b in texts:
                found.add(f.status)
        return found

    assert statuses(A001, A002, "30 countries", "30 participating nations") == {"agree"}
    # "around 30" admits 30 and 31; 31 is the coalition's size, not the meeting's attendance.
    around = statuses(A000, A003, "around 30 countries", "30 countries") | statuses(
        A002, A003, "around 30 countries", "31 countries")
    assert around == {"compatible"}
    assert statuses(A002, A003, "30 countries", "31 countries") == {"different_scope"}
    # The Paris meeting a fortnight earlier had 31 countries: another event, not a contradiction.
    assert statuses(A004, A001, "31 countries", "30 countries") == {"different_event"}


def test_planners_objectives_and_dates(seeds_report):
    assert {f.status for f in findings_between(seeds_report, A001, A003, "count:planner")} == {"compatible"}
    objectives = findings_between(seeds_report, A002, A003, "list:")
    assert {f.status for f in objectives} == {"agree"}
    dates = [f for f in seeds_report.findings if f.attribute.startswith("date:") and f.event == BRUSSELS]
    assert dates and {f.status for f in dates} == {"agree"}
    assert {a for f in dates for a in f.articles} == {A000, A001, A002, A003}
    visit = [f for f in seeds_report.findings if f.attribute.startswith("date:") and f.event == KYIV_VISIT]
    assert any(f.status == "agree" and set(f.articles) == {A000, A002} for f in visit)


def test_every_quote_is_the_text_at_its_offsets(seeds_report):
    texts = {a.id: a.text for a in seeds_report.articles}
    assert seeds_report.claims
    for claim in seeds_report.claims:
        assert texts[claim.article][claim.start:claim.end] == claim.text
