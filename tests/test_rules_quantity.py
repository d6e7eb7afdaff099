"""Rules of counts, amounts and percentages (kinds/quantity.py, count.py, money.py) on hand-built claims."""
from __future__ import annotations

import pytest
from rule_claims import INF, Event, claim, context, count, day, decided, money, percent

from verify.kinds.count import negation_differs, part_of_large
from verify.kinds.money import converted_in_text
from verify.kinds.quantity import (
    currencies_not_converted,
    currency_differs,
    figure_revised,
    forecast_vs_outcome,
    hedge_intervals_overlap,
    running_figure_fell,
    running_figure_raised,
    same_article_parts,
    same_value,
    scope_differs,
    scope_within_range,
    values_differ,
)


def countries(value, text: str, article: str = "a", **parse):
    return claim("count", value, text, article=article, subject="country", **parse)


# --- count's own gates -------------------------------------------------------------------------------

def test_negation_differs_those_who_came_and_those_who_stayed_away():
    came = countries(count(26, predicate="attend"), "26 countries", "a")
    away = countries(count(4, predicate="not attend"), "the four countries that did not attend", "b")
    ctx = context()
    assert negation_differs.check(came, away, ctx)
    assert decided("count", came, away, ctx) == (None, "negation-differs")


def test_negation_differs_not_when_both_did():
    assert negation_differs.check(countries(count(26, predicate="attend"), "26 countries"),
                                  countries(count(24, predicate="attend"), "24 countries", "b"), context()) is None


def test_part_of_large_a_vague_handful_of_a_crowd():
    few = claim("count", count(4, 2, 6, "vague", unit="runner"), "a handful of runners", subject="runner",
                predicate="faint")
    field = claim("count", count(15200, unit="runner"), "15,200 runners", article="b", subject="runner",
                  predicate="faint")
    ctx = context()
    assert part_of_large.check(few, field, ctx)
    assert decided("count", field, few, ctx) == (None, "part-of-large")


def test_part_of_large_a_few_of_another_act():
    treated = claim("count", count(3, unit="firefighter"), "Three firefighters", subject="firefighter",
                    predicate="treat")
    fighting = claim("count", count(240, 216, 264, "approx", unit="firefighter"), "About 240 firefighters",
                     article="b", subject="firefighter", predicate="tackle")
    assert part_of_large.check(treated, fighting, context())


def test_part_of_large_not_for_exact_counts_of_one_act_or_close_counts():
    treated = claim("count", count(3, unit="firefighter"), "Three firefighters", predicate="tackle")
    fighting = claim("count", count(240, unit="firefighter"), "240 firefighters", article="b", predicate="tackle")
    assert part_of_large.check(treated, fighting, context()) is None
    assert part_of_large.check(countries(count(30, 27, 33, "vague"), "some 30 countries"),
                               countries(count(35), "35 countries", "b"), context()) is None


# --- money's own rules ---------------------------------------------------------------------------------

def test_converted_in_text_an_amount_given_with_its_equivalent():
    euros = claim("money", money(2.4e9, "EUR", 2.16e9, 2.64e9, "approx"), "roughly €2.4 billion", article="a",
                  sentence="Yearly sales could reach roughly €2.4 billion, the equivalent of about $2.8 billion.")
    dollars = claim("money", money(2.8e9, "USD"), "$2.8 billion", article="b",
                    sentence="Analysts expect yearly sales of $2.8 billion.")
    ctx = context()
    assert "equivalent in USD" in converted_in_text.check(euros, dollars, ctx)
    assert decided("money", euros, dollars, ctx) == ("compatible", "converted-in-text")


def test_converted_in_text_an_amount_that_is_itself_the_conversion():
    sentence = "Yearly sales could reach roughly €2.4 billion, the equivalent of about $2.8 billion."
    converted = claim("money", money(2.8e9, "USD", 2.52e9, 3.08e9, "approx"), "about $2.8 billion", article="a",
                      sentence=sentence)
    euros = claim("money", money(2.5e9, "EUR"), "€2.5 billion", article="b",
                  sentence="The drug's yearly sales may top €2.5 billion.")
    assert "itself a conversion" in converted_in_text.check(converted, euros, context())


