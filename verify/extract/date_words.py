"""What a date, a time or a place is attached to in its sentence: the happening it situates.

"The first case was confirmed on 27 January" dates "confirm case"; "the runoff on 4 May" dates
"runoff"; "schools will stay closed until Friday" bounds "close school until". Kinds that situate
something (dates, times of day, places) name their claims by it, so that claims are aligned by
what happened, not by the date or place itself.
"""
from __future__ import annotations

from ..lexicon.en import ORDINAL_WORDS, REPORTING_LEMMAS
from .context import span_root
from .mentions import TRIGGER_CLASS

# Prepositions that make a date a bound of what happened ("closed until Friday", "from tomorrow").
BOUNDS = ("until", "till", "from", "since", "by", "before", "after")


def happening(doc, start: int, end: int) -> tuple[str, int] | None:
    """What a date is the date of, and the token that says it: its verb with the noun the verb is
    about and the preposition that places it ("confirm case", "hold runoff", "close school until"),
    or the event noun it modifies ("runoff", "election", "verdict"). None for the date a statement
    was made ("said on Sunday") and for dates of nothing in particular."""
    root = span_root(doc, start, end)
    if root is None:
        return None
    preposition = root.head.lower_ if root.dep_ == "pobj" else ""
    head = root.head.head if root.dep_ == "pobj" else root.head
    if head.i == root.i or not head.is_alpha:
        return None
    bound = f" {preposition}" if preposition in BOUNDS else ""
    if root.dep_ == "pobj" and root.head.i > 0:
        before = doc[root.head.i - 1]
        if before.pos_ == "NOUN" and before.lemma_.lower() in TRIGGER_CLASS and before.i != head.i:
            head = before  # "face him in the runoff on 4 May": the parser hangs the date on the verb
    if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and root.i < c.i for c in head.children):
        # "quiet again this morning after the conference ended yesterday": the date stands before the
        # clause's "after", so it belongs to the clause that one hangs on.
        head = head.head
        if head.i == root.i or head.pos_ not in ("VERB", "AUX"):
            return None
    if head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in REPORTING_LEMMAS:
            return None
        about = next((c for c in head.children if c.dep_ in ("nsubjpass", "dobj")), None)
        if about is None:
            about = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        if about is None and head.dep_ == "acl":
            about = head.head  # "the meeting held in Lausanne": the noun the participle describes
        words = [head.lemma_.lower()] + ([about.lemma_.lower()] if about is not None and about.pos_ == "NOUN" else [])
        return " ".join(words) + bound, head.i
    if head.pos_ in ("NOUN", "PROPN"):
        # "the second round on 19 October" is not the first round: the ordinal names which one.
        ordinal = [c.lower_ for c in head.children if c.lower_ in ORDINAL_WORDS or c.lower_ in ("final", "last")]
        return " ".join([*ordinal, head.lemma_.lower()]) + bound, head.i
    return None


