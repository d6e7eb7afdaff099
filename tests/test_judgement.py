"""Each finding status on small articles written for the purpose."""
from __future__ import annotations

from conftest import findings_between


def statuses(findings):
    return {f.status for f in findings}


def test_same_count_in_two_outlets_agrees(corpus):
    report = corpus({
        "a": " date 2024-05-14 Ministers from 18 countries met in Oslo on Tuesday, 14 May, to discuss fisheries.\n",
        "b": " date 2024-05-14 The fisheries meeting in Oslo on 14 May brought together eighteen countries.\n",
    })
    assert statuses(findings_between(report, "a", "b", "count:")) == {"agree"}


def test_hedge_that_admits_the_value_is_compatible(corpus):
    report = corpus({
        "a": " date 2024-05-14 Around 20 countries met in Oslo on Tuesday, 14 May, to discuss fisheries.\n",
        "b": " date 2024-05-14 The fisheries meeting in Oslo on 14 May brought together 19 countries.\n",
    })
    found = findings_between(report, "a", "b", "count:")
    assert statuses(found) == {"compatible"}
    assert "admit" in found[0].explanation


def test_hedge_that_excludes_the_value_is_a_conflict(corpus):
    report = corpus({
        "a": " date 2024-05-14 More than 40 countries met in Oslo on Tuesday, 14 May, to discuss fisheries.\n",
        "b": " date 2024-05-14 The fisheries meeting in Oslo on 14 May brought together 35 countries.\n",
    })
    found = findings_between(report, "a", "b", "count:")
    assert statuses(found) == {"conflict"}
    claims = {c.id: c for c in report.claims}
    assert {claims[c].text for c in found[0].claims} == {"More than 40 countries", "35 countries"}


def test_rising_death_toll_in_a_later_report_is_an_update(corpus):
    report = corpus({
        "a": " date 2023-08-02 An earthquake struck the town of Velmora on Tuesday, 1 August, killing 14 people.\n",
        "b": " date 2023-08-03 The death toll from the earthquake in Velmora rose to 23 on Thursday as rescuers "
             "searched the rubble.\n",
    })
    found = findings_between(report, "a", "b", "count:")
    assert statuses(found) == {"update"}


def test_same_day_unhedged_counts_that_differ_conflict(corpus):
    report = corpus({
        "a": " date 2023-08-02 An earthquake struck the town of Velmora on Tuesday, 1 August, injuring 40 people.\n",
        "b": " date 2023-08-02 The earthquake that hit Velmora on 1 August injured 52 people, officials said.\n",
    })
    assert statuses(findings_between(report, "a", "b", "count:")) == {"conflict"}


def test_two_meetings_a_week_apart_are_different_events_not_a_conflict(corpus):
    report = corpus({
        "a": " date 2024-03-05 Trade ministers of the Atlantic Trade Council from 31 countries met in Lisbon on "
             "Tuesday, 5 March, under chair Anna Berg.\n",
        "b": " date 2024-03-12 Trade ministers of the Atlantic Trade Council from 27 countries met in Madrid on "
             "Tuesday, 12 March, under chair Anna Berg.\n",
    })
    assert len({e.id for e in report.events}) == 2
    found = findings_between(report, "a", "b")
    assert "conflict" not in statuses(found)
    assert "different_event" in statuses(found)


def test_size_of_a_body_and_attendance_are_different_scope(corpus):
    report = corpus({
        "a": " date 2024-03-05 The alliance, a group of 32 countries, held a summit in Vilnius on Tuesday, 5 March.\n",
        "b": " date 2024-03-05 Leaders of 29 countries attended the summit in Vilnius on 5 March.\n",
    })
    assert statuses(findings_between(report, "a", "b", "count:")) == {"different_scope"}


