"""Every judgement rule on small hand-built claims: the rules every kind shares (kinds/context_rules.py),
the rule across events (events-differ), the rule on one claim (weekday-mismatch), and a test that every
registered rule has a test.

The other kinds' rules are in tests/test_rules_<group>.py; claims and the light judge context are built
by tests/rule_claims.py. A test is named after its rule: test_<rule_name>_...; where two different rules
share a name, after the rule and its module: test_<rule_name>_<module>_....
"""
from __future__ import annotations

import ast
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from rule_claims import (
    Event,
    claim,
    context,
    count,
    day,
    decided,
    measure,
    percent,
    registry,
)

from verify.align import ClaimGroup
from verify.judge import judge
from verify.kinds.base import Rule, events_differ, rule
from verify.kinds.context_rules import (
    acts_differ,
    corrected_by_note,
    increment_vs_total,
    periods_differ,
    places_differ,
    planned_vs_reported,
    provisional_vs_final,
    qualifiers_differ,
    sources_differ,
    superseded_by_correction,
    times_differ,
)
from verify.kinds.weekday import WeekdayMismatch, weekday_mismatch

HERE = Path(__file__).resolve().parent

# Rules tested under another name than their own: {"rule-name": "test_function_name"}. Empty: every
# rule's tests carry its name.
TESTED_AS: dict[str, str] = {}


# --- every rule has a test ------------------------------------------------------------------------

def distinct_rules() -> list[Rule]:
    """Every rule of every registered kind (pair rules, rules on one claim, events-differ), each once."""
    return list(dict.fromkeys(r for _, r in registry().rules()))


def rule_tokens(rules: Iterable[Rule]) -> dict[str, Rule]:
    """What a test of each rule is named after: the rule's name with underscores; where two different
    rules share a name, the name and the rule's module ("places_differ_location")."""
    rules = list(rules)
    by_name: dict[str, list[Rule]] = defaultdict(list)
    for r in rules:
        by_name[r.name].append(r)
    tokens = {}
    for r in rules:
        token = r.name.replace("-", "_")
        if len(by_name[r.name]) > 1:
            token += "_" + r.check.__module__.rsplit(".", 1)[-1]
        tokens[token] = r
    return tokens


