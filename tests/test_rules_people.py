"""Rules of who held a post and of a person's office (kinds/agent.py, role.py) on hand-built claims."""
from __future__ import annotations

from rule_claims import claim, context, day, decided, post, role

from verify.kinds.agent import (
    different_people_one_post,
    named_together,
    office_of_unnamed_place,
    same_person_for_post,
    several_holders,
)
from verify.kinds.role import (
    country_differs,
    former_office,
    office_differs,
    offices_can_coexist,
    portfolio_differs,
    rank_differs,
    role_far_apart_in_time,
    role_less_specific,
    role_names_no_office,
    same_role,
)


def holder(person: str, title: str, article: str = "a", attribute: str = "agent:chair"):
    return claim("agent", post(person, title), f"{title} {person}", article=article, subject=attribute.split(":")[1],
                 attribute=attribute)


# --- who held a post ----------------------------------------------------------------------------------

def test_same_person_for_post_one_chair_spelled_two_ways():
    a = holder("Marit Olsby", "Commission chairwoman", "a")
    b = holder("Marit Olsbye", "the commission's chair", "b")
    ctx = context()
    assert "same person" in same_person_for_post.check(a, b, ctx)
    assert decided("agent", a, b, ctx) == ("agree", "same-person-for-post")


def test_same_person_for_post_not_for_two_people():
    assert same_person_for_post.check(holder("Marit Olsby", "chair"), holder("Karin Dahl", "chair", "b"),
                                      context()) is None


def test_named_together_an_article_names_both_holders():
    a = holder("Jonas Pell", "chief executive", "a", "agent:ceo")
    also_in_a = holder("Ruth Avery", "chief executive", "a", "agent:ceo")
    b = holder("Ruth Avery", "Chief executive", "b", "agent:ceo")
    ctx = context(claims=[a, also_in_a, b])
    assert "a names both Jonas Pell and Ruth Avery" in named_together.check(a, b, ctx)
    assert decided("agent", a, b, ctx) == (None, "named-together")


def test_named_together_not_when_no_article_names_both():
    a = holder("Jonas Pell", "chief executive", "a", "agent:ceo")
    b = holder("Ruth Avery", "chief executive", "b", "agent:ceo")
    other_post = holder("Ruth Avery", "finance director", "a", "agent:finance director")
    assert named_together.check(a, b, context(claims=[a, b, other_post])) is None


def test_office_of_unnamed_place_two_presidents_of_unsaid_countries():
    a = holder("Dora Lind", "President", "a", "agent:president")
    b = holder("Anton Kirsch", "President", "b", "agent:president")
    ctx = context(claims=[a, b])
    assert office_of_unnamed_place.check(a, b, ctx)
    assert decided("agent", a, b, ctx) == (None, "office-of-unnamed-place")


def test_office_of_unnamed_place_not_for_an_office_of_one_body():
    a = holder("Per Vollan", "state mediator", "a", "agent:mediator")
    b = holder("Sunniva Rud", "state mediator", "b", "agent:mediator")
    assert office_of_unnamed_place.check(a, b, context()) is None


def test_several_holders_a_case_has_several_prosecutors():
    a = holder("Mira Sandal", "prosecutor", "a", "agent:prosecutor")
    b = holder("Henrik Aas", "prosecutor", "b", "agent:prosecutor")
    ctx = context(claims=[a, b])
    assert several_holders.check(a, b, ctx)
    assert decided("agent", a, b, ctx) == (None, "several-holders")


def test_several_holders_not_for_the_lead_prosecutor():
    assert several_holders.check(holder("Mira Sandal", "lead prosecutor", attribute="agent:lead prosecutor"),
                                 holder("Henrik Aas", "lead prosecutor", "b", "agent:lead prosecutor"),
                                 context()) is None


