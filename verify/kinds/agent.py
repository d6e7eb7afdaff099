"""Agents: who held a post of an event or did its act ("state mediator Per Aasland", "the case was
led by prosecutor Mirela Sandvik", "Commission chairwoman Beatrix Holm").

A role claim asks what post a person held; an agent claim asks who held a post. Two articles
naming different people for one post that only one person holds (the chair, the lead prosecutor,
the presiding judge, the mediator) conflict; posts several people hold (judges, prosecutors,
members) do not.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from ..names import fold_name, same_person
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .role import SUBORDINATE_RANKS, RoleParts, role_parts, titled_people

# Posts one person holds at a time (in one body): the chair, the president, the mediator...
SINGULAR_OFFICES = {"returning officer", "chair", "president", "governor", "mayor", "ceo", "director", "mediator",
                    "prime minister", "secretary-general", "chancellor", "captain", "coach", "head", "investigator"}
# Offices every country, region or city has one of: without saying which, two articles may name two.
PLACE_OFFICES = {"president", "prime minister", "chancellor", "governor", "mayor", "king", "queen"}
# Ranks that single a person out among several holders ("lead prosecutor", "presiding judge").
SINGLING_RANKS = {"lead", "presiding", "chief", "principal", "senior"}
# Verbs whose doer holds the post that leads the act: "led by prosecutor X" is the lead prosecutor.
LEADING_VERBS = {"lead": "lead", "head": "lead", "chair": "chair", "preside": "presiding"}


@dataclass(frozen=True)
class Post:
    """A person named for a post."""

    person: str
    title: str

    def __str__(self) -> str:
        return f"{self.person} ({self.title})"

    def report_fields(self) -> dict:
        return {}

    def to_json(self) -> dict:
        return {"person": self.person, "title": self.title}

    @classmethod
    def from_json(cls, data: dict) -> Post:
        return cls(data["person"], data["title"])


def _post(claim: Claim) -> Post:
    assert isinstance(claim.value, Post)
    return claim.value


def _parts(claim: Claim) -> RoleParts | None:
    return role_parts(_post(claim).title)


def singular(parts: RoleParts) -> bool:
    """Does one person hold this post at a time?"""
    if set(parts.rank) & SUBORDINATE_RANKS:
        return False  # a board has several deputy chairs and associate judges
    return parts.office in SINGULAR_OFFICES or bool(set(parts.rank) & SINGLING_RANKS) or (
        parts.office == "minister" and bool(parts.portfolio))


def same_post(a: RoleParts, b: RoleParts) -> bool:
    """One post named twice: one office and rank, and the same body when either names one.

    "Commission chairwoman" and "Harlow Electoral Commission chairman" are one post; "chief
    executive" and "Brantwick chief executive" may not be (a takeover story has two companies).
    """
    if a.office != b.office or set(a.rank) != set(b.rank):
        return False
    if bool(a.portfolio) != bool(b.portfolio) or (a.portfolio and not set(a.portfolio) & set(b.portfolio)):
        return False
    if a.organisation and b.organisation and set(a.organisation) != set(b.organisation):
        return False
    return (a.jurisdiction or None) == (b.jurisdiction or None)


@rule("same-person-for-post", "agree", """
    'Commission chairwoman Beatrix Holm' / 'the commission's chair, Beatrix Holm'.""")
