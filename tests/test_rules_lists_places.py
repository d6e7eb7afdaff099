"""Rules of lists and places (kinds/lists.py, location.py) on hand-built claims."""
from __future__ import annotations

from rule_claims import claim, context, decided, items, place

from verify.kinds.lists import (
    item_count_differs,
    items_differ,
    items_match,
    list_contains_other,
    partial_list,
    partial_list_covered,
)
from verify.kinds.location import (
    locations_differ,
    place_in_more_detail,
    place_unnamed,
    same_place,
    stretches_differ,
    venue_and_town,
)


def listed(value, text: str, article: str = "a", subject: str = "partner"):
    return claim("list", value, text, article=article, subject=subject)


# --- lists ---------------------------------------------------------------------------------------------

def test_partial_list_covered_an_including_list_within_a_full_one():
    some = listed(items("Arvenia", "Kestland", "Moravel", partial=True), "partners including Arvenia, Kestland "
                  "and Moravel", "a")
    every = listed(items("Arvenia", "Kestland", "Moravel", "Druvia"), "Arvenia, Kestland, Moravel and Druvia", "b")
    ctx = context()
    assert "has a counterpart" in partial_list_covered.check(some, every, ctx)
    assert decided("list", every, some, ctx) == ("compatible", "partial-list-covered")


def test_partial_list_covered_not_when_an_item_is_missing_or_neither_is_partial():
    some = listed(items("Arvenia", "Kestland", "Ostrel", partial=True), "partners including Arvenia, ...")
    every = listed(items("Arvenia", "Kestland", "Moravel", "Druvia"), "Arvenia, Kestland, Moravel and Druvia", "b")
    assert partial_list_covered.check(some, every, context()) is None
    whole = listed(items("Arvenia", "Kestland", "Moravel"), "Arvenia, Kestland and Moravel")
    assert partial_list_covered.check(whole, every, context()) is None


def test_partial_list_one_list_says_it_is_not_complete():
    some = listed(items("a footbridge", "a tunnel", partial=True), "projects such as a footbridge and a tunnel", "a",
                  "project")
    every = listed(items("a ring road", "a footbridge", "a ferry pier"), "a ring road, a footbridge and a ferry pier",
                   "b", "project")
    ctx = context()
    assert "explicitly partial" in partial_list.check(some, every, ctx)
    assert decided("list", some, every, ctx) == ("compatible", "partial-list")


def test_partial_list_not_for_two_complete_lists():
    assert partial_list.check(listed(items("a tunnel", "a footbridge"), "a tunnel and a footbridge"),
                              listed(items("a ring road", "a ferry pier"), "a ring road and a ferry pier", "b"),
                              context()) is None


def _stops(text: str, *names: str, article: str):
    return listed(items(*names), text, article, "stop")


def test_list_contains_other_one_list_names_more_stops():
    more = _stops("Ashcombe, Brindle Moor and Carrow Halt", "Ashcombe", "Brindle Moor", "Carrow Halt", article="a")
    fewer = _stops("Ashcombe and Carrow Halt", "Ashcombe", "Carrow Halt", article="b")
    ctx = context()
    assert "names more" in list_contains_other.check(more, fewer, ctx)
    assert decided("list", fewer, more, ctx) == ("compatible", "list-contains-other")


def test_list_contains_other_not_when_both_lists_give_their_number_or_an_item_is_missing():
    more = _stops("three stops: Ashcombe, Brindle Moor and Carrow Halt", "Ashcombe", "Brindle Moor", "Carrow Halt",
                  article="a")
    fewer = _stops("two stops: Ashcombe and Carrow Halt", "Ashcombe", "Carrow Halt", article="b")
    assert list_contains_other.check(more, fewer, context()) is None
    other = _stops("Ashcombe and Dunwich Road", "Ashcombe", "Dunwich Road", article="b")
    assert list_contains_other.check(more, other, context()) is None


def _aims(*entries: str, article: str, text: str | None = None):
    return listed(items(*entries), text or ", ".join(entries), article, "priority")


def test_items_match_the_same_priorities_in_other_words():
    a = _aims("safe skies", "safe seas", "peace on land", article="a")
    b = _aims("securing the skies", "ensuring maritime safety", "a lasting peace on land", article="b")
    ctx = context()
    assert "match one to one" in items_match.check(a, b, ctx)
    assert decided("list", a, b, ctx) == ("agree", "items-match")