def test_converted_in_text_not_without_a_conversion_or_in_one_currency():
    euros = claim("money", money(2.4e9, "EUR"), "€2.4 billion", sentence="Sales could reach €2.4 billion.")
    dollars = claim("money", money(2.8e9, "USD"), "$2.8 billion", article="b", sentence="Sales of $2.8 billion.")
    assert converted_in_text.check(euros, dollars, context()) is None
    assert converted_in_text.check(euros, euros, context()) is None


def _pledge(point: float, currency: str, text: str, article: str):
    return claim("money", money(point, currency), text, article=article, subject="pledge",
                 sentence=f"The development bank pledged {text} to the port upgrade.")


def test_currency_differs_one_amount_in_two_currencies():
    euros = _pledge(250e6, "EUR", "€250 million", "a")
    dollars = _pledge(250e6, "USD", "$250 million", "b")
    ctx = context()
    assert "is in EUR but" in currency_differs.check(euros, dollars, ctx)
    assert decided("money", euros, dollars, ctx) == ("conflict", "currency-differs")


def test_currency_differs_not_within_one_article_nor_for_other_figures():
    euros = _pledge(250e6, "EUR", "€250 million", "a")
    assert currency_differs.check(euros, _pledge(250e6, "USD", "$250 million", "a"), context()) is None
    assert currency_differs.check(euros, _pledge(290e6, "USD", "$290 million", "b"), context()) is None
    assert currency_differs.check(euros, _pledge(250e6, "EUR", "250 million euros", "b"), context()) is None


def test_currencies_not_converted_other_figures_in_other_currencies():
    euros = _pledge(1.1e9, "EUR", "€1.1 billion", "a")
    dollars = _pledge(1.3e9, "USD", "$1.3 billion", "b")
    ctx = context()
    assert currencies_not_converted.check(euros, dollars, ctx)
    assert decided("money", euros, dollars, ctx) == (None, "currencies-not-converted")


def test_currencies_not_converted_not_in_one_currency():
    assert currencies_not_converted.check(_pledge(1.1e9, "EUR", "€1.1 billion", "a"),
                                          _pledge(1.3e9, "EUR", "€1.3 billion", "b"), context()) is None


# --- shared quantity rules ------------------------------------------------------------------------------

def test_scope_within_range_a_bloc_and_about_as_many_taking_part():
    bloc = countries(count(31, scope="membership"), "a bloc of 31 countries", "a")
    present = countries(count(30, 27, 33, "approx"), "around 30 countries", "b")
    ctx = context()
    assert "consistent" in scope_within_range.check(present, bloc, ctx)
    assert decided("count", present, bloc, ctx) == ("compatible", "scope-within-range")
    fund = claim("money", money(5e6, "GBP", scope="membership"), "a £5m fund")
    spent = claim("money", money(5e6, "GBP"), "£5m", article="b")
    assert decided("money", fund, spent, ctx) == ("compatible", "scope-within-range")


def test_scope_within_range_not_for_one_scope_or_figures_apart():
    bloc = countries(count(31, scope="membership"), "a bloc of 31 countries", "a")
    assert scope_within_range.check(bloc, countries(count(31, scope="membership"), "31 members", "b"),
                                    context()) is None
    assert scope_within_range.check(bloc, countries(count(27), "27 countries", "b"), context()) is None


def test_scope_differs_the_size_of_a_bloc_and_those_taking_part():
    bloc = countries(count(31, scope="membership"), "a bloc of 31 countries", "a")
    present = countries(count(27), "27 countries", "b")
    ctx = context()
    assert "different things" in scope_differs.check(bloc, present, ctx)
    assert decided("count", bloc, present, ctx) == ("different_scope", "scope-differs")


def test_scope_differs_not_for_two_attendance_counts():
    assert scope_differs.check(countries(count(31), "31 countries"), countries(count(27), "27 countries", "b"),
                               context()) is None


def _summit():
    return Event("E1", "the fisheries summit", "meeting", day("2024-05-10"), day("2024-05-10"), "Oslo", ["a", "b"], [])


def test_forecast_vs_outcome_a_figure_published_before_the_event():
    expected = countries(count(40, 36, 44, "approx"), "around 40 countries", "a", published=day("2024-05-09"))
    came = countries(count(31), "31 countries", "b", published=day("2024-05-11"))
    ctx = context(events=[_summit()])
    assert "before the event" in forecast_vs_outcome.check(came, expected, ctx)
    assert decided("count", came, expected, ctx) == ("update", "forecast-vs-outcome")


