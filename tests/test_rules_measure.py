"""Rules of measurements and ranks (kinds/measure.py, ordinal.py) on hand-built claims."""
from __future__ import annotations

from rule_claims import claim, context, day, decided, measure, rank

from verify.kinds.measure import measure_changed, measures_differ, measures_overlap, same_measure, unit_mixup
from verify.kinds.ordinal import ranks_differ, same_rank, series_differ


def measured(value, text: str, article: str = "a", subject: str = "breach", published: str | None = None, **parse):
    return claim("measure", value, text, article=article, subject=subject,
                 published=day(published) if published else None, **parse)


# --- measurements -----------------------------------------------------------------------------------------

def test_same_measure_one_width_in_two_wordings():
    a = measured(measure(45, "meter"), "a 45-metre breach", "a")
    b = measured(measure(45, "meter"), "the 45-metre gap", "b")
    ctx = context()
    assert "same measurement" in same_measure.check(a, b, ctx)
    assert decided("measure", a, b, ctx) == ("agree", "same-measure")


def test_same_measure_an_area_converted_within_its_rounding():
    hectares = measured(measure(12000, "hectare", "approx", 10800, 13200), "roughly 12,000 hectares", "a", "land")
    acres = measured(measure(29650, "acre", "approx", 26685, 32615), "about 29,650 acres", "b", "land")
    assert decided("measure", hectares, acres, context()) == ("agree", "same-measure")


def test_same_measure_not_for_another_figure_or_a_bound_in_another_unit():
    a = measured(measure(45, "meter"), "a 45-metre breach")
    assert same_measure.check(a, measured(measure(52, "meter"), "a 52-metre breach", "b"), context()) is None
    assert same_measure.check(a, measured(measure(150, "foot", "nearly", 135, 150), "nearly 150 feet", "b"),
                              context()) is None


def test_measures_overlap_metres_and_nearly_so_many_feet():
    metres = measured(measure(6.9, "meter"), "crested at 6.9 metres", "a", "river")
    feet = measured(measure(23, "foot", "nearly", 20.7, 23), "crested at nearly 23 feet", "b", "river")
    ctx = context()
    assert "admit a common value" in measures_overlap.check(metres, feet, ctx)
    assert decided("measure", metres, feet, ctx) == ("compatible", "measures-overlap")


def test_measures_overlap_not_when_the_conversion_is_out_of_reach():
    assert measures_overlap.check(measured(measure(6.9, "meter"), "6.9 metres"),
                                  measured(measure(19, "foot", "nearly", 17.1, 19), "nearly 19 feet", "b"),
                                  context()) is None


def test_unit_mixup_one_number_in_metres_and_in_feet():
    metres = measured(measure(45, "meter"), "a 45-metre breach", "a")
    feet = measured(measure(45, "foot"), "a 45-foot gap", "b")
    ctx = context()
    assert "one of the units is wrong" in unit_mixup.check(metres, feet, ctx)
    assert decided("measure", metres, feet, ctx) == ("conflict", "unit-mixup")


def test_unit_mixup_not_for_one_unit_or_two_numbers():
    metres = measured(measure(45, "meter"), "a 45-metre breach")
    assert unit_mixup.check(metres, measured(measure(45, "meter"), "45 metres", "b"), context()) is None
    assert unit_mixup.check(metres, measured(measure(150, "foot"), "150 feet", "b"), context()) is None


def test_measure_changed_the_area_burned_two_days_later():
    tuesday = measured(measure(2400, "hectare"), "2,400 hectares", "a", "area burned", "2025-07-08")
    thursday = measured(measure(6100, "hectare"), "6,100 hectares", "b", "area burned", "2025-07-10")
    ctx = context()
    assert "the measurement at two times" in measure_changed.check(thursday, tuesday, ctx)
    assert decided("measure", thursday, tuesday, ctx) == ("update", "measure-changed")
    cued = measured(measure(7.9, "meter"), "7.9 metres", "b", "crest", "2025-07-10", update_cue=True)
    assert decided("measure", measured(measure(7.1, "meter"), "7.1 metres", "a", "crest", "2025-07-08"), cued,
                   ctx) == ("update", "measure-changed")


def test_measure_changed_not_on_one_day_or_for_a_measure_that_does_not_run():
    tuesday = measured(measure(2400, "hectare"), "2,400 hectares", "a", "area burned", "2025-07-08")
    same_day = measured(measure(6100, "hectare"), "6,100 hectares", "b", "area burned", "2025-07-08")
    assert measure_changed.check(tuesday, same_day, context()) is None
    a = measured(measure(45, "meter"), "a 45-metre breach", "a", published="2025-07-08")
    b = measured(measure(52, "meter"), "a 52-metre breach", "b", published="2025-07-10")
    assert measure_changed.check(a, b, context()) is None


def test_measures_differ_two_crests_for_one_flood():
    a = measured(measure(7.1, "meter"), "peaked at 7.1 metres", "a", "river")
    b = measured(measure(5.9, "meter"), "peaked at 5.9 metres", "b", "river")
    ctx = context()
    assert "cannot both be true" in measures_differ.check(a, b, ctx)
    assert decided("measure", a, b, ctx) == ("conflict", "measures-differ")


# --- ranks ---------------------------------------------------------------------------------------------

def ranked(value, text: str, article: str = "a", subject: str = "largest party"):
    return claim("ordinal", value, text, article=article, subject=subject)


def test_same_rank_one_place_in_one_ranking():
    a = ranked(rank(3, "largest"), "the third-largest force", "a")
    b = ranked(rank(3, "largest"), "third-largest party", "b")
    ctx = context()
    assert "same rank (3rd-largest)" in same_rank.check(a, b, ctx)
    assert decided("ordinal", a, b, ctx) == ("agree", "same-rank")


def test_same_rank_not_for_another_place():
    assert same_rank.check(ranked(rank(3, "largest"), "third-largest"), ranked(rank(2, "largest"), "second-largest",
                                                                               "b"), context()) is None


def test_series_differ_all_launches_and_the_launches_of_one_year():
    overall = ranked(rank(12), "its 12th orbital launch", "a", "launch")
    this_year = ranked(rank(4, within="of 2025"), "its fourth launch of 2025", "b", "launch")
    ctx = context()
    assert "different series" in series_differ.check(overall, this_year, ctx)
    assert decided("ordinal", overall, this_year, ctx) == ("different_scope", "series-differ")


def test_series_differ_not_within_one_series():
    assert series_differ.check(ranked(rank(12), "12th launch", subject="launch"),
                               ranked(rank(11), "11th launch", "b", "launch"), context()) is None


def test_ranks_differ_one_party_given_two_places():
    a = ranked(rank(3, "largest"), "the third-largest force", "a")
    b = ranked(rank(2, "largest"), "now the second-largest party", "b")
    ctx = context()
    assert "rank the same thing differently" in ranks_differ.check(a, b, ctx)
    assert decided("ordinal", a, b, ctx) == ("conflict", "ranks-differ")
    third = ranked(rank(3), "its third summit", "a", "summit")
    fourth = ranked(rank(4), "the council's fourth summit", "b", "summit")
    assert decided("ordinal", third, fourth, ctx) == ("conflict", "ranks-differ")