def rule_test_names() -> set[str]:
    """The test functions of tests/test_rules*.py."""
    names = set()
    for path in sorted(HERE.glob("test_rules*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                names.add(node.name)
    return names


def untested(rules: Iterable[Rule], test_names: set[str], tested_as: dict[str, str]) -> list[str]:
    """Rules no test is named after. A test counts for the longest rule token its name starts with,
    so test_partial_list_covered_... is no test of partial-list."""
    tokens = rule_tokens(rules)
    covered = set()
    for name in test_names:
        matching = [t for t in tokens if f"{name}_".startswith(f"test_{t}_")]
        if matching:
            covered.add(max(matching, key=len))
    mapped = {name.replace("_", "-") for name, test in tested_as.items() if test in test_names}
    return sorted(r.name + (f" ({token})" if token != r.name.replace("-", "_") else "")
                  for token, r in tokens.items() if token not in covered and r.name not in mapped)


def test_every_rule_has_a_test():
    rules = distinct_rules()
    assert len(rules) >= 70  # the registry was found and walked
    assert untested(rules, rule_test_names(), TESTED_AS) == []


def test_every_rule_has_a_test_notices_a_rule_without_one():
    @rule("brand-new-rule", "conflict", "'x' / 'y'.")
    def brand_new_rule(a, b, ctx):
        """A rule nobody has tested yet."""
        return "new"

    names = rule_test_names()
    assert untested([*distinct_rules(), brand_new_rule], names, TESTED_AS) == ["brand-new-rule"]
    assert untested([brand_new_rule], names | {"test_brand_new_rule_fires"}, TESTED_AS) == []
    assert untested([brand_new_rule], names, {"brand_new_rule": "test_every_rule_has_a_test"}) == []


def test_every_rule_has_a_test_one_token_per_rule():
    tokens = rule_tokens(distinct_rules())
    assert "locations_differ" in tokens and "places_differ" in tokens
    assert "values_differ" in tokens  # one rule used by three kinds is one rule


def test_rule_names_name_one_rule_each():
    rules = distinct_rules()
    assert len({r.name for r in rules}) == len(rules)


# --- corrections ------------------------------------------------------------------------------------

def test_superseded_by_correction_leaves_out_a_figure_its_own_article_corrects():
    body = claim("measure", measure(9000, "acre"), "some 9,000 acres", article="a", subject="pasture")
    other = claim("measure", measure(21000, "acre", "approx", 18900, 23100), "about 21,000 acres", article="b",
                  subject="pasture")
    ctx = context(superseded={body.id})
    assert superseded_by_correction.check(body, other, ctx)
    assert decided("measure", body, other, ctx) == (None, "superseded-by-correction")


def test_superseded_by_correction_leaves_out_the_wrong_value_a_correction_quotes():
    quoted = claim("measure", measure(9000, "acre"), "9,000 acres", article="a", correction=True,
                   sentence="Correction: the flooded pasture covers 9,000 hectares, not 9,000 acres as stated.")
    body = claim("measure", measure(9000, "acre"), "some 9,000 acres", article="a")
    ctx = context(quoted={quoted.id})
    assert superseded_by_correction.check(body, quoted, ctx)
    assert decided("measure", quoted, body, ctx) == (None, "superseded-by-correction")


def test_superseded_by_correction_not_when_nothing_is_corrected_or_within_the_correcting_article():
    body = claim("measure", measure(9000, "acre"), "some 9,000 acres", article="a")
    note = claim("measure", measure(9000, "hectare"), "9,000 hectares", article="a", correction=True)
    other = claim("measure", measure(21000, "acre"), "21,000 acres", article="b")
    assert superseded_by_correction.check(body, other, context()) is None
    assert superseded_by_correction.check(body, note, context(superseded={body.id})) is None


def test_corrected_by_note_a_correction_replaces_the_figure_above_it():
    body = claim("measure", measure(9000, "acre"), "Some 9,000 acres", article="a", subject="pasture",
                 sentence="Some 9,000 acres of pasture lie under water.")
    note = claim("measure", measure(9000, "hectare"), "9,000 hectares", article="a", subject="pasture",
                 sentence="Correction: the flooded pasture covers 9,000 hectares, not 9,000 acres as first reported.",
                 correction=True)
    ctx = context()
    assert "corrects" in corrected_by_note.check(body, note, ctx)
    assert decided("measure", body, note, ctx) == ("update", "corrected-by-note")
    assert decided("measure", note, body, ctx) == ("update", "corrected-by-note")


def test_corrected_by_note_not_across_articles_nor_without_a_correction():
    body = claim("measure", measure(9000, "acre"), "Some 9,000 acres", article="a")
    note = claim("measure", measure(9000, "hectare"), "9,000 hectares", article="b", correction=True)
    again = claim("measure", measure(9200, "acre"), "9,200 acres", article="a")
    assert corrected_by_note.check(body, note, context()) is None
    assert corrected_by_note.check(body, again, context()) is None


def test_provisional_vs_final_the_final_figure_updates_the_provisional_one():
    early = claim("percent", percent(61.2), "61.2 percent", article="a", subject="turnout", provisional="provisional",
                  sentence="Provisional turnout stood at 61.2 percent.")
    final = claim("percent", percent(61.5), "61.5 percent", article="b", subject="turnout", provisional="certified",
                  sentence="Certified turnout was 61.5 percent.")
    ctx = context()
    assert "provisional" in provisional_vs_final.check(final, early, ctx)
    assert decided("percent", final, early, ctx) == ("update", "provisional-vs-final")


def test_provisional_vs_final_not_for_two_provisional_or_unstaged_figures():
    early = claim("percent", percent(61.2), "61.2 percent", provisional="provisional")
    other = claim("percent", percent(60.1), "60.1 percent", article="b", provisional="preliminary")
    plain = claim("percent", percent(60.1), "60.1 percent", article="b")
    assert provisional_vs_final.check(early, other, context()) is None
    assert provisional_vs_final.check(early, plain, context()) is None


# --- scopes: when, where, whose, which part, which act ------------------------------------------------

def _vote(n: int, when: str, on: dt.date | None, article: str, **parse):
    sentence = f"{when[:1].upper() + when[1:]} the harbour plan was backed by {n} councillors." if when else \
        f"The harbour plan was backed by {n} councillors."
    return claim("count", count(n, unit="councillor", predicate="back"), f"{n} councillors", article=article,
                 sentence=sentence, subject="votes for", time_text=when, time_low=on, time_high=on,
                 published=on + dt.timedelta(days=1) if on else day("2025-03-18"), **parse)


def test_times_differ_figures_given_for_two_past_occasions():
    a = _vote(9, "on 3 February", day("2025-02-03"), "a")
    b = _vote(12, "on 17 March", day("2025-03-17"), "b")
    ctx = context()
    assert "different occasions" in times_differ.check(a, b, ctx)
    assert decided("count", a, b, ctx) == ("different_event", "times-differ")


def test_times_differ_reads_the_event_date_when_the_clause_gives_none():
    vote = Event("E2", "the harbour vote", "vote", day("2025-03-17"), day("2025-03-17"), None, ["b"], [])
    a = _vote(9, "on 3 February", day("2025-02-03"), "a")
    b = _vote(12, "", None, "b")
    b.event = "E2"
    assert times_differ.check(a, b, context(events=[vote]))


def test_times_differ_reads_an_undated_report_as_of_the_month_before_it():
    a = _vote(9, "on 3 February", day("2025-02-03"), "a")
    b = _vote(12, "", None, "b")  # published 18 March: its figure held some time from mid-February on
    assert times_differ.check(a, b, context())
    b.article_date = day("2025-02-20")
    assert times_differ.check(a, b, context()) is None  # 3 February lies within its month
    b.article_date = None
    assert times_differ.check(a, b, context()) is None  # no time for b at all


def test_times_differ_not_for_days_close_together_a_plan_or_unworded_times():
    a = _vote(9, "on 3 February", day("2025-02-03"), "a")
    close = _vote(12, "on 4 February", day("2025-02-04"), "b")
    planned = _vote(12, "on 17 March", day("2025-03-17"), "b", future=True)
    ctx = context()
    assert times_differ.check(a, close, ctx) is None
    assert times_differ.check(a, planned, ctx) is None
    unworded = [_vote(n, "", None, x) for n, x in ((9, "a"), (12, "b"))]
    events = [Event(f"E{i}", "vote", "vote", d, d, None, [], []) for i, d in ((1, day("2025-02-03")),
                                                                              (2, day("2025-03-17")))]
    unworded[1].event = "E2"
    assert times_differ.check(*unworded, context(events=events)) is None  # only the events' dates differ


def _forecast(value: float, when: str, year: int, article: str, **parse):
    return claim("percent", percent(value), f"{value}%", article=article, subject="inflation",
                 sentence=f"Inflation is forecast to average {value}% {when}.", time_text=when,
                 time_low=dt.date(year, 1, 1), time_high=dt.date(year, 12, 31), published=day("2026-02-05"),
                 future=True, **parse)


def test_periods_differ_forecasts_for_two_years():
    a = _forecast(2.3, "in 2028", 2028, "a")
    b = _forecast(2.9, "this year", 2026, "b")
    ctx = context()
    assert "different periods" in periods_differ.check(a, b, ctx)
    assert decided("percent", a, b, ctx) == ("different_scope", "periods-differ")


def test_periods_differ_forecasts_for_this_year_and_next_year():
    a = _forecast(2.3, "in 2027", 2027, "a")
    b = _forecast(2.9, "this year", 2026, "b")
    ctx = context()
    assert periods_differ.check(a, b, ctx)
    assert decided("percent", a, b, ctx) == ("different_scope", "periods-differ")


def test_periods_differ_not_for_one_period_however_worded():
    a = _forecast(2.3, "in 2027", 2027, "a")
    b = _forecast(2.9, "next year", 2027, "b")
    untimed = claim("percent", percent(2.9), "2.9%", article="b")
    assert periods_differ.check(a, b, context()) is None
    assert periods_differ.check(a, untimed, context()) is None


def test_planned_vs_reported_a_condition_is_not_a_reading():
    plan = claim("measure", measure(5, "meter"), "5 metres", article="a", subject="river", future=True,
                 sentence="The road reopens once the river drops below 5 metres.")
    reading = claim("measure", measure(7.4, "meter"), "7.4 metres", article="b", subject="river",
                    sentence="The river crested at 7.4 metres overnight.")
    ctx = context()
    assert "planned or expected" in planned_vs_reported.check(reading, plan, ctx)
    assert decided("measure", reading, plan, ctx) == ("different_scope", "planned-vs-reported")


def test_planned_vs_reported_not_for_two_reports():
    a = claim("measure", measure(5, "meter"), "5 metres", article="a")
    b = claim("measure", measure(7.4, "meter"), "7.4 metres", article="b")
    assert planned_vs_reported.check(a, b, context()) is None
    assert planned_vs_reported.check(*(claim("measure", measure(v, "meter"), f"{v} m", future=True)
                                       for v in (5, 6)), context()) is None


def _helpers(n: int, source: str, article: str):
    return claim("count", count(n, unit="volunteer", predicate="help"), f"{n:,} volunteers", article=article,
                 subject="volunteer", source=source, sentence=f"{source} said {n:,} volunteers helped.")


def test_sources_differ_two_named_sources_two_estimates():
    a = _helpers(900, "the Harbour Rescue Guild", "a")
    b = _helpers(1400, "Mayor Tomasz Weller", "b")
    ctx = context()
    assert "two sources' estimates" in sources_differ.check(a, b, ctx)
    assert decided("count", a, b, ctx) == ("different_scope", "sources-differ")


def test_sources_differ_not_for_an_unnamed_source_or_one_source_named_twice():
    a = _helpers(900, "the Harbour Rescue Guild", "a")
    assert sources_differ.check(a, _helpers(1400, "the organisers", "b"), context()) is None
    assert sources_differ.check(a, _helpers(1400, "Harbour Rescue Guild", "b"), context()) is None
    assert sources_differ.check(a, _helpers(1400, "", "b"), context()) is None


def _turnout(value: float, article: str, places=(), act_places=()):
    return claim("percent", percent(value), f"{value} percent", article=article, subject="turnout",
                 places=tuple(places), act_places=tuple(act_places))


def test_places_differ_a_figure_for_one_town_and_one_for_the_region():
    town = _turnout(64.0, "a", places=["Brannock"])
    region = _turnout(59.2, "b")
    ctx = context()
    assert "different scopes" in places_differ.check(town, region, ctx)
    assert decided("percent", town, region, ctx) == ("different_scope", "places-differ")


def test_places_differ_not_for_one_place_spelled_twice_or_the_event_venue():
    assert places_differ.check(_turnout(64.0, "a", ["Kyiv"]), _turnout(59.2, "b", ["Kiev"]), context()) is None
    hosted = _turnout(64.0, "a", act_places=["Tarrow"])  # "64 percent voted in Tarrow"
    elsewhere = _turnout(59.2, "b", act_places=["Pellow"])
    assert places_differ.check(hosted, _turnout(59.2, "b"), context())  # one part of the area, or all of it
    assert places_differ.check(hosted, elsewhere, context())  # two places of the act
    venue = Event("E1", "the summit in Tarrow", "meeting", None, None, "Tarrow", ["a", "b"], [])
    assert places_differ.check(hosted, _turnout(59.2, "b"), context(events=[venue])) is None  # the event's place
    assert places_differ.check(hosted, elsewhere, context(events=[venue]))  # one part of it, elsewhere
    hall = Event("E1", "the vote in Selby", "vote", None, None, "Selby", ["a", "b"], [], places=["Selby", "Tarrow"])
    assert places_differ.check(hosted, _turnout(59.2, "b"), context(events=[hall])) is None  # one of its places


def _doses(value: float, frame: str, article: str):
    return claim("percent", percent(value), f"{value:g}%", article=article, subject="child", frame=frame)


def test_qualifiers_differ_first_dose_and_both_doses():
    a = _doses(93, "#% of pupils have had their first dose", "a")
    b = _doses(88, "#% of six-year-olds have had both doses", "b")
    ctx = context()
    assert "different parts" in qualifiers_differ.check(a, b, ctx)
    assert decided("percent", a, b, ctx) == ("different_scope", "qualifiers-differ")


def test_qualifiers_differ_not_for_the_same_part_or_an_unqualified_figure():
    a = _doses(93, "#% of pupils have had their first dose", "a")
    assert qualifiers_differ.check(a, _doses(88, "#% had a first dose by spring", "b"), context()) is None
    assert qualifiers_differ.check(a, _doses(88, "#% of pupils are vaccinated", "b"), context()) is None


def _nations(n: int, verb: str, article: str, relation: str = "nsubj"):
    return claim("count", count(n, predicate=verb), f"{n} countries", article=article, subject="country",
                 predicate=verb, relation=relation)


def test_acts_differ_attended_and_signed():
    a = _nations(46, "attend", "a")
    b = _nations(41, "sign", "b", relation="agent")
    ctx = context()
    assert "different acts" in acts_differ.check(a, b, ctx)
    assert decided("count", a, b, ctx) == ("different_scope", "acts-differ")


def test_acts_differ_not_for_close_verbs_one_gathering_light_verbs_or_noun_modifiers():
    a = _nations(46, "attend", "a")
    ctx = context()
    assert acts_differ.check(a, _nations(41, "participate", "b"), ctx) is None  # similar verbs
    assert acts_differ.check(a, _nations(41, "meet", "b"), ctx) is None  # both take part in one meeting
    assert acts_differ.check(a, _nations(41, "be", "b"), ctx) is None
    assert acts_differ.check(a, _nations(41, "sign", "b", relation="nummod"), ctx) is None
    assert acts_differ.check(a, _nations(41, "attend", "b"), ctx) is None


def test_increment_vs_total_a_change_is_not_the_figure():
    change = claim("count", count(2, unit="passenger", predicate="die"), "two passengers", article="a",
                   subject="deaths", increment=True,
                   sentence="The toll reached seven after two passengers died in hospital.")
    total = claim("count", count(5, unit="person", predicate="die"), "Five people", article="b", subject="deaths")
    ctx = context()
    assert "change of the figure" in increment_vs_total.check(total, change, ctx)
    assert decided("count", total, change, ctx) == ("different_scope", "increment-vs-total")


def test_increment_vs_total_not_for_two_totals_or_two_changes():
    a = claim("count", count(2), "two", increment=True)
    b = claim("count", count(3), "three", article="b", increment=True)
    c = claim("count", count(5), "five", article="b")
    assert increment_vs_total.check(a, b, context()) is None
    assert increment_vs_total.check(c, c, context()) is None


# --- across events and on one claim ------------------------------------------------------------------

STORY = ["Corvel Pact", "Ilse Marr", "Tarrow"]


def _meetings():
    return [Event("E1", "the Corvel Pact talks in Tarrow", "meeting", day("2025-03-04"), day("2025-03-04"), "Tarrow",
                  ["a"], [], names=STORY),
            Event("E2", "the Corvel Pact talks in Selby", "meeting", day("2025-03-11"), day("2025-03-11"), "Selby",
                  ["b"], [], names=STORY)]


def test_events_differ_figures_of_two_look_alike_meetings():
    a = claim("count", count(31), "31 countries", article="a", event="E1", subject="country")
    b = claim("count", count(30), "30 countries", article="b", event="E2", subject="country")
    ctx = context(events=_meetings())
    assert "different events" in events_differ.check(a, b, ctx)
    groups = [ClaimGroup("E1", "count:country", "count", [a]), ClaimGroup("E2", "count:country", "count", [b])]
    findings = judge(groups, _meetings(), registry(), ctx)
    assert [(f.status, f.rule, f.other_event) for f in findings] == [("different_event", "events-differ", "E2")]


def test_events_differ_not_within_one_event_or_for_an_unknown_event():
    a = claim("count", count(31), "31 countries", article="a", event="E1")
    b = claim("count", count(30), "30 countries", article="b", event="E1")
    ctx = context(events=_meetings())
    assert events_differ.check(a, b, ctx) is None
    b.event = "E9"
    assert events_differ.check(a, b, ctx) is None


def test_events_differ_not_for_meetings_of_other_stories():
    meetings = _meetings()
    meetings[1].names = ["Selby Forum"]
    a = claim("count", count(31), "31 countries", article="a", event="E1", subject="country")
    b = claim("count", count(30), "30 countries", article="b", event="E2", subject="country")
    groups = [ClaimGroup("E1", "count:country", "count", [a]), ClaimGroup("E2", "count:country", "count", [b])]
    assert judge(groups, meetings, registry(), context(events=meetings)) == []


def test_weekday_mismatch_a_weekday_that_is_not_its_date():
    friday = 4  # 5 March 2026 was a Thursday
    mismatch = claim("weekday", WeekdayMismatch(friday, day("2026-03-05"), day("2026-03-05")),
                     "Friday, 5 March 2026", subject="Friday, 5 March 2026", attribute="weekday",
                     sentence="The lease was signed on Friday, 5 March 2026, in the town hall.")
    ctx = context()
    why = weekday_mismatch.check(mismatch, ctx)
    assert "Friday named" in why and "Thursday" in why
    findings = judge([ClaimGroup("E1", "weekday", "weekday", [mismatch])], [], registry(), ctx)
    assert [(f.status, f.rule) for f in findings] == [("conflict", "weekday-mismatch")]