def same_person_for_post(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Both name the same person for the post, however the name is spelled."""
    if not same_person(_post(a).person, _post(b).person):
        return None
    return f"{quote(a)} and {quote(b)} name the same person for the post."


@rule("named-together", None, """
    'Chief executive Matthias Kröger' / 'chief executive, Helen Ostrowe', where another article names
    both, as chief executives of Brantwick and of Quillon: two companies, two posts.""")
def named_together(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two people some article names together with one title hold two posts (of two companies, two courts)."""
    for article in ctx.articles():
        posts = [_post(c).person for c in ctx.claims_of_article(article)
                 if c.kind == a.kind and (c.attribute == a.attribute or c.subject == a.subject)]
        if any(same_person(p, _post(a).person) for p in posts) and any(same_person(p, _post(b).person) for p in posts):
            return f"{article} names both {_post(a).person} and {_post(b).person}: two posts"
    return None


@rule("office-of-unnamed-place", None, """
    'President Macron' / 'President Trump': every country has a president, and neither title says which.""")
def office_of_unnamed_place(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The office is one each country, region or city has, and a title does not say whose it is."""
    parts = [p for p in (_parts(a), _parts(b)) if p is not None]
    if len(parts) < 2:
        return None
    if not any(p.office in PLACE_OFFICES and not (p.jurisdiction or p.organisation or p.portfolio) for p in parts):
        return None
    return "the office is one every country or city has, and a title does not say whose"


@rule("several-holders", None, """
    'prosecutor Mirela Sandvik' / 'prosecutor Henrik Aalto': a case has several prosecutors.""")
def several_holders(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A post several people hold at once (judges of a panel, prosecutors, members): different names
    are different holders."""
    parts = _parts(a)
    if parts is not None and singular(parts):
        return None
    return "several people hold this post"


@rule("different-people-one-post", "conflict", """
    'Harlow Electoral Commission chairman Aurel Danko' / 'Commission chairwoman Beatrix Holm';
    'brokered by state mediator Per Aasland' / 'state mediator Helga Rønning, who brokered the agreement'.""")
def different_people_one_post(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two different people named for a post one person holds."""
    return (f"{quote(a)} and {quote(b)} name different people ({_post(a).person}, {_post(b).person}) "
            f"for one post ({_post(a).title}).")


class AgentKind(Kind):
    name = "agent"
    summary = "Who held a post of an event: 'state mediator Per Aasland', 'led by prosecutor Mirela Sandvik'."
    value_type = Post
    rules = (same_person_for_post, named_together, office_of_unnamed_place, several_holders, different_people_one_post)

    def extract(self, sentence: Sentence) -> list[Draft]:
        drafts = []
        for person in titled_people(sentence):
            title = person.title
            token = sentence.doc[person.name_token]
            verb = _leading_verb(token)
            if verb:
                title = f"{verb} {title}"  # "The case was led by prosecutor Mirela Sandvik"
            parts = role_parts(title)
            if parts is None or parts.office in ("candidate", "member"):
                continue
            subject = " ".join([*sorted(parts.rank), *parts.portfolio, parts.office])
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject, Post(person.name, title),
                                sentence.start + person.start, sentence.start + person.end,
                                sentence.mention_for(person.start, person.end)))
        return drafts

    def align(self, claims: list[Claim], ctx: AlignContext) -> list[tuple[Claim, Claim]]:
        """Claims of one event naming one post, however worded, get one attribute."""
        by_event: dict[str | None, list[Claim]] = {}
        for claim in claims:
            by_event.setdefault(claim.event, []).append(claim)
        for members in by_event.values():
            parts = [_parts(c) for c in members]

            def linked(i: int, j: int) -> bool:
                pi, pj = parts[i], parts[j]
                return pi is not None and pj is not None and same_post(pi, pj)

            for claim, leader in zip(members, ctx.complete_link(len(members), linked)):
                claim.attribute = f"{self.name}:{members[leader].subject}"
        return []

    def cell_key(self, claim: Claim) -> Hashable:
        return fold_name(_post(claim).person)


def _leading_verb(name_token) -> str | None:
    """"led by prosecutor X" / "X, who chaired the talks": the post the verb gives its doer."""
    node = name_token
    while node.dep_ in ("compound", "flat", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "by" and node.head.dep_ == "agent":
        return LEADING_VERBS.get(node.head.head.lemma_.lower())
    for child in node.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in LEADING_VERBS:
            return LEADING_VERBS[child.lemma_.lower()]
    if node.dep_ == "nsubj" and node.head.lemma_.lower() in LEADING_VERBS:
        return LEADING_VERBS[node.head.lemma_.lower()]
    return None


KIND = AgentKind()
