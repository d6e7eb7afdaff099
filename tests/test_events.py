"""Event resolution: which event is a statement about?"""
from __future__ import annotations

import datetime as dt


def event_of(report, article, text):
    claim = next(c for c in report.claims if c.article == article and c.text == text)
    return claim.event


def test_one_event_reported_by_several_outlets_in_different_words(corpus):
    report = corpus({
        "a": " date 2024-05-14 Fisheries ministers from 18 countries met in Oslo on Tuesday, 14 May.\n",
        "b": " date 2024-05-15 Yesterday's fisheries meeting in Oslo brought together 18 countries.\n",
        "c": " date 2024-05-14 The ministers' talks in the Norwegian capital, Oslo, ended today with 18 countries "
             "signing a declaration.\n",
    })
    assert len(report.events) == 1
    event = report.events[0]
    assert event.date_low == dt.date(2024, 5, 14) and event.location == "Oslo"
    assert event.articles == ["a", "b", "c"]


def test_meetings_a_week_apart_in_one_article_stay_apart(corpus):
    report = corpus({
        "a": " date 2024-05-14 Ministers met in Oslo on Tuesday, 14 May, and will meet again a week later in Bergen.\n",
    })
    dates = sorted(e.date_low for e in report.events)
    assert dates == [dt.date(2024, 5, 14), dt.date(2024, 5, 21)]


def test_claims_take_the_event_of_their_sentence_and_background_is_kept_apart(corpus):
    report = corpus({
        "a": " date 2024-05-14 Ministers from 18 countries met in Oslo on Tuesday, 14 May.\n\n"
             "The 18 countries agreed new quotas.\n\nBackground:\n\n"
             "On 2 February, 12 countries met in Bergen for a first round of talks.\n",
    })
    oslo = event_of(report, "a", "18 countries")
    bergen = event_of(report, "a", "12 countries")
    assert oslo != bergen
    assert {e.location for e in report.events} == {"Oslo", "Bergen"}


def test_a_one_day_disagreement_on_the_date_is_one_event_with_a_conflict(corpus):
    report = corpus({
        "a": " date 2024-05-14 Fisheries ministers from 18 countries met in Oslo on Tuesday, 14 May.\n",
        "b": " date 2024-05-15 Fisheries ministers from 18 countries met in Oslo on Wednesday, 15 May.\n",
    })
    assert len(report.events) == 1
    assert [f.status for f in report.findings if f.attribute.startswith("date:")] == ["conflict"]


def test_named_event_from_a_dated_possessive(corpus):
    report = corpus({
        "a": " date 2025-04-10 Many ministers at today's session will join tomorrow's Ukraine Defense Contact Group.\n",
    })
    labels = {e.label for e in report.events}
    assert "Ukraine Defense Contact Group, 2025-04-11" in labels


def test_a_company_or_a_person_after_at_is_not_where_the_event_happened(corpus):
    report = corpus({
        "a": " date 2019-06-11 Hackers stole the records of 412,000 customers in a breach at Ostrander-Kell Bank, "
             "the bank said on Tuesday.\n",
    })
    assert [e.location for e in report.events] == [None]
    assert "Ostrander-Kell" not in report.events[0].label


def test_an_event_a_value_is_compared_with_is_not_its_event(corpus):
    """'58 percent, up on the previous election' is this election's turnout; 60 percent 'at the previous
    election' is that one's. Two cities' elections whose turnouts are both compared with 'the previous
    election' are not one event because of it."""
    report = corpus({
        "lyon": """\
             date 2024-03-17 The Liberal Centre won the municipal election in Lyon, taking 24 of the 45 seats.

            Turnout was 58 percent, up on the previous election.
            """,
        "porto": """\
             date 2024-03-17 The Liberal Centre won the municipal election in Porto, taking 31 of the 61 seats.

            Turnout fell to 41 percent, down from 60 percent at the previous election.
            """,
    })
    mentions = {m.id: m for m in report.mentions}
    claims = {c.text: c for c in report.claims if c.kind == "percent"}
    for own in ("58 percent", "41 percent"):
        mention = mentions.get(claims[own].mention or "")
        assert mention is None or not mention.distinct, own
    assert mentions[claims["60 percent"].mention].distinct  # the figure of the previous election itself
    assert claims["58 percent"].event != claims["41 percent"].event
    assert not [f for f in report.findings if f.status == "conflict" and f.attribute.startswith("percent")]