def test_forecast_vs_outcome_not_when_both_report_after_the_event_or_the_figures_agree():
    ctx = context(events=[_summit()])
    came = countries(count(31), "31 countries", "b", published=day("2024-05-11"))
    assert forecast_vs_outcome.check(countries(count(40, 36, 44, "approx"), "around 40", "a",
                                               published=day("2024-05-12")), came, ctx) is None
    assert forecast_vs_outcome.check(countries(count(30, 27, 33, "approx"), "around 30", "a",
                                               published=day("2024-05-09")), came, ctx) is None


def test_same_value_one_figure_in_two_wordings():
    words = countries(count(47), "forty-seven countries", "a")
    digits = countries(count(47), "47 countries", "b")
    ctx = context()
    assert same_value.check(words, digits, ctx)
    assert decided("count", words, digits, ctx) == ("agree", "same-value")
    scaled = claim("money", money(1.6e9, "USD"), "$1.6 billion")
    millions = claim("money", money(1.6e9, "USD"), "1,600 million dollars", article="b")
    assert decided("money", scaled, millions, ctx) == ("agree", "same-value")
    assert decided("percent", claim("percent", percent(4.5), "4.5%"),
                   claim("percent", percent(4.5), "4.5 per cent", article="b"), ctx) == ("agree", "same-value")


def test_same_value_not_for_a_hedged_figure_around_it():
    assert same_value.check(countries(count(30, 27, 33, "approx"), "around 30 countries"),
                            countries(count(30), "30 countries", "b"), context()) is None


def test_hedge_intervals_overlap_around_thirty_and_thirty_one():
    around = countries(count(30, 27, 33, "approx"), "around 30 countries", "a")
    exact = countries(count(31), "31 countries", "b")
    ctx = context()
    assert "admit a common value" in hedge_intervals_overlap.check(around, exact, ctx)
    assert decided("count", around, exact, ctx) == ("compatible", "hedge-intervals-overlap")
    hundreds = claim("count", count(300, 200, 900, "vague", unit="planner"), "hundreds of planners")
    two_hundred = claim("count", count(200, unit="planner"), "200 planners", article="b")
    assert decided("count", hundreds, two_hundred, ctx) == ("compatible", "hedge-intervals-overlap")


def test_hedge_intervals_overlap_not_when_the_hedge_excludes_the_figure():
    assert hedge_intervals_overlap.check(countries(count(40, 41, INF, "more_than"), "more than 40 countries"),
                                         countries(count(35), "35 countries", "b"), context()) is None


def _toll(n: int, text: str, published: str, article: str, subject: str = "death toll", sentence: str | None = None,
          **parse):
    return claim("count", count(n, unit="person"), text, article=article, subject=subject, sentence=sentence,
                 published=day(published), **parse)


def test_running_figure_raised_a_toll_raised_by_a_later_report():
    first = _toll(14, "14 people", "2024-07-01", "a", subject="people killed",
                  sentence="A landslide buried the road, killing 14 people.")
    later = _toll(23, "23", "2024-07-02", "b", sentence="The death toll from the landslide climbed to 23.")
    ctx = context()
    assert "raises" in running_figure_raised.check(later, first, ctx)
    assert decided("count", later, first, ctx) == ("update", "running-figure-raised")


def test_running_figure_raised_not_on_one_day_nor_when_the_later_report_is_lower():
    first = _toll(14, "14 people", "2024-07-01", "a", subject="people killed")
    assert running_figure_raised.check(first, _toll(23, "23", "2024-07-01", "b"), context()) is None
    assert running_figure_raised.check(first, _toll(9, "9", "2024-07-02", "b"), context()) is None


def test_running_figure_raised_not_for_a_figure_that_does_not_run_without_a_cue():
    a = countries(count(31), "31 countries", "a", published=day("2024-05-10"))
    b = countries(count(35), "35 countries", "b", published=day("2024-05-12"))
    assert running_figure_raised.check(a, b, context()) is None


def _chance(value: float, text: str, published: str, article: str, **parse):
    return claim("percent", percent(value, value * 0.9, value * 1.1, "approx"), text, article=article,
                 subject="chance", published=day(published), sentence=f"Traders {text} of a rate cut in June.", **parse)


