"""What dates and places are of: whether two claims situate one happening.

Not a kind (no KIND here). A date or a place is named by the happening it situates
(`verify/extract/date_words.happening`: "arrest", "open summit", "certify result by"); two such
claims are comparable only when their happenings are one.
"""
from __future__ import annotations

from ..extract.mentions import TRIGGER_CLASS
from ..lexicon.en import LIGHT_PREDICATES, ORDINAL_WORDS
from ..records import Claim
from .base import AlignContext

HAPPENING_SIMILARITY = 0.6  # what two claims are of ("open summit" ~ "open") must read this alike,
PREDICATE_SIMILARITY = 0.6  # or their verbs must ("present datum" / "present result")
HAPPEN_VERBS = {"take", "hold", "happen", "occur", "be", "stage", "host"}  # verbs of the whole event
SERIES_WORDS = {*ORDINAL_WORDS, "final", "last"}


def same_happening(a: Claim, b: Claim, ctx: AlignContext) -> bool:
    """One happening: the same one of a series ("the first round" / "the second round"), and what
    happened reads alike ("open summit" / "open"), or the verbs do ("present datum" / "present
    result"), or both name the event itself ("took place", "was held", "the session", "the meeting")."""
    series = [{w for w in c.subject.split() if w in SERIES_WORDS} for c in (a, b)]
    if series[0] != series[1]:
        return False
    if a.subject == b.subject or (a.context.predicate and a.context.predicate == b.context.predicate):
        return True
    if {a.subject.split()[0], b.subject.split()[0]} <= HAPPEN_VERBS:
        return True  # "took place yesterday" / "was held on Thursday": both situate the event itself
    classes = {_event_class(c.subject) for c in (a, b)}
    if len(classes) == 1 and None not in classes:
        return True  # "today's session" / "the meeting held on 10 April" / "ministers met": one kind of event
    similar = ctx.similarity([a.subject, a.context.predicate or a.subject],
                             [b.subject, b.context.predicate or b.subject])
    # Light verbs ("got the answer" / "gave back part of the gain") say nothing of what happened.
    light = {(c.subject.split() or [""])[0] for c in (a, b)} & LIGHT_PREDICATES
    return bool((similar[0, 0] >= HAPPENING_SIMILARITY or similar[1, 1] >= PREDICATE_SIMILARITY) and not light)


def _event_class(subject: str) -> str | None:
    """The kind of event a happening names: by its noun ("hold meeting", "session"), else its verb ("meet minister")."""
    words = subject.split() or [""]
    return TRIGGER_CLASS.get(words[-1]) or TRIGGER_CLASS.get(words[0])