def test_items_match_not_when_an_item_has_no_counterpart():
    a = _aims("safe skies", "safe seas", "peace on land", article="a")
    b = _aims("securing the skies", "ensuring maritime safety", "cheaper energy", article="b")
    assert items_match.check(a, b, context()) is None


def test_item_count_differs_four_priorities_and_three():
    four = _aims("safe skies", "safe seas", "peace on land", "cheaper energy", article="a",
                 text="four priorities: safe skies, safe seas, peace on land and cheaper energy")
    three = _aims("safe skies", "safe seas", "peace on land", article="b",
                  text="three priorities: safe skies, safe seas and peace on land")
    ctx = context()
    assert "has 4 items but" in item_count_differs.check(four, three, ctx)
    assert decided("list", four, three, ctx) == ("conflict", "item-count-differs")


def test_item_count_differs_not_for_lists_of_one_length():
    assert item_count_differs.check(_aims("safe skies", "safe seas", article="a"),
                                    _aims("cheaper energy", "safe seas", article="b"), context()) is None


def test_item_count_differs_whichever_list_comes_first():
    four = _aims("safe skies", "safe seas", "peace on land", "cheaper energy", article="a",
                 text="four priorities: safe skies, safe seas, peace on land and cheaper energy")
    three = _aims("safe skies", "safe seas", "peace on land", article="b",
                  text="three priorities: safe skies, safe seas and peace on land")
    assert decided("list", three, four, context()) == ("conflict", "item-count-differs")


def test_item_count_differs_a_counted_list_and_a_longer_uncounted_one():
    three = _aims("safe skies", "safe seas", "peace on land", article="a",
                  text="three priorities: safe skies, safe seas and peace on land")
    four = _aims("safe skies", "safe seas", "peace on land", "cheaper energy", article="b",
                 text="its priorities: safe skies, safe seas, peace on land and cheaper energy")
    assert decided("list", three, four, context()) == ("conflict", "item-count-differs")


def test_items_differ_one_charge_in_place_of_another():
    a = listed(items("bribery", "forgery", "tax evasion"), "bribery, forgery and tax evasion", "a", "charge")
    b = listed(items("bribery", "forgery", "breach of trust"), "bribery, forgery and breach of trust", "b", "charge")
    ctx = context()
    why = items_differ.check(a, b, ctx)
    assert "'tax evasion' in a has no counterpart" in why and "'breach of trust' in b" in why
    assert decided("list", a, b, ctx) == ("conflict", "items-differ")


# --- places ---------------------------------------------------------------------------------------------

def located(value, text: str, article: str = "a", subject: str = "sign treaty"):
    return claim("location", value, text, article=article, subject=subject, attribute="location")


def test_same_place_two_spellings_of_one_city():
    a = located(place("Kyiv", "Kyiv"), "in Kyiv", "a")
    b = located(place("Kiev", "Kiev"), "in Kiev", "b")
    ctx = context()
    assert "name the same place" in same_place.check(a, b, ctx)
    assert decided("location", a, b, ctx) == ("agree", "same-place")
    hall = located(place("Tollgate Hall", "Tollgate Hall", level="venue"), "at Tollgate Hall", "a")
    the_hall = located(place("the Tollgate Hall", "Tollgate Hall", level="venue"), "at the Tollgate Hall", "b")
    assert decided("location", hall, the_hall, ctx) == ("agree", "same-place")


def test_same_place_not_for_two_cities():
    assert same_place.check(located(place("Kyiv", "Kyiv"), "in Kyiv"), located(place("Lviv", "Lviv"), "in Lviv", "b"),
                            context()) is None


def _stretch(first: str, second: str, article: str):
    name = f"{first} and {second}"
    return located(place(name, first, second, level="stretch", head="station"), f"between {name} stations", article,
                   "derail")


def test_stretches_differ_between_other_stations():
    a = _stretch("Ashcombe", "Brindle Moor", "a")
    b = _stretch("Brindle Moor", "Carrow Halt", "b")
    ctx = context()
    assert "stretches between different places" in stretches_differ.check(a, b, ctx)
    assert decided("location", a, b, ctx) == ("conflict", "stretches-differ")


def test_stretches_differ_not_for_one_stretch_either_way_or_a_single_place():
    a = _stretch("Ashcombe", "Brindle Moor", "a")
    assert stretches_differ.check(a, _stretch("Brindle Moor", "Ashcombe", "b"), context()) is None
    assert stretches_differ.check(a, located(place("Ashcombe", "Ashcombe"), "in Ashcombe", "b"), context()) is None