def test_different_people_one_post_two_mediators_of_one_deal():
    a = holder("Per Vollan", "state mediator", "a", "agent:mediator")
    b = holder("Sunniva Rud", "state mediator", "b", "agent:mediator")
    ctx = context(claims=[a, b])
    assert "name different people (Per Vollan, Sunniva Rud)" in different_people_one_post.check(a, b, ctx)
    assert decided("agent", a, b, ctx) == ("conflict", "different-people-one-post")
    lead = holder("Mira Sandal", "lead prosecutor", "a", "agent:lead prosecutor")  # "led by prosecutor Mira Sandal"
    other_lead = holder("Henrik Aas", "lead prosecutor", "b", "agent:lead prosecutor")
    assert decided("agent", lead, other_lead, context(claims=[lead, other_lead])) == (
        "conflict", "different-people-one-post")


# --- a person's office -----------------------------------------------------------------------------------

def titled(title: str, article: str = "a", published: str | None = None, person: str = "Ilse Marr"):
    return claim("role", role(title), f"{title} {person}", article=article, subject=person, event=None,
                 attribute=f"role:{person.lower()}", published=day(published) if published else None)


def test_role_far_apart_in_time_offices_months_apart():
    january = titled("Foreign Minister", "a", "2025-01-10")
    june = titled("Prime Minister", "b", "2025-06-10")
    ctx = context()
    assert "more than 14 days apart" in role_far_apart_in_time.check(january, june, ctx)
    assert decided("role", january, june, ctx) == ("compatible", "role-far-apart-in-time")


def test_role_far_apart_in_time_not_within_two_weeks_or_without_dates():
    assert role_far_apart_in_time.check(titled("Foreign Minister", "a", "2025-01-10"),
                                        titled("Prime Minister", "b", "2025-01-20"), context()) is None
    assert role_far_apart_in_time.check(titled("Foreign Minister", "a"), titled("Prime Minister", "b"),
                                        context()) is None


def test_former_office_a_former_director_and_the_director():
    former = titled("former finance director", "a")
    current = titled("finance director", "b")
    ctx = context()
    assert "former office" in former_office.check(former, current, ctx)
    assert decided("role", current, former, ctx) == ("compatible", "former-office")


def test_former_office_not_when_neither_is_former():
    assert former_office.check(titled("finance director"), titled("sales director", "b"), context()) is None


def test_role_names_no_office_a_description_without_an_office():
    veteran = titled("a veteran of three governments", "a")
    minister = titled("Foreign Minister", "b")
    ctx = context()
    assert "names no office" in role_names_no_office.check(veteran, minister, ctx)
    assert decided("role", veteran, minister, ctx) == ("compatible", "role-names-no-office")


def test_role_names_no_office_not_when_both_name_one():
    assert role_names_no_office.check(titled("Foreign Minister"), titled("Prime Minister", "b"), context()) is None


def test_office_differs_two_offices_of_one_union():
    secretary = titled("DWTU general secretary", "a")
    president = titled("DWTU president", "b")
    ctx = context()
    assert "different offices" in office_differs.check(secretary, president, ctx)
    assert decided("role", secretary, president, ctx) == ("conflict", "office-differs")


def test_office_differs_an_external_member_is_no_deputy_governor():
    deputy = titled("Deputy Governor", "a")
    external = titled("an external member of the committee", "b")
    assert decided("role", deputy, external, context()) == ("conflict", "office-differs")


def test_office_differs_not_in_two_bodies_or_for_a_description():
    ctx = context()
    assert office_differs.check(titled("Environment Minister"), titled("Summit President", "b"), ctx) is None
    assert office_differs.check(titled("DWTU chair"), titled("DWTU's candidate for governor", "b"), ctx) is None


def test_offices_can_coexist_a_minister_who_presides_over_a_summit():
    minister = titled("Environment Minister", "a")
    president = titled("Summit President", "b")
    ctx = context()
    assert "may be held together" in offices_can_coexist.check(minister, president, ctx)
    assert decided("role", minister, president, ctx) == ("compatible", "offices-can-coexist")
    chair = titled("HLP chairwoman", "a")
    candidate = titled("the HLP's candidate for governor", "b")
    assert decided("role", chair, candidate, ctx) == ("compatible", "offices-can-coexist")


def test_offices_can_coexist_not_for_one_office():
    assert offices_can_coexist.check(titled("Environment Minister"), titled("Industry Minister", "b"),
                                     context()) is None