def test_same_amount_in_other_words_and_scale_agrees(corpus):
    report = corpus({
        "a": " date 2024-03-05 At the summit in Vilnius on 5 March, donors pledged $1.2 billion for reconstruction.\n",
        "b": " date 2024-03-05 The Vilnius summit on 5 March raised 1,200 million dollars for reconstruction.\n",
    })
    assert statuses(findings_between(report, "a", "b", "money:")) == {"agree"}


def test_same_figure_in_another_currency_conflicts(corpus):
    report = corpus({
        "a": " date 2024-03-05 At the summit in Vilnius on 5 March, donors pledged €300 million for housing.\n",
        "b": " date 2024-03-05 At the Vilnius summit on 5 March, donors pledged $300 million for housing.\n",
    })
    found = findings_between(report, "a", "b", "money:")
    assert statuses(found) == {"conflict"}
    assert "EUR" in found[0].explanation and "USD" in found[0].explanation


def test_event_dates_that_differ_conflict_and_relative_dates_agree(corpus):
    report = corpus({
        "a": " date 2024-06-06 The summit in Bergen took place yesterday, with 12 countries attending.\n",
        "b": " date 2024-06-05 The summit in Bergen opened today with 12 countries attending.\n",
        "c": " date 2024-06-07 The summit held in Bergen on Thursday, 6 June, gathered 12 countries.\n",
    })
    assert statuses(findings_between(report, "a", "b", "date")) == {"agree"}
    assert statuses(findings_between(report, "a", "c", "date")) == {"conflict"}


def test_wrong_weekday_is_a_finding_of_its_own(corpus):
    report = corpus({
        "a": " date 2025-03-14 Health ministers met in Geneva on Thursday, 14 March 2025, to agree a plan.\n",
    })
    weekday = [f for f in report.findings if f.attribute.startswith("weekday")]
    assert len(weekday) == 1 and weekday[0].status == "conflict"
    assert "Friday" in weekday[0].explanation


def test_role_conflict_and_name_variants(corpus):
    report = corpus({
        "a": " date 2024-03-05 Finance Minister Leila Al-Sayed opened the donor conference in Vilnius on 5 March.\n",
        "b": " date 2024-03-05 The conference in Vilnius on 5 March was opened by Foreign Minister Leila Al Sayed.\n",
        "c": " date 2024-03-05 Leila Al-Sayed, the finance minister, opened the Vilnius conference on 5 March.\n",
    })
    assert statuses(findings_between(report, "a", "b", "role:")) == {"conflict"}
    assert statuses(findings_between(report, "a", "c", "role:")) == {"agree"}


def test_paraphrased_lists_agree_item_by_item_and_a_missing_item_conflicts(corpus):
    report = corpus({
        "a": " date 2024-03-05 At the summit in Vilnius on 5 March, leaders agreed four goals: cleaner air, "
             "cheaper trains, safer roads and faster broadband.\n",
        "b": " date 2024-03-05 The Vilnius summit on 5 March set out four aims: reducing air pollution; "
             "lower rail fares; making roads safer; and quicker internet connections.\n",
        "c": " date 2024-03-05 The Vilnius summit on 5 March set three goals: cleaner air, cheaper trains "
             "and safer roads.\n",
    })
    assert statuses(findings_between(report, "a", "b", "list:")) == {"agree"}
    assert statuses(findings_between(report, "a", "c", "list:")) == {"conflict"}


def test_place_inside_a_wider_area_is_compatible_and_other_city_conflicts(corpus):
    report = corpus({
        "a": " date 2024-05-14 Ministers met in Geneva on Tuesday, 14 May, to discuss vaccines.\n",
        "b": " date 2024-05-14 The vaccine meeting in Switzerland on 14 May ended with a joint plan.\n",
        "c": " date 2024-05-14 The vaccine meeting held in Lausanne on 14 May ended with a joint plan.\n",
    })
    assert statuses(findings_between(report, "a", "b", "location")) == {"compatible"}
    assert statuses(findings_between(report, "a", "c", "location")) == {"conflict"}
