"""Rules of dates, times of day and durations (kinds/date.py, clock.py, duration.py) on hand-built claims."""
from __future__ import annotations

from rule_claims import INF, claim, clock, context, date, day, decided, duration

from verify.kinds.clock import clock_times_differ, same_time, times_overlap
from verify.kinds.date import (
    date_unresolved,
    dates_differ,
    dates_overlap,
    occasions_apart,
    planned_and_held,
    same_day,
    weekday_week_unsaid,
)
from verify.kinds.duration import durations_differ, durations_overlap, same_duration


def dated(value, text: str, article: str = "a", published: str | None = None, **fields):
    return claim("date", value, text, article=article, subject="open", attribute="date",
                 published=day(published) if published else None, **fields)


# --- dates ---------------------------------------------------------------------------------------------

def test_date_unresolved_a_weekday_without_an_article_date():
    loose = dated(date(None), "on Tuesday", "a")
    fixed = dated(date("2025-04-08"), "on 8 April 2025", "b")
    ctx = context()
    assert date_unresolved.check(loose, fixed, ctx)
    assert decided("date", fixed, loose, ctx) == ("compatible", "date-unresolved")


def test_date_unresolved_not_when_both_resolve():
    assert date_unresolved.check(dated(date("2025-04-08"), "on Tuesday"), dated(date("2025-04-08"), "8 April", "b"),
                                 context()) is None


def test_same_day_a_weekday_and_a_day_of_the_month():
    weekday = dated(date("2025-04-10"), "on Thursday", "a", published="2025-04-11")
    numbered = dated(date("2025-04-10"), "on 10 April", "b", published="2025-04-10")
    ctx = context()
    assert "both resolve to 2025-04-10" in same_day.check(weekday, numbered, ctx)
    assert decided("date", weekday, numbered, ctx) == ("agree", "same-day")


def test_same_day_not_for_two_days_or_a_day_in_a_week():
    day_a = dated(date("2025-04-10"), "on Thursday")
    assert same_day.check(day_a, dated(date("2025-04-11"), "on 11 April", "b"), context()) is None
    assert same_day.check(day_a, dated(date("2025-04-07", "2025-04-13"), "this week", "b"), context()) is None


def test_dates_overlap_a_day_within_last_week():
    week = dated(date("2025-06-02", "2025-06-08"), "last week", "a", published="2025-06-12")
    one_day = dated(date("2025-06-04"), "on 4 June", "b")
    ctx = context()
    assert "overlap" in dates_overlap.check(week, one_day, ctx)
    assert decided("date", week, one_day, ctx) == ("compatible", "dates-overlap")


def test_dates_overlap_not_for_a_day_outside_the_week():
    assert dates_overlap.check(dated(date("2025-06-02", "2025-06-08"), "last week"),
                               dated(date("2025-06-10"), "on 10 June", "b"), context()) is None


def test_occasions_apart_dates_two_years_apart():
    first = dated(date("2023-10-14"), "first shown in Porto on 14 October 2023", "a")
    later = dated(date("2025-08-30"), "on Saturday, 30 August", "b", published="2025-09-01")
    ctx = context()
    assert "different occasions" in occasions_apart.check(first, later, ctx)
    assert decided("date", first, later, ctx) == ("different_event", "occasions-apart")


def test_occasions_apart_not_for_dates_days_apart():
    assert occasions_apart.check(dated(date("2025-04-27"), "on 27 April"), dated(date("2025-05-04"), "on 4 May", "b"),
                                 context()) is None


def test_planned_and_held_a_preview_date_and_the_report_after_it():
    plan = dated(date("2025-06-09"), "will open on Monday 9 June", "a", published="2025-06-04")
    held = dated(date("2025-06-10"), "opened on Tuesday, 10 June", "b", published="2025-06-11")
    ctx = context()
    assert "announced before the date" in planned_and_held.check(held, plan, ctx)
    assert decided("date", held, plan, ctx) == ("update", "planned-and-held")


def test_planned_and_held_not_for_two_reports_after_it_or_a_plan_published_later():
    held = dated(date("2025-06-10"), "opened on Tuesday, 10 June", "b", published="2025-06-11")
    also_held = dated(date("2025-06-09"), "opened on 9 June", "a", published="2025-06-12")
    late_plan = dated(date("2025-06-19"), "will open on 19 June", "a", published="2025-06-12")
    assert planned_and_held.check(held, also_held, context()) is None
    assert planned_and_held.check(held, late_plan, context()) is None


def test_weekday_week_unsaid_one_weekday_read_in_two_weeks():
    report = dated(date("2025-08-04"), "on Monday afternoon", "a", published="2025-08-05")
    feature = dated(date("2025-08-11"), "on a sweltering Monday afternoon", "b", published="2025-08-15")
    ctx = context()
    assert "same weekday" in weekday_week_unsaid.check(report, feature, ctx)
    assert decided("date", report, feature, ctx) == ("compatible", "weekday-week-unsaid")