def test_place_in_more_detail_a_town_and_a_hall_in_its_old_quarter():
    town = located(place("Dunmere", "Dunmere"), "in Dunmere", "a", "read verdict")
    hall = located(place("the Wool Exchange in Dunmere's Old Quarter", "Wool Exchange", "Dunmere", "Old Quarter",
                         level="venue"), "at the Wool Exchange in Dunmere's Old Quarter", "b", "read verdict")
    ctx = context()
    assert "both place it at Dunmere" in place_in_more_detail.check(town, hall, ctx)
    assert decided("location", town, hall, ctx) == ("compatible", "place-in-more-detail")


def test_place_in_more_detail_a_city_within_its_country():
    city = located(place("Geneva", "Geneva"), "in Geneva", "a")
    country = located(place("Switzerland", "Switzerland"), "in Switzerland", "b")
    assert decided("location", city, country, context()) == ("compatible", "place-in-more-detail")


def test_place_in_more_detail_not_for_places_with_no_name_in_common():
    assert place_in_more_detail.check(located(place("Dunmere", "Dunmere"), "in Dunmere"),
                                      located(place("Orrinford", "Orrinford"), "in Orrinford", "b"), context()) is None
    assert place_in_more_detail.check(located(place("Geneva", "Geneva"), "in Geneva"),
                                      located(place("Austria", "Austria"), "in Austria", "b"), context()) is None


def test_venue_and_town_a_congress_centre_and_a_city():
    venue = located(place("the Halvard Congress Centre", "Halvard Congress Centre", level="venue"),
                    "at the Halvard Congress Centre", "a")
    city = located(place("Vienna", "Vienna"), "in Vienna", "b")
    ctx = context()
    assert "may lie in" in venue_and_town.check(venue, city, ctx)
    assert decided("location", venue, city, ctx) == ("compatible", "venue-and-town")
    district = located(place("the city's Harbour district", "Harbour", level="sub_locality"),
                       "the city's Harbour district", "a")
    assert decided("location", district, located(place("Ostermark", "Ostermark"), "in Ostermark", "b"), ctx) == (
        "compatible", "venue-and-town")


def test_venue_and_town_not_for_two_towns_or_two_venues():
    a = located(place("Dunmere", "Dunmere"), "in Dunmere")
    assert venue_and_town.check(a, located(place("Orrinford", "Orrinford"), "in Orrinford", "b"), context()) is None
    hall = located(place("Tollgate Hall", "Tollgate Hall", level="venue"), "at Tollgate Hall")
    port = located(place("Pellow airport", "Pellow", level="venue"), "at Pellow airport", "b")
    assert venue_and_town.check(hall, port, context()) is None


def test_place_unnamed_a_headquarters_described_not_named():
    unnamed = located(place("the council headquarters", level="venue"), "in the council headquarters", "a")
    named = located(place("Ravensholt Council's headquarters", "Ravensholt Council", level="venue"),
                    "at Ravensholt Council's headquarters", "b")
    ctx = context()
    assert "not named" in place_unnamed.check(unnamed, named, ctx)
    assert decided("location", unnamed, named, ctx) == ("compatible", "place-unnamed")


def test_place_unnamed_not_when_both_are_named():
    assert place_unnamed.check(located(place("Tollgate Hall", "Tollgate Hall", level="venue"), "at Tollgate Hall"),
                               located(place("Pellow airport", "Pellow", level="venue"), "at Pellow airport", "b"),
                               context()) is None


def test_locations_differ_a_farmhouse_and_an_airport():
    farm = located(place("his farmhouse near Orrinford", "Orrinford", level="site"), "at his farmhouse near Orrinford",
                   "a", "arrest")
    airport = located(place("Pellow airport", "Pellow", level="venue"), "at Pellow airport", "b", "arrest")
    ctx = context()
    assert "different places" in locations_differ.check(farm, airport, ctx)
    assert decided("location", farm, airport, ctx) == ("conflict", "locations-differ")
    hall = located(place("Tollgate Hall", "Tollgate Hall", level="venue"), "at Tollgate Hall", "a", "brief")
    county = located(place("County Hall in Wexley", "County Hall", "Wexley", level="venue"), "at County Hall in Wexley",
                     "b", "brief")
    assert decided("location", hall, county, ctx) == ("conflict", "locations-differ")
