"""Ranks and places in a series: "the third-largest party", "its fourth summit", "the 12th launch".

One thing has one rank: "the Greens, now the second-largest party" and "the third-largest force"
about the same party conflict; "the council's third summit" and "its fourth summit" do too. An
ordinal's holder (the party, the council) comes from the phrase it stands in: a possessor, an
apposition, the subject of "is", the object of "makes".
"""
from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

from ..lexicon.en import NOT_RANKED_NOUNS, ORDINAL_WORDS, SUPERLATIVES
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule
from .context_rules import CORRECTION_RULES
from .quantity import same_article_parts

ORDINAL = r"(?:" + "|".join(w for w in ORDINAL_WORDS if w != "first") + r"|\d{1,3}(?:st|nd|rd|th))"
RANK = re.compile(rf"\b(?P<ord>{ORDINAL})(?:[\s-]+(?P<sup>{'|'.join(SUPERLATIVES)}))?\b(?!-year)", re.I)
SUPERLATIVE_ALONE = re.compile(rf"\bthe\s+(?P<sup>{'|'.join(SUPERLATIVES[:-2])})\b", re.I)
# What narrows a series: "its fourth launch of 2025", "the third-largest party in the region".
WITHIN = re.compile(r"\s+((?:of|in|since)\s+(?:the\s+)?(?:\d{4}|this year|last year|the year|the decade|"
                    r"the region|the country|europe|history))\b", re.I)
NOUN_SIMILARITY = 0.4  # "party" ~ "force" in "the third-largest force in the assembly"


@dataclass(frozen=True)
class Rank:
    """A place in a ranking or a series: 3 and "largest" for "the third-largest party"."""

    rank: int
    superlative: str = ""  # "" for a place in a series ("the fourth summit")
    within: str = ""  # what narrows the series: "of 2025" in "its fourth launch of 2025"

    def __str__(self) -> str:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(self.rank if self.rank % 100 not in (11, 12, 13) else 0, "th")
        return f"{self.rank}{suffix}" + (f"-{self.superlative}" if self.superlative else "")

    def report_fields(self) -> dict:
        return {"low": self.rank, "high": self.rank}

    def to_json(self) -> dict:
        return {"rank": self.rank, "superlative": self.superlative, "within": self.within}

    @classmethod
    def from_json(cls, data: dict) -> Rank:
        return cls(data["rank"], data.get("superlative", ""), data.get("within", ""))


def _r(claim: Claim) -> Rank:
    assert isinstance(claim.value, Rank)
    return claim.value


@rule("same-rank", "agree", """
    'the third-largest force in the new assembly' / 'the Greens, third-largest party'.""")
