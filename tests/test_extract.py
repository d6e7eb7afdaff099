"""Claims extracted from single articles: typed values, exact quotes, events mentioned."""
from __future__ import annotations

import datetime as dt

import pytest

from verify.extract import extract_article
from verify.read import read_article


@pytest.fixture
def extract(tmp_path, resources):
    def run(text: str, name: str = "a"):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        article = read_article(path)
        claims, mentions = extract_article(article, resources)
        for claim in claims:
            assert article.text[claim.start:claim.end] == claim.text
        return claims, mentions

    return run


def by_text(claims):
    return {c.text: c for c in claims}


def test_counts_carry_hedge_intervals(extract):
    claims, _ = extract(" date 2025-04-10 Around 30 countries attended, while more than 40 journalists, "
                        "dozens of diplomats and forty-seven observers waited outside.\n")
    found = by_text(claims)
    assert (found["Around 30 countries"].value.low, found["Around 30 countries"].value.high) == (27, 33)
    assert found["more than 40 journalists"].value.low == 41
    assert found["dozens of diplomats"].value.hedge == "vague"
    observers = found["forty-seven observers"]
    assert observers.value.point == 47 and observers.attribute == "count:observer"


def test_amounts_are_normalised_with_currency(extract):
    claims, _ = extract(" date 2025-04-10 Donors pledged $1.2 billion in aid and €300 million in loans.\n")
    found = by_text(claims)
    assert found["$1.2 billion"].value.point == 1.2e9 and found["$1.2 billion"].value.currency == "USD"
    assert found["€300 million"].value.currency == "EUR"


def test_relative_event_dates_resolve_against_the_article_date(extract):
    _, mentions = extract(" date 2025-04-10 Many ministers attending today's session will join tomorrow's "
                          "Defence Contact Group.\n")
    dates = {m.trigger: m.date_low for m in mentions}
    assert dates["session"] == dt.date(2025, 4, 10)
    assert dates["Defence Contact Group"] == dt.date(2025, 4, 11)


def test_a_statement_keeps_its_own_date_for_today(extract):
    text = (" date 2025-04-14 A statement from the ministers following the meeting of the group on 10 April 2025.\n\n"
            "The session today was held in Brussels with 30 countries.\n")
    claims, mentions = extract(text)
    session = next(m for m in mentions if m.trigger == "session")
    assert session.date_low == dt.date(2025, 4, 10)


def test_weekday_that_does_not_match_its_date_is_a_claim(extract):
    claims, _ = extract(" date 2025-03-15 Ministers met in Geneva on Thursday, 14 March 2025.\n")
    weekday = [c for c in claims if c.kind == "weekday"]
    assert len(weekday) == 1 and "Friday" in str(weekday[0].value)


def test_event_mentions_take_their_date_place_and_participants(extract):
    _, mentions = extract(" date 2025-04-10 On Friday, 4 April, the army chiefs of France and Britain visited Kyiv "
                          "for talks, officials said on Saturday.\n")
    visit = next(m for m in mentions if m.type == "visit")
    assert visit.date_low == dt.date(2025, 4, 4)  # not Saturday: that is when officials spoke
    assert visit.place == "Kyiv"


@pytest.mark.parametrize("sentence, event_type", [
    ("Police arrested linebacker Kendrick Vale in Miami on Sunday.", "arrest"),
    ("The Tern-2 rocket's launch from Kallax on Thursday went to plan.", "launch"),
    ("Torvane announced a recall of 462,000 pickups on Tuesday.", "recall"),
    ("Threlfall won the bout in Las Vegas on Saturday.", "contest"),
    ("Hackers behind the breach stole data of 412,000 customers on Monday.", "breach"),
])
def test_event_types_of_real_news(extract, sentence, event_type):
    _, mentions = extract(f" date 2024-08-06 {sentence}\n")
    assert event_type in {m.type for m in mentions}


def test_people_and_roles(extract):
    claims, _ = extract(" date 2025-04-10 UK Defence Secretary John Healey met Ilse Varnholt, Valdoria's foreign "
                        "minister, and the interior minister, Petra Saelig.\n")
    roles = {c.subject: str(c.value) for c in claims if c.kind == "role"}
    assert roles["John Healey"] == "UK Defence Secretary"
    assert roles["Ilse Varnholt"] == "Valdoria's foreign minister"
    assert roles["Petra Saelig"] == "interior minister"


def test_a_hyphenated_company_name_stays_whole_in_a_title(extract):
    claims, _ = extract(" date 2025-04-10 Hewlett-Packard CEO Meg Whitfield said the deal would close in May.\n")
    roles = {c.subject: str(c.value) for c in claims if c.kind == "role"}
    assert roles == {"Meg Whitfield": "Hewlett-Packard CEO"}


def test_points_are_a_score_unless_a_share_is_beside_them(extract):
    claims, _ = extract(" date 2023-01-15 Jalen Whitacre scored 31 points in the win.\n\n"
                        "Labour won 38.2% of the vote, a lead of 13 points.\n")
    counts = {c.text for c in claims if c.kind == "count"}
    assert "31 points" in counts and "13 points" not in counts
    assert any(c.text == "13 points" and c.kind == "percent" for c in claims)


def test_lists_inline_and_on_lines(extract):
    claims, _ = extract(" date 2025-04-10 The ministers agreed four goals: clean water, cheap housing, safe streets "
                        "and fast buses.\n\nThe mayor listed her priorities:\n\nClean water\n\nSafe streets\n")
    lists = [c for c in claims if c.kind == "list"]
    assert [len(c.value.items) for c in lists] == [4, 2]
    assert lists[0].value.items == ("clean water", "cheap housing", "safe streets", "fast buses")


def test_size_of_a_body_is_membership_scope(extract):
    claims, _ = extract(" date 2025-04-10 The coalition, a group of 31 countries, met in Brussels, where "
                        "30 countries attended.\n")
    scopes = {c.text: c.value.scope for c in claims if c.kind == "count"}
    assert scopes == {"31 countries": "membership", "30 countries": "event"}


def test_years_phone_numbers_and_ordinals_are_not_counts(extract):
    claims, _ = extract(" date 2025-04-10 In 2024, the 31st meeting at No. 10 Downing Street took calls on "
                        "+44 20 7946 0958.\n")
    assert [c for c in claims if c.kind == "count"] == []