@pytest.mark.xfail(strict=True, reason="running-figure-raised fires for any figure a later report puts higher "
                   "with an update cue, not only for running figures (a toll, cases): a market's odds that rose "
                   "are called 'a running figure updated', and figure-revised never sees its own example")
def test_running_figure_raised_not_for_odds_that_rose():
    before = _chance(35, "saw roughly a 35% chance", "2025-01-10", "a")
    after = _chance(65, "now see about a 65% chance", "2025-01-24", "b", update_cue=True)
    ctx = context()
    assert running_figure_raised.check(before, after, ctx) is None
    assert decided("percent", before, after, ctx) == ("update", "figure-revised")


def test_running_figure_fell_a_later_total_below_an_earlier_toll():
    toll = _toll(23, "23", "2024-07-02", "a", sentence="The death toll from the landslide climbed to 23.")
    lower = _toll(16, "16 people", "2024-07-03", "b", subject="people killed",
                  sentence="In all, 16 people have died in the landslide.")
    ctx = context()
    assert "should not fall" in running_figure_fell.check(toll, lower, ctx)
    assert decided("count", lower, toll, ctx) == ("conflict", "running-figure-fell")


def test_running_figure_fell_not_for_a_figure_that_is_no_total():
    toll = _toll(23, "23", "2024-07-02", "a", sentence="The death toll from the landslide climbed to 23.")
    lower = _toll(16, "16 people", "2024-07-03", "b", subject="people killed",
                  sentence="Officials said 16 people had died in the landslide.")
    ctx = context()
    assert running_figure_fell.check(toll, lower, ctx) is None
    assert decided("count", lower, toll, ctx) == ("update", "figure-revised")  # a figure at two times


def _ships(n: int, text: str, when: str, on: str, article: str, sentence: str):
    return claim("count", count(n, unit="ship"), text, article=article, subject="ships waiting", sentence=sentence,
                 time_text=when, time_low=day(on), time_high=day(on), published=day(on))


def test_figure_revised_a_queue_given_for_two_days():
    before = _ships(37, "37 ships", "by Wednesday", "2025-03-05", "a", "By Wednesday, 37 ships were queueing.")
    after = _ships(12, "12", "by Tuesday evening", "2025-03-11", "b",
                   "The number of ships waiting had dropped to 12 by Tuesday evening.")
    ctx = context()
    assert "the figure at two times" in figure_revised.check(before, after, ctx)
    assert decided("count", before, after, ctx) == ("update", "figure-revised")


def test_figure_revised_not_for_one_time_or_a_figure_that_does_not_change():
    before = _ships(37, "37 ships", "by Wednesday", "2025-03-05", "a", "By Wednesday, 37 ships were queueing.")
    same_day = _ships(12, "12", "by Wednesday", "2025-03-05", "b", "By Wednesday, 12 ships were queueing.")
    assert figure_revised.check(before, same_day, context()) is None
    a = countries(count(31), "31 countries", "a", published=day("2024-05-10"))
    b = countries(count(35), "35 countries", "b", published=day("2024-05-12"))
    assert figure_revised.check(a, b, context()) is None


def test_same_article_parts_two_counts_of_one_article():
    came = countries(count(24), "24 countries", "a")
    stayed = countries(count(3), "3", "a")
    ctx = context()
    assert same_article_parts.check(came, stayed, ctx)
    assert decided("count", came, stayed, ctx) == (None, "same-article-parts")


def test_same_article_parts_not_across_articles():
    assert same_article_parts.check(countries(count(24), "24 countries"), countries(count(3), "3", "b"),
                                    context()) is None


def test_values_differ_intervals_that_do_not_overlap():
    more = countries(count(40, 41, INF, "more_than"), "more than 40 countries", "a")
    fewer = countries(count(35), "35 countries", "b")
    ctx = context()
    assert "cannot both be true" in values_differ.check(more, fewer, ctx)
    assert decided("count", more, fewer, ctx) == ("conflict", "values-differ")
    assert decided("percent", claim("percent", percent(38.2), "38.2%"),
                   claim("percent", percent(36.4), "36.4%", article="b"), ctx) == ("conflict", "values-differ")
    assert decided("money", claim("money", money(4e6, "EUR"), "€4m"),
                   claim("money", money(6e6, "EUR"), "€6m", article="b"), ctx) == ("conflict", "values-differ")
