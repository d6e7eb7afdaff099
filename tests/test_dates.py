"""Tests for verify.extract.dates: span finding and resolution of date mentions."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from verify.extract.dates import DateMention, find_dates, shift_from

D = dt.date
R = D(2025, 4, 10)  # a Thursday: the reference date for most cases


def only(text: str, reference: dt.date | None = R) -> DateMention:
    mentions = find_dates(text, reference)
    assert len(mentions) == 1, mentions
    return mentions[0]


# (text, reference, mention text, low, high, granularity)
ABSOLUTE = [
    ("on 10 April", R, "10 April", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on April 10", R, "April 10", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on 10 April 2025.", R, "10 April 2025", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on April 10, 2025,", R, "April 10, 2025", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on 10th April", R, "10th April", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("the 10th of April", R, "10th of April", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("Sept. 3, 2024", R, "Sept. 3, 2024", D(2024, 9, 3), D(2024, 9, 3), "day"),
    ("date 2025-04-10 The", R, "2025-04-10", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("at 2025-04-10T12:00:00Z", R, "2025-04-10", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on 10/04/2025", R, "10/04/2025", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("on 04/25/2025", R, "04/25/2025", D(2025, 4, 25), D(2025, 4, 25), "day"),
    ("in March 2025", R, "March 2025", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("in February 2024", R, "February 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("in late March 2025", R, "late March 2025", D(2025, 3, 21), D(2025, 3, 31), "month"),
    ("in April", R, "April", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("since early May", R, "early May", D(2025, 5, 1), D(2025, 5, 10), "month"),
    ("by mid-March", R, "mid-March", D(2025, 3, 11), D(2025, 3, 20), "month"),
    ("by the end of June", R, "end of June", D(2025, 6, 21), D(2025, 6, 30), "month"),
    ("in December", D(2025, 1, 3), "December", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("in 2024", R, "2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("by 2030", R, "2030", D(2030, 1, 1), D(2030, 12, 31), "year"),
    ("by early 2026", R, "early 2026", D(2026, 1, 1), D(2026, 4, 30), "year"),
    ("on 10-12 April", R, "10-12 April", D(2025, 4, 10), D(2025, 4, 12), "range"),
    ("April 10 to 12, 2024", R, "April 10 to 12, 2024", D(2024, 4, 10), D(2024, 4, 12), "range"),
    # Year-less day/month takes the year closest to the reference.
    ("on 28 December", D(2025, 1, 3), "28 December", D(2024, 12, 28), D(2024, 12, 28), "day"),
    ("on 3 January", D(2024, 12, 28), "3 January", D(2025, 1, 3), D(2025, 1, 3), "day"),
    ("on 29 February", D(2025, 3, 1), "29 February", D(2024, 2, 29), D(2024, 2, 29), "day"),
    # Without a reference only dates with a year resolve.
    ("on 10 April 2025", None, "10 April 2025", D(2025, 4, 10), D(2025, 4, 10), "day"),
    ("in 2024", None, "2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("on 10 April", None, "10 April", None, None, "day"),
    ("in April", None, "April", None, None, "month"),
    # Impossible dates keep their span but resolve to nothing.
    ("on 31 February", R, "31 February", None, None, "day"),
    ("on 2025-02-30", R, "2025-02-30", None, None, "day"),
]


@pytest.mark.parametrize("text, ref, span, low, high, gran", ABSOLUTE)
def test_absolute(text, ref, span, low, high, gran):
    m = only(text, ref)
    assert (m.text, m.low, m.high, m.granularity) == (span, low, high, gran)
    assert m.relative is False


# (text, mention text, date, weekday, mismatch)
WEEKDAY_ATTACHED = [
    ("Thursday, 27 March 2025, 13:15", "Thursday, 27 March 2025", D(2025, 3, 27), 3, False),
    ("Anastasia ProtzThursday, 27 March 2025", "Thursday, 27 March 2025", D(2025, 3, 27), 3, False),
    ("On Friday, 4 April, the chiefs", "Friday, 4 April", D(2025, 4, 4), 4, False),
    ("On Thursday, 4 April, the chiefs", "Thursday, 4 April", D(2025, 4, 4), 3, True),
    ("Thursday, 14 March 2025", "Thursday, 14 March 2025", D(2025, 3, 14), 3, True),
    ("on Tuesday, April 8", "Tuesday, April 8", D(2025, 4, 8), 1, False),
    ("Fri 4 Apr 2025", "Fri 4 Apr 2025", D(2025, 4, 4), 4, False),
    ("last Friday, 4 April", "Friday, 4 April", D(2025, 4, 4), 4, False),
]


@pytest.mark.parametrize("text, span, date, weekday, mismatch", WEEKDAY_ATTACHED)
def test_weekday_attached(text, span, date, weekday, mismatch):
    m = only(text)
    assert (m.text, m.low, m.high) == (span, date, date)
    assert (m.weekday, m.weekday_mismatch, m.relative) == (weekday, mismatch, False)


# (text, reference, mention text, low, high, granularity)
RELATIVE = [
    ("today", R, "today", R, R, "day"),
    ("This morning the minister", R, "This morning", R, R, "day"),
    ("tonight", R, "tonight", R, R, "day"),
    ("this evening", R, "this evening", R, R, "day"),
    ("yesterday", R, "yesterday", D(2025, 4, 9), D(2025, 4, 9), "day"),
    ("Yesterday evening", R, "Yesterday evening", D(2025, 4, 9), D(2025, 4, 9), "day"),
    ("tomorrow", R, "tomorrow", D(2025, 4, 11), D(2025, 4, 11), "day"),
    ("the day before yesterday", R, "the day before yesterday", D(2025, 4, 8), D(2025, 4, 8), "day"),
    ("the day after tomorrow", R, "the day after tomorrow", D(2025, 4, 12), D(2025, 4, 12), "day"),
    ("last night", R, "last night", D(2025, 4, 9), D(2025, 4, 9), "day"),
    ("attending today's session", R, "today", R, R, "day"),
    ("join tomorrow’s Ukraine Defense Contact Group", R, "tomorrow", D(2025, 4, 11), D(2025, 4, 11), "day"),
    # Weekdays: same weekday as R -> R, otherwise the most recent one before R.
    ("on Tuesday", R, "Tuesday", D(2025, 4, 8), D(2025, 4, 8), "day"),
    ("Thursday's meeting", R, "Thursday", R, R, "day"),
    ("on Friday", R, "Friday", D(2025, 4, 4), D(2025, 4, 4), "day"),
    ("on Tuesday night", R, "Tuesday night", D(2025, 4, 8), D(2025, 4, 8), "day"),
    ("last Tuesday", R, "last Tuesday", D(2025, 4, 8), D(2025, 4, 8), "day"),
    ("last Thursday", R, "last Thursday", D(2025, 4, 3), D(2025, 4, 3), "day"),
    ("next Tuesday", R, "next Tuesday", D(2025, 4, 15), D(2025, 4, 15), "day"),
    ("next Thursday", R, "next Thursday", D(2025, 4, 17), D(2025, 4, 17), "day"),
    ("this coming Friday", R, "this coming Friday", D(2025, 4, 11), D(2025, 4, 11), "day"),
    ("on coming Monday", R, "coming Monday", D(2025, 4, 14), D(2025, 4, 14), "day"),
    # Weekends, weeks, months, years.
    ("last weekend", R, "last weekend", D(2025, 4, 4), D(2025, 4, 6), "weekend"),
    ("last weekend", D(2025, 4, 12), "last weekend", D(2025, 4, 4), D(2025, 4, 6), "weekend"),
    ("this weekend", R, "this weekend", D(2025, 4, 11), D(2025, 4, 13), "weekend"),
    ("over the weekend", D(2025, 4, 14), "the weekend", D(2025, 4, 11), D(2025, 4, 13), "weekend"),
    ("last week", R, "last week", D(2025, 3, 31), D(2025, 4, 6), "week"),
    ("this week", R, "this week", D(2025, 4, 7), D(2025, 4, 13), "week"),
    ("next week", R, "next week", D(2025, 4, 14), D(2025, 4, 20), "week"),
    ("earlier this week", R, "earlier this week", D(2025, 4, 7), D(2025, 4, 9), "week"),
    ("earlier this month", R, "earlier this month", D(2025, 4, 1), D(2025, 4, 9), "month"),
    ("earlier this month", D(2025, 4, 1), "earlier this month", D(2025, 4, 1), D(2025, 4, 1), "month"),
    ("later this month", R, "later this month", D(2025, 4, 11), D(2025, 4, 30), "month"),
    ("last month", R, "last month", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("last month", D(2025, 1, 15), "last month", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("next month", R, "next month", D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("earlier this year", R, "earlier this year", D(2025, 1, 1), D(2025, 4, 9), "year"),
    ("last year", R, "last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("Last year's summit", R, "Last year", D(2024, 1, 1), D(2024, 12, 31), "year"),
    # Counts.
    ("two days ago", R, "two days ago", D(2025, 4, 8), D(2025, 4, 8), "day"),
    ("3 days ago", R, "3 days ago", D(2025, 4, 7), D(2025, 4, 7), "day"),
    ("a week ago", R, "a week ago", D(2025, 4, 3), D(2025, 4, 3), "day"),
    ("a year ago", R, "a year ago", D(2024, 4, 10), D(2024, 4, 10), "day"),
    ("a week later", R, "a week later", D(2025, 4, 17), D(2025, 4, 17), "day"),
    ("two days later", R, "two days later", D(2025, 4, 12), D(2025, 4, 12), "day"),
    ("a day earlier", R, "a day earlier", D(2025, 4, 9), D(2025, 4, 9), "day"),
    ("the next day", R, "the next day", D(2025, 4, 11), D(2025, 4, 11), "day"),
    ("the following day", R, "the following day", D(2025, 4, 11), D(2025, 4, 11), "day"),
    ("the previous day", R, "the previous day", D(2025, 4, 9), D(2025, 4, 9), "day"),
    # No reference: relative mentions are found but unresolved.
    ("tomorrow", None, "tomorrow", None, None, "day"),
    ("last week", None, "last week", None, None, "week"),
    ("next Tuesday", None, "next Tuesday", None, None, "day"),
]


@pytest.mark.parametrize("text, ref, span, low, high, gran", RELATIVE)
def test_relative(text, ref, span, low, high, gran):
    m = only(text, ref)
    assert (m.text, m.low, m.high, m.granularity) == (span, low, high, gran)
    assert m.relative is True


def test_weekday_field_on_relative_weekday():
    assert only("next Tuesday").weekday == 1
    assert only("next Tuesday", None).weekday == 1
    assert only("tomorrow").weekday is None


NOT_DATES = [
    "they may meet on the sidelines",
    "May I ask a question?",
    "a march through the city",
    "April said the talks went well",
    "written by April Smith",
    "a meeting over the next month",
    "in the past week alone",
    "the last week has been hard",
    "troops have worked intensively in recent weeks",
    "working for several weeks on a plan",
    "for two weeks",
    "at 13:15 and again at 19:58",
    "case ID-2024-0017 and file 2025/04/10/report",
    "the 2024 election",
    "1,2024 units",
    "exports fell by 2000 tonnes",
    "reported by USA Today",
    "Good Friday agreement",
    "the Sunday Times reported",
    "over the next day or two",
    "two days before the vote",
    "the 2024-25 season",
    "",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text, R) == []


def test_seed_like_article():
    text = (
        "date 2025-04-10 The meeting in Brussels on 10 April follows the visit to Kyiv "
        "last weekend. On Friday, 4 April, the chiefs of defence visited Kyiv. The coalition "
        "has worked for several weeks and will meet over the next month. Ministers attending "
        "today's session will join tomorrow's Ukraine Defense Contact Group."
    )
    got = [(m.text, m.low, m.high) for m in find_dates(text, R)]
    assert got == [
        ("2025-04-10", R, R),
        ("10 April", R, R),
        ("last weekend", D(2025, 4, 4), D(2025, 4, 6)),
        ("Friday, 4 April", D(2025, 4, 4), D(2025, 4, 4)),
        ("today", R, R),
        ("tomorrow", D(2025, 4, 11), D(2025, 4, 11)),
    ]


@pytest.mark.parametrize(
    "anchor, text, expected",
    [
        (D(2025, 4, 4), "a week later", (D(2025, 4, 11), D(2025, 4, 11))),
        (D(2025, 4, 4), "two days earlier", (D(2025, 4, 2), D(2025, 4, 2))),
        (D(2025, 4, 4), "the next day", (D(2025, 4, 5), D(2025, 4, 5))),
        (D(2025, 4, 4), "The previous day", (D(2025, 4, 3), D(2025, 4, 3))),
        (D(2025, 1, 31), "a month later", (D(2025, 2, 28), D(2025, 2, 28))),
        (D(2025, 4, 4), "that day", (D(2025, 4, 4), D(2025, 4, 4))),
        (D(2025, 4, 4), "the same evening", (D(2025, 4, 4), D(2025, 4, 4))),
        (D(2025, 4, 4), "two days ago", None),
        (D(2025, 4, 4), "tomorrow", None),
        (D(1, 1, 1), "a day earlier", None),
    ],
)
def test_shift_from(anchor, text, expected):
    assert shift_from(anchor, text) == expected


def test_that_day_alone_is_found_but_left_unresolved():
    (mention,) = find_dates("Its statement that day listed 19 cases.", D(2025, 4, 10))
    assert (mention.text, mention.low, mention.relative) == ("that day", None, True)


def test_that_day_and_a_week_later_count_from_the_day_the_article_last_named():
    from verify.extract import _from_narrated

    reference = D(2025, 4, 20)
    that_day, later, yesterday = (only(text, reference) for text in ("that day", "a week later", "yesterday"))
    assert _from_narrated(that_day, D(2025, 4, 2)).low == D(2025, 4, 2)
    assert _from_narrated(later, D(2025, 4, 2)).low == D(2025, 4, 9)
    assert _from_narrated(yesterday, D(2025, 4, 2)).low == D(2025, 4, 19)  # counted from publication


def test_datetime_reference_is_accepted():
    assert only("yesterday", dt.datetime(2025, 4, 10, 9, 30)).low == D(2025, 4, 9)


@pytest.mark.parametrize("ref", [D(1, 1, 1), D(9999, 12, 31)])
def test_extreme_references_do_not_raise(ref):
    text = "yesterday, tomorrow, last month, next year, 28 December, in May, next week, a year ago"
    for m in find_dates(text, ref):
        assert text[m.start:m.end] == m.text


def _check_invariants(text: str, mentions: list[DateMention]) -> None:
    previous_end = 0
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert m.start >= previous_end  # sorted and non-overlapping
        previous_end = m.end
        assert (m.low is None) == (m.high is None)
        if m.low is not None:
            assert m.low <= m.high
        assert m.granularity in {"day", "weekend", "week", "month", "year", "range"}


def test_large_text_is_fast():
    chunk = (
        "On Friday, 4 April and 10-12 April 2025, last week, two days ago, in March 2025, "
        "at 13:15 the 2024 budget, they may march. "
    )
    text = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    started = time.perf_counter()
    mentions = find_dates(text, R)
    assert time.perf_counter() - started < 5  # about 1 s on a laptop
    _check_invariants(text, mentions)


hypothesis = pytest.importorskip("hypothesis")
st = pytest.importorskip("hypothesis.strategies")

_FRAGMENTS = [
    "10 April", "April 10, 2025", "Thursday, 31 February 2025", "2025-02-30", "10/13/2025",
    "last weekend", "the day before yesterday", "two days ago", "in May", "mid-", "2024",
    "Friday", "next", "the", " ", ",", "-", "–", "/", ":", "19:58", "’s", "\u0663", "\U0001F600",
    "999 years later", "a couple of days ago", "1-31 December", "December 31-1",
]


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join),
    ),
    ref=st.one_of(st.none(), st.dates()),
)
def test_random_text_never_raises(text, ref):
    _check_invariants(text, find_dates(text, ref))
