"""What a claim kind is: how it is extracted, its typed value, how it is aligned and judged.

A kind (one module under verify/kinds/) is a small plugin found by the registry, in the spirit
of spaCy's factories and detect-secrets' plugins. It owns, in one place:

- `extract(sentence)`: the claims of its kind in one parsed sentence (`Sentence`), as `Draft`s;
- its value type: a typed, normalised value (a quantity with interval and unit, a date span...);
- `align(claims, ctx)`: the attribute key that says which claims speak of the same thing;
- `rules`: its comparison, an ordered list of small named `Rule`s. The judge applies the first
  rule that holds for a pair of claims; that rule's name goes into the finding.

The stages around the kinds (extract, align, judge) are loops over the registry and never look
at a kind's name.
"""
from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

import numpy as np

from ..lexicon.en import COMPARISON_WORDS
from ..records import Article, Claim, ClaimValue, Event, EventMention, Segment

if TYPE_CHECKING:
    from ..extract.dates import DateMention
    from ..gazetteer import Gazetteer

def _yardstick(trigger, value_root, predicate) -> bool:
    """An event named only as what a value is compared with ("up on the previous election", "higher than at
    the last election"): on the way from the event's word up to the value's predicate stands a comparative
    that does not hold the value ("down from 60 percent at the previous election" does hold 60)."""
    for token in trigger.ancestors:
        if token.i in (predicate.i, value_root.i):
            return False
        if token.tag_ in ("JJR", "RBR") or token.lower_ in COMPARISON_WORDS:
            return value_root.i not in {t.i for t in token.subtree}
    return False


@dataclass
class Sentence:
    """One parsed sentence of an article, with what the extractor already found in it.

    Offsets inside `doc` are relative to the sentence; `segment.start` turns them into offsets
    in the article text.
    """

    article: Article
    segment: Segment
    doc: Any  # the spaCy Doc of the sentence
    reference: dt.date | None  # the date relative expressions resolve against
    dates: list[DateMention]
    mentions: list[EventMention]  # event mentions found in this sentence
    speaker: str | None
    gazetteer: Gazetteer
    is_lead: bool = False

    @property
    def text(self) -> str:
        return self.segment.text

    @property
    def start(self) -> int:
        return self.segment.start

    def mention_for(self, start: int, end: int) -> EventMention | None:
        """The event a value at sentence offsets [start, end) is about: a mention whose trigger sits in the
        value's clause (or whose phrase holds the value: "a 12-day strike"), the nearest if several; else
        a mention that stands for the whole sentence (its lead's or an episode's date); else none."""
        from ..extract.context import clause, governor, span_root

        root = span_root(self.doc, start, end)
        related = []
        if root is not None:
            pred, _ = governor(root)
            in_clause = {t.i for t in clause(pred)}
            for mention in self.mentions:
                if mention.type in ("lead", "episode"):
                    continue
                trigger = span_root(self.doc, mention.start - self.start, mention.end - self.start)
                if trigger is None:
                    continue
                holds_value = root.i in {t.i for t in trigger.subtree}
                if not holds_value and _yardstick(trigger, root, pred):
                    continue  # "58 percent, up on the previous election": that event is what the value is compared to
                if trigger.i in in_clause or holds_value:
                    distance = max(mention.start - self.start - end, start - (mention.end - self.start), 0)
                    related.append((distance, mention.start, mention))
        if related:
            return min(related, key=lambda r: (r[0], r[1]))[2]
        return next((m for m in self.mentions if m.type in ("lead", "episode")), None)

    @cached_property
    def quantities(self) -> list:
        """Counts, amounts and percentages of the sentence, found once for every kind that reads them."""
        from ..extract.quantities import find_quantities

        return find_quantities(self.text)


@dataclass
class Draft:
    """A claim as a kind extracts it; the extractor adds the quote, line and article facts."""

    kind: str
    attribute: str
    subject: str
    value: ClaimValue
    start: int  # offsets in the article text
    end: int
    mention: EventMention | None = None
    holder: str | None = None  # whose value it is, when the kind knows better than the parse context


class AlignContext(Protocol):
    """The shared helpers alignment hands to each kind."""

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray: ...

    def complete_link(self, n: int, linked: Callable[[int, int], bool]) -> list[int]: ...

    def cluster_phrases(self, labels: list[str], threshold: float) -> dict[str, str]: ...

    def group_by_context(self, kind: Kind, claims: list[Claim]) -> list[tuple[Claim, Claim]]: ...

    def items_matched(self, a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, float]]: ...

    def resolve_people(self, mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]: ...


class JudgeContext(Protocol):
    """The shared, read-only helpers rules may use."""

    events: dict[str, Event]
    gazetteer: Gazetteer
    superseded: set[str]  # claims their own article corrects
    quoted: set[str]  # wrong values a correction quotes

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray: ...

    def items_matched(self, a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, float]]: ...

    def country_code(self, word: str) -> str | None: ...

    def claims_of_article(self, article: str) -> list[Claim]: ...

    def articles(self) -> list[str]: ...


RuleCheck = Callable[..., "str | None"]


@dataclass(frozen=True)
class Rule:
    """A named judgement: when `check` returns an explanation, the pair (or claim) gets `status`.

    `status` None means "not comparable": the pair gets no finding at all. The docstring of the
    check function is the rule's documentation (`verify rules NAME`); its first line is the summary.
    """

    name: str
    status: str | None
    check: RuleCheck
    example: str
    arity: int = 2  # 2: a pair of claims; 1: one claim on its own (a weekday that contradicts its date)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else ""