def test_weekday_week_unsaid_not_when_both_give_the_day_of_the_month_or_other_weekdays():
    a = dated(date("2025-08-04"), "on Monday, 4 August", "a", published="2025-08-05")
    b = dated(date("2025-08-11"), "on Monday, 11 August", "b", published="2025-08-15")
    ctx = context()
    assert weekday_week_unsaid.check(a, b, ctx) is None
    assert decided("date", a, b, ctx) == ("conflict", "dates-differ")
    assert weekday_week_unsaid.check(dated(date("2025-08-04"), "on Monday"), dated(date("2025-08-08"), "on Friday",
                                                                                   "b"), ctx) is None


def test_dates_differ_two_days_for_one_runoff():
    a = dated(date("2025-04-27"), "on Sunday, 27 April", "a", published="2025-04-20")
    b = dated(date("2025-05-04"), "on 4 May", "b", published="2025-04-21")
    ctx = context()
    assert "resolves to 2025-04-27 but" in dates_differ.check(a, b, ctx)
    assert decided("date", a, b, ctx) == ("conflict", "dates-differ")


# --- times of day ----------------------------------------------------------------------------------------

def timed(value, text: str, article: str = "a"):
    return claim("clock", value, text, article=article, subject="quake strike")


def test_same_time_one_moment_in_two_zones():
    cest = timed(clock(11, 20, offset=120), "11:20 CEST", "a")
    edt = timed(clock(5, 20, offset=-240), "5:20 a.m. EDT", "b")
    ctx = context()
    assert same_time.check(cest, edt, ctx)
    assert decided("clock", cest, edt, ctx) == ("agree", "same-time")


def test_same_time_not_for_another_zone_or_a_hedged_time():
    cest = timed(clock(11, 20, offset=120), "11:20 CEST")
    assert same_time.check(cest, timed(clock(5, 20, offset=-300), "5:20 a.m. EST", "b"), context()) is None
    assert same_time.check(timed(clock(4, 0, after=30), "shortly after 4 a.m."), timed(clock(4, 10), "4.10am", "b"),
                           context()) is None


def test_times_overlap_shortly_after_four_and_ten_past():
    hedged = timed(clock(4, 0, after=30), "shortly after 4 a.m.", "a")
    exact = timed(clock(4, 10), "at 4.10am", "b")
    ctx = context()
    assert "admit a common time" in times_overlap.check(hedged, exact, ctx)
    assert decided("clock", hedged, exact, ctx) == ("compatible", "times-overlap")


def test_times_overlap_not_outside_the_window():
    assert times_overlap.check(timed(clock(4, 0, after=30), "shortly after 4 a.m."), timed(clock(4, 50), "4.50am", "b"),
                               context()) is None


def test_clock_times_differ_a_local_time_and_utc():
    local = timed(clock(9, 30, offset=180), "09:30 local time (UTC+3)", "a")
    utc = timed(clock(7, 30, offset=0), "07:30 UTC", "b")
    ctx = context()
    assert "different times" in clock_times_differ.check(local, utc, ctx)
    assert decided("clock", local, utc, ctx) == ("conflict", "clock-times-differ")


# --- durations -----------------------------------------------------------------------------------------

def lasting(value, text: str, article: str = "a"):
    return claim("duration", value, text, article=article, subject="sentence")


def test_same_duration_months_and_years():
    months = lasting(duration(54, "month"), "54 months", "a")
    years = lasting(duration(4.5, "year"), "four and a half years", "b")
    ctx = context()
    assert "same duration" in same_duration.check(months, years, ctx)
    assert decided("duration", months, years, ctx) == ("agree", "same-duration")


def test_same_duration_not_for_a_hedged_or_another_length():
    years = lasting(duration(4.5, "year"), "4.5 years")
    assert same_duration.check(years, lasting(duration(6, "year", "up_to", 0, 6), "up to six years", "b"),
                               context()) is None
    assert same_duration.check(years, lasting(duration(5, "year"), "five years", "b"), context()) is None


def test_durations_overlap_a_maximum_and_the_term_imposed():
    most = lasting(duration(12, "year", "up_to", 0, 12), "up to 12 years", "a")
    given = lasting(duration(8.5, "year"), "8.5 years", "b")
    ctx = context()
    assert "admit a common duration" in durations_overlap.check(most, given, ctx)
    assert decided("duration", most, given, ctx) == ("compatible", "durations-overlap")
    at_least = lasting(duration(3, "week", "at_least", 3, INF), "at least three weeks", "a")
    assert decided("duration", at_least, lasting(duration(30, "day"), "30 days", "b"), ctx) == (
        "compatible", "durations-overlap")


def test_durations_overlap_not_beyond_the_maximum():
    assert durations_overlap.check(lasting(duration(12, "year", "up_to", 0, 12), "up to 12 years"),
                                   lasting(duration(14, "year"), "14 years", "b"), context()) is None


def test_durations_differ_two_lengths_of_one_strike():
    a = lasting(duration(11, "day"), "an 11-day strike", "a")
    b = lasting(duration(8, "day"), "the eight-day stoppage", "b")
    ctx = context()
    assert "cannot both be the length" in durations_differ.check(a, b, ctx)
    assert decided("duration", a, b, ctx) == ("conflict", "durations-differ")