def same_rank(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The same place in the same ranking or series."""
    if _r(a) != _r(b):
        return None
    return f"{quote(a)} and {quote(b)} give the same rank ({a.value})."


@rule("series-differ", "different_scope", """
    'Halcyra's 12th orbital launch' / 'Halcyra's fourth launch of 2025': the company's launches and the
    year's.""")
def series_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """The ranks are in different series: one narrowed to a year, a region or a group, the other not."""
    if _r(a).within == _r(b).within:
        return None
    return (f"{quote(a)} ranks {_r(a).within or 'over all'} and {quote(b)} {_r(b).within or 'over all'}: "
            f"different series.")


@rule("ranks-differ", "conflict", """
    'the third-largest force in the new assembly' / 'The Green Coast Alliance, now the second-largest
    party'; 'its third Leaders' Summit' / 'the council's fourth summit'.""")
def ranks_differ(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One thing given two places in one ranking or series."""
    return f"{quote(a)} ({a.value}) and {quote(b)} ({b.value}) rank the same thing differently."


def _number(word: str) -> int:
    word = word.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else 0


def _holder(noun, after: int = -1) -> str:
    """Whose rank it is: "the council's fourth summit" -> council; "the Greens, now the second-largest
    party" -> the Greens; "That makes the Greens the third-largest force" -> the Greens."""
    def name(tok) -> str:
        left = tok
        while left.i > 0 and tok.doc[left.i - 1].pos_ == "PROPN" and tok.doc[left.i - 1].dep_ in ("compound", "flat"):
            left = tok.doc[left.i - 1]
        return re.sub(r"['’]s$", "", tok.doc[left.i:tok.i + 1].text)

    for node in (noun, *[c for c in noun.children if c.dep_ == "poss"]):
        for child in node.children:
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and child.i < after:
                return name(child)  # a possessive after the ordinal is part of the name ("Leaders' Summit")
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                # "The Council concluded its third summit": the possessor is the clause's subject.
                verb = noun.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                    return name(subject)
    subject = next((c for c in noun.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")), None)
    if subject is not None:
        return name(subject)  # "That makes the Greens the third-largest force"
    if noun.dep_ == "appos":
        return name(noun.head)
    if noun.dep_ in ("attr", "oprd", "xcomp"):
        verb = noun.head
        for dep in ("dobj", "nsubj", "nsubjpass"):
            subject = next((c for c in verb.children if c.dep_ == dep and c.i != noun.i), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN"):
                return name(subject)
    return ""


def _token_at(doc, start: int) -> int:
    return next((t.i for t in doc if t.idx >= start), len(doc))


def _ranked_noun(doc, start: int, end: int):
    """The noun an ordinal ranks: the head of its phrase ("its third Leaders' Summit" -> Summit)."""
    token = next((t for t in doc if start <= t.idx < end), None)
    noun = next((t for t in doc if t.idx >= end and t.pos_ in ("NOUN", "PROPN")), None)
    if token is None or noun is None or any(t.is_punct and t.text != "'" for t in doc if end <= t.idx < noun.idx):
        return None
    while noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("poss", "compound"):
        noun = noun.head
    return noun


class OrdinalKind(Kind):
    name = "ordinal"
    summary = "A rank or a place in a series: 'the third-largest party', 'its fourth summit', 'the 12th launch'."
    value_type = Rank
    rules = (*CORRECTION_RULES, same_rank, series_differ, same_article_parts, ranks_differ)

    def extract(self, sentence: Sentence) -> list[Draft]:
        text, doc = sentence.text, sentence.doc
        dates = [(d.start, d.end) for d in sentence.dates]
        found = [(m.start(), m.end(), _number(m.group("ord")), (m.group("sup") or "").lower())
                 for m in RANK.finditer(text)]
        taken = [(s, e) for s, e, _, _ in found]
        found += [(m.start("sup"), m.end(), 1, m.group("sup").lower()) for m in SUPERLATIVE_ALONE.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e in taken)]
        drafts = []
        for start, end, rank, superlative in found:
            if any(s < end and start < e for s, e in dates):
                continue  # "the 3rd of May"
            if re.match(r"\s+of\b", text[end:end + 4]):
                continue  # "a tenth of a percentage point": a fraction
            noun = _ranked_noun(doc, start, end)
            if noun is None or noun.lower_ in NOT_RANKED_NOUNS:
                continue
            subject = " ".join(x for x in (superlative, noun.lemma_.lower()) if x)
            within = WITHIN.match(text[noun.idx + len(noun.text):])
            value = Rank(rank, superlative, within.group(1).lower() if within else "")
            drafts.append(Draft(self.name, f"{self.name}:{subject}", subject, value,
                                sentence.start + start, sentence.start + noun.idx + len(noun.text),
                                sentence.mention_for(start, end),
                                holder=_holder(noun, after=_token_at(doc, start))))
        return drafts

    def comparable(self, a: Claim, b: Claim, ctx: AlignContext) -> bool:
        """Ranks in one ranking: the same superlative (or none) and nouns that name one kind of thing."""
        if _r(a).superlative != _r(b).superlative:
            return False
        if a.context.holder and b.context.holder:
            return True  # one named holder ranked twice; the aligner checks the holders match
        na, nb = a.subject.split()[-1], b.subject.split()[-1]
        return na == nb or float(ctx.similarity([na], [nb])[0, 0]) >= NOUN_SIMILARITY

    def cell_key(self, claim: Claim) -> Hashable:
        return (_r(claim).rank, _r(claim).superlative)


KIND = OrdinalKind()