def rule(name: str, status: str | None, example: str) -> Callable[[RuleCheck], Rule]:
    """Declare a pair rule: `check(a, b, ctx)` returns an explanation when the rule holds, else None."""

    def wrap(check: RuleCheck) -> Rule:
        return Rule(name=name, status=status, check=check, example=inspect.cleandoc(example))

    return wrap


def claim_rule(name: str, status: str, example: str) -> Callable[[RuleCheck], Rule]:
    """Declare a rule on one claim alone: `check(claim, ctx)` returns an explanation when it holds."""

    def wrap(check: RuleCheck) -> Rule:
        return Rule(name=name, status=status, check=check, example=inspect.cleandoc(example), arity=1)

    return wrap


@dataclass(frozen=True)
class Verdict:
    rule: Rule
    explanation: str

    @property
    def status(self) -> str | None:
        return self.rule.status


def decide(rules: Sequence[Rule], a: Claim, b: Claim, ctx: JudgeContext) -> Verdict | None:
    """The first rule that holds for the pair decides it."""
    for candidate in rules:
        explanation = candidate.check(a, b, ctx)
        if explanation is not None:
            return Verdict(candidate, explanation)
    return None


@rule("events-differ", "different_event", """
    '31 countries' about the meeting in Paris on 27 March / '30 countries' about the meeting in
    Brussels on 10 April: two meetings of one story, two figures.""")
def events_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Figures that would conflict, but about two look-alike events of one story: not a conflict.

    The judge applies it across events only, to pairs whose values the kind's own rules would
    call a conflict or an update, when the two events are of one kind, close in time and share
    names (a reader could take them for one).
    """
    ea, eb = ctx.events.get(a.event or ""), ctx.events.get(b.event or "")
    if ea is None or eb is None or ea.id == eb.id:
        return None
    return (f"{quote(a)} is about {ea.label} and {quote(b)} about {eb.label}: different events, "
            f"so the figures need not match.")


class Kind:
    """Base class of claim kinds. Subclasses set the class attributes and override what they need."""

    name: ClassVar[str]
    summary: ClassVar[str]
    value_type: ClassVar[type]
    rules: ClassVar[tuple[Rule, ...]] = ()  # pair rules, in the order they are tried
    claim_rules: ClassVar[tuple[Rule, ...]] = ()  # rules on one claim alone
    needs_event: ClassVar[bool] = True  # False: compared across the whole corpus (a person's role)
    across_events: ClassVar[bool] = False  # look for figures of look-alike events (different_event)
    # Link scores (see verify/align.py) two claims need when their values agree, and when they are
    # each other's closest match; a kind whose `comparable` already demands the same thing may ask
    # for less of the wording.
    agree_link_score: ClassVar[float] = 0.45
    mutual_link_score: ClassVar[float] = 0.45

    def extract(self, sentence: Sentence) -> list[Draft]:
        """Claims of this kind in one sentence."""
        return []

    def compared_texts(self, claim: Claim) -> list[str]:
        """Texts this kind's rules compare by meaning besides the claim's subject, verb and frame (list items,
        a vocabulary): they are encoded up front, in batches and in the worker processes, not pair by pair."""
        return []

    def extract_article(self, sentences: list[Sentence]) -> list[Draft]:
        """Claims that span several sentences (a list announced by a colon and given as lines)."""
        return []

    def align(self, claims: list[Claim], ctx: AlignContext) -> list[tuple[Claim, Claim]]:
        """Set `attribute` on this kind's claims so that claims about the same thing share it; return
        look-alike pairs: claims of two articles that read alike but were not grouped, so the judge
        may say why their values differ (a later count, another period) where a reader would see a
        contradiction.

        By default claims of one event and one family are grouped by what their sentences say
        around the value (`AlignContext.group_by_context`).
        """
        return ctx.group_by_context(self, claims)

    def family(self, claim: Claim) -> str | None:
        """Claims of different families are never compared (a length with an area); None: not at all."""
        return self.name

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """May the two claims be of the same thing at all? (Counts of different nouns are not.)"""
        return True

    def distinctive(self, claim: Claim) -> bool:
        """Is the value itself specific enough ("8,412 patients", "4.25%") that two articles of one story
        giving it exactly are very likely speaking of one thing? Such agreements link on little wording."""
        return False

    def agrees(self, a: Claim, b: Claim) -> bool:
        """Do the two values admit each other? Agreeing values align on weaker evidence than differing ones."""
        return self.cell_key(a) == self.cell_key(b)

    def label(self, claim: Claim) -> str:
        """What a group of this kind's claims is called in its attribute key."""
        return claim.subject

    def cell_key(self, claim: Claim) -> Hashable:
        """Claims of one article with the same cell key say the same thing and are judged once."""
        return str(claim.value).lower()

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        """Every rule this kind applies, as `verify rules` lists them."""
        return (*self.claim_rules, *self.rules, *((events_differ,) if self.across_events else ()))

    def decode(self, data: dict) -> ClaimValue:
        """The value back from its cached JSON form."""
        return self.value_type.from_json(data)  # type: ignore[attr-defined]


def quote(claim: Claim, limit: int = 60) -> str:
    """A claim's quote, shortened, with its article: how explanations cite their evidence."""
    text = " ".join(claim.text.split())
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return f"'{text}' ({claim.article})"