def test_portfolio_differs_two_ministries():
    a = titled("Environment Minister", "a")
    b = titled("Industry Minister", "b")
    ctx = context()
    assert "different portfolios: environment vs industry" in portfolio_differs.check(a, b, ctx)
    assert decided("role", a, b, ctx) == ("conflict", "portfolio-differs")


def test_portfolio_differs_not_for_one_portfolio_spelled_two_ways_or_an_unsaid_one():
    ctx = context()
    assert portfolio_differs.check(titled("Harbour Minister"), titled("Minister for Harbours", "b"), ctx) is None
    assert portfolio_differs.check(titled("Environment Minister"), titled("Minister", "b"), ctx) is None


def test_portfolio_differs_not_for_a_portfolio_said_after_of_or_a_possessor_before_it():
    ctx = context()
    assert portfolio_differs.check(titled("Operations director"),
                                   titled("Hamburg company's director of operations", "b"), ctx) is None


def test_country_differs_two_countries_defence_ministers():
    a = titled("French Defence Minister", "a")
    b = titled("Belgian Defence Minister", "b")
    ctx = context()
    assert "different countries: FR vs BE" in country_differs.check(a, b, ctx)
    assert decided("role", a, b, ctx) == ("conflict", "country-differs")


def test_country_differs_not_for_one_country_however_named():
    assert country_differs.check(titled("French Defence Minister"), titled("France's Defence Minister", "b"),
                                 context()) is None
    assert country_differs.check(titled("French Defence Minister"), titled("Defence Minister", "b"),
                                 context()) is None


def test_country_differs_not_for_a_common_noun_possessor():
    # "the company's chief executive" does not name another company than "Tremont-Vale's CEO".
    assert country_differs.check(titled("Tremont-Vale's CEO"), titled("company's chief executive", "b"),
                                 context()) is None
    assert country_differs.check(titled("Brantwick's CEO"), titled("Quillon's CEO", "b"), context()) is not None


def test_rank_differs_chair_and_deputy_chair():
    chair = titled("party chair", "a")
    deputy = titled("the party's deputy chair", "b")
    ctx = context()
    assert "different rank" in rank_differs.check(chair, deputy, ctx)
    assert decided("role", chair, deputy, ctx) == ("conflict", "rank-differs")
    presiding = titled("Presiding judge", "a")
    associate = titled("one of two associate judges", "b")
    assert decided("role", presiding, associate, ctx) == ("conflict", "rank-differs")


def test_rank_differs_not_for_a_rank_that_only_says_more():
    assert rank_differs.check(titled("Presiding judge"), titled("judge", "b"), context()) is None


def test_same_role_one_office_spelled_two_ways():
    a = titled("Defence Secretary", "a")
    b = titled("Defense Secretary", "b")
    ctx = context()
    assert "same office, portfolio and country" in same_role.check(a, b, ctx)
    assert decided("role", a, b, ctx) == ("agree", "same-role")


def test_same_role_not_when_one_says_less():
    assert same_role.check(titled("Defence Secretary"), titled("Secretary", "b"), context()) is None


def test_same_role_with_and_without_the_country_is_less_specific():
    a = titled("UK Home Secretary", "a")
    b = titled("Home Secretary", "b")
    assert decided("role", a, b, context()) == ("compatible", "role-less-specific")


def test_one_office_in_other_words_is_never_a_conflict():
    # Titles of real news for one office (issue #14): a head coach is the coach, a chief deputy city
    # attorney prosecutes, a security chief is the chief information security officer.
    ctx = context()
    for a, b in (("Head Coach", "coach"), ("Chief Deputy City Attorney", "prosecutor"),
                 ("security chief", "Chief Information Security Officer"),
                 ("finance chief", "Chief Financial Officer")):
        assert decided("role", titled(a, "a"), titled(b, "b"), ctx)[0] in ("agree", "compatible"), (a, b)


def test_role_less_specific_a_minister_and_the_defence_minister():
    bare = titled("Minister", "a")
    full = titled("Defence Minister", "b")
    ctx = context()
    assert "less specific" in role_less_specific.check(bare, full, ctx)
    assert decided("role", bare, full, ctx) == ("compatible", "role-less-specific")
