"""What a claim is about, read from the parse of its sentence: the context every kind shares.

A value ("9,500", "on 27 January", "Carrow Fen") is an argument of some predicate in its
sentence ("residents ... were evacuated", "the first case was confirmed", "the levee gave way").
Alignment compares claims by that predicate and its clause with the value masked (the frame),
and the judge by what narrows the claim down: whose figure it is (the holder), where and when
(places and times), who says so (a named source), and words that mark a figure as provisional,
current or corrected.
"""
from __future__ import annotations

import re

from ..lexicon.en import (
    CALENDAR_NAMES,
    CHANGE_LEMMAS,
    CORRECTION_PHRASES,
    FUTURE_MARKERS,
    NAMED_SOURCE_LEMMAS,
    PLACE_TYPE_WORDS,
    PROVISIONAL_WORDS,
    REPORTING_LEMMAS,
    UPDATE_CUES,
)
from ..records import ClaimContext
from .dates import DateMention
from .mentions import TRIGGER_CLASS

# Dependencies that open another clause: its words describe something else.
CLAUSE_BREAKS = {"ccomp", "advcl", "parataxis", "relcl", "acl"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
HOLDER_LABELS = {"PERSON", "ORG", "NORP"}
FRAME_MASK = "#"
LIGHT_VERBS = {"be", "have", "do", "make", "get", "take", "give", "say", "put"}
UPDATE_CUE = re.compile(r"\b(?:" + "|".join(UPDATE_CUES) + r")\b", re.I)
PROVISIONAL = re.compile(r"\b(?:" + "|".join(PROVISIONAL_WORDS) + r")\b", re.I)
CORRECTION = re.compile(r"(?:" + "|".join(CORRECTION_PHRASES) + r")", re.I)
CONDITION_MARKS = ("if", "once", "unless")
FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_MARKERS) + r")\b", re.I)


def span_tokens(doc, start: int, end: int) -> list:
    return [t for t in doc if start <= t.idx < end or (t.idx < start < t.idx + len(t.text))]


def span_root(doc, start: int, end: int):
    """The token of a character span whose head lies outside it (the span's syntactic root)."""
    tokens = span_tokens(doc, start, end)
    inside = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in inside or tok.head.i == tok.i:
            return tok
    return tokens[0] if tokens else None


def governor(root):
    """The verb (or, failing one, the noun) the value is an argument or modifier of, and how it hangs on it."""
    node, relation = root, root.dep_
    while node.head.i != node.i:
        head = node.head
        if node.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            relation = head.lower_
        if head.pos_ in ("VERB", "AUX"):
            return head, relation
        if head.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod"):
            return head, node.dep_  # "a 60-metre breach", "the €150 million recovery fund"
        node = head
    return node, relation


def clause(pred) -> list:
    """The tokens of the predicate's own clause (subordinate clauses of other verbs left out)."""
    tokens = []
    stack = [pred]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_BREAKS and child.i != pred.i and child.pos_ in ("VERB", "AUX"):
                continue
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def frame_tokens(root, pred) -> list:
    """What the frame is read from: the clause of the verb the value hangs on, with the value's own
    phrase whole ("the €20 million pledged on Monday by the Commission"), and the noun it modifies
    ("a 60-metre breach in the levee")."""
    verb = pred
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    chosen = {t.i: t for t in clause(verb)} if verb.pos_ in ("VERB", "AUX") else {}
    chosen.update({t.i: t for t in root.subtree})
    if pred.pos_ in ("NOUN", "PROPN"):
        chosen.update({t.i: t for t in pred.subtree})
    return [chosen[i] for i in sorted(chosen)]


def content_lemmas(tokens, value_start: int, value_end: int) -> tuple[str, ...]:
    """The frame's content words as lemmas (the value itself and light verbs left out): what two
    frames must share to say the same thing in other words."""
    lemmas = []
    for tok in tokens:
        if value_start <= tok.idx < value_end and (tok.like_num or tok.pos_ == "NUM"):
            continue
        if tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not tok.is_stop and tok.lemma_.lower() not in LIGHT_VERBS:
            lemmas.append(tok.lemma_.lower())
    return tuple(sorted(set(lemmas)))


def frame_text(tokens, value_start: int, value_end: int) -> str:
    """The clause as text with the value's numbers and hedges masked ("# residents of wenlow were evacuated")."""
    words: list[str] = []
    for tok in tokens:
        inside = value_start <= tok.idx < value_end
        if inside and (tok.like_num or tok.pos_ in ("NUM", "SYM") or tok.dep_ in ("quantmod", "advmod")
                       or tok.lower_ in ("a", "an")):
            if not words or words[-1] != FRAME_MASK:
                words.append(FRAME_MASK)
        elif not tok.is_punct:
            words.append(tok.lower_)
    return " ".join(words)


def _entity_of(tok):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _name_phrase(tok) -> str:
    """The proper-name phrase a token heads ("the Nordvest Investment Bank's" -> "Nordvest Investment Bank")."""
    ent = _entity_of(tok)
    if ent is not None:
        text = ent.text
    else:
        left = tok.i
        while left > 0 and tok.doc[left - 1].pos_ == "PROPN" and tok.doc[left - 1].dep_ in ("compound", "flat"):
            left -= 1
        text = tok.doc[left:tok.i + 1].text
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return re.sub(r"['’]s?$", "", text).strip()


def holder(root, pred, is_place) -> str:
    """The named subject of the predicate, or the named possessor of the value's noun."""
    for child in root.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and not is_place(_name_phrase(child)):
            return _name_phrase(child)
    if pred.pos_ in ("NOUN", "PROPN"):
        for child in pred.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN" and not is_place(_name_phrase(child)):
                return _name_phrase(child)
    for child in pred.children:
        if child.dep_ in ("nsubj", "nsubjpass", "agent") and child.i != root.i:
            target = child
            if child.dep_ == "agent":
                target = next((g for g in child.children if g.dep_ == "pobj"), child)
            # A capitalised word opening the sentence is a name only if the tagger says so or it runs
            # on into a longer name ("Harlow First, an anti-tax movement, won ...").
            if target.pos_ == "PROPN" and not is_place(_name_phrase(target)) and (
                    _entity_of(target) is not None or not doc_start(target) or " " in _name_phrase(target)):
                return _name_phrase(target)
            for grand in target.children:  # "the Harlow People's Party (HPP)" as appositive or compound
                if grand.dep_ == "appos" and grand.pos_ == "PROPN":
                    return _name_phrase(grand)
    return ""


LOCALITY_WORDS = PLACE_TYPE_WORDS["locality"]


def places(tokens, root, is_place) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Place names in the clause that narrow the claim down ("of Wenlow", "in Ansley", "Wenlow
    residents"), and those that say where its act or event happened ("lie in Wenlow district",
    "hosting 30 countries in Brussels", "the meeting in Brussels")."""
    found: list[str] = []
    on_acts: dict[str, bool] = {}
    for tok in tokens:
        if tok.pos_ != "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            continue  # a place name the tagger calls an adjective ("in Wenlow district") still counts
        ent = _entity_of(tok)
        if ent is not None and tok.i != ent.end - 1:
            continue  # one name per entity, read at its last token
        name = _name_phrase(tok)
        if (ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")) or \
                tok.text in CALENDAR_NAMES:
            continue  # "in January", "on Sunday": times, not places
        labelled = ent is not None and ent.label_ in PLACE_LABELS
        if tok.i == 0 or doc_start(tok):
            if not (labelled or is_place(name)):
                continue  # "Fever was reported ...": a capitalised first word is not a place
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in LOCALITY_WORDS:
            tok, name = tok.head, f"{name} {tok.head.text}"  # "lie in Wenlow district": the district
        governed = tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "of", "near", "across", "outside", "from")
        on_act = governed and (tok.head.head.pos_ in ("VERB", "AUX") or tok.head.head.i == root.i
                               or tok.head.head.lemma_.lower() in TRIGGER_CLASS)
        modifier = tok.dep_ == "compound" and tok.head.i == root.i
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != root.i:
            continue  # "the UK Defence Secretary convened ...": the place names whose official, not a scope
        if name and (labelled or is_place(name) or governed or modifier) and name not in found:
            venue = governed and tok.head.lower_ in ("at", "in") and \
                name.split()[-1].lower() in PLACE_TYPE_WORDS["venue"]  # "enrolled at Brookmere Medical Center"
            if ent is not None and ent.label_ in HOLDER_LABELS and not is_place(name) and not venue:
                continue
            found.append(name)
            on_acts[name] = on_act
    return tuple(p for p in found if not on_acts[p]), tuple(p for p in found if on_acts[p])


def doc_start(tok) -> bool:
    """Is the token (or its name phrase) at the start of its sentence?"""
    left = tok
    while left.i > 0 and left.doc[left.i - 1].pos_ == "PROPN":
        left = left.doc[left.i - 1]
    return left.i == 0 or left.is_sent_start


def time_of(dates: list[DateMention], doc, pred, value_start: int, value_root=None) -> DateMention | None:
    """The explicit time given for the value: a date hanging on its predicate (not one inside a noun
    phrase, as in "last weekend's flood killed seven", nor a statement's "said on Sunday"), the one
    nearest the value when the clause gives several ("2.6% in 2025 and 2.1% in 2026")."""
    found = []
    for date in dates:
        root = span_root(doc, date.start, date.end)
        if root is None or date.low is None:
            continue
        attached = root.head.head if root.dep_ == "pobj" else root.head
        if attached.lemma_.lower() in REPORTING_LEMMAS:
            continue  # "..., officials said on Sunday"
        on_value = value_root is not None and attached.i in {t.i for t in value_root.subtree}
        chained = attached.dep_ in ("conj", "xcomp") and attached.head.i == pred.i
        if attached.i != pred.i and not on_value and not chained and not _adjunct_of(attached, pred):
            continue
        found.append((abs(date.start - value_start), date))
    return min(found, key=lambda f: f[0])[1] if found else None


# Marks of a clause that sets the time of the clause it hangs on ("When X first approached Y seven years
# ago, it offered ..."), unlike "after"/"before", which set another time.
TIME_SETTING_MARKS = ("when", "while")
CLAUSE_MARKS = ("when", "while", "after", "before", "because", "if", "once", "unless", "since", "as", "until",
                "although", "though")


def _adjunct_of(node, pred) -> bool:
    """Is `node` inside an adjunct that situates `pred`: a phrase on it ("At the third conference, held
    in Kestova in 2023, donors pledged ...") or a when-clause on it or on the clause it continues?"""
    if pred.pos_ not in ("VERB", "AUX"):
        return False  # a noun's phrases ("a 40% chance of a cut at the meeting in April") are its complements
    line = {pred.i}
    clause = pred
    while clause.dep_ in ("advcl", "conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head  # "it offered $29 a share, valuing the group at $4.1 billion"
        line.add(clause.i)
    phrases = 0
    while node.head.i != node.i:
        phrases += node.dep_ == "prep"
        if phrases > 1:
            return False  # "at the meeting of the board in April": a phrase within a phrase
        marks = {c.lower_ for c in node.children if c.dep_ in ("mark", "advmod") and c.lower_ in CLAUSE_MARKS}
        if node.dep_ == "advcl" and marks - set(TIME_SETTING_MARKS):
            return False  # "after the vote on Monday": another time; a bare participle ("held in 2023") is not
        if node.dep_ not in ("acl", "pobj", "prep", "appos", "advcl", "npadvmod"):
            return False
        node = node.head
        if node.i in line:
            return True
    return False


def _as_of(time: DateMention | None, doc) -> bool:
    """ "By Thursday, 31 vessels were waiting", "as of 9am": a figure given as it stood at a time."""
    if time is None:
        return False
    before = doc.text[max(0, time.start - 7):time.start].lower()
    return before.rstrip().endswith(("by", "as of", "as at"))


def _increment(pred, relation: str) -> bool:
    """The value is another figure's change: "rose by 2", "has risen to seven after two passengers died"."""
    if relation == "by" and pred.lemma_.lower() in CHANGE_LEMMAS:
        return True
    explains_change = pred.dep_ == "advcl" and pred.head.lemma_.lower() in CHANGE_LEMMAS
    return explains_change and any(c.dep_ == "mark" and c.lower_ in ("after", "as", "when") for c in pred.children)


def named_source(doc, speaker: str | None) -> str:
    """A source the sentence names for what it reports ("according to X", "X said", "X estimates")."""
    match = re.search(r"\baccording to ([^,.;]+)", doc.text)
    if match:
        return match.group(1).strip()
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in NAMED_SOURCE_LEMMAS:
            # "the union says", not "X was reported"
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ not in ("PRON",) and subject.lower_ not in ("it", "they"):
                words = list(subject.subtree)
                if len(words) <= 8:
                    return doc[words[0].i:words[-1].i + 1].text
    return ""


def claim_context(doc, value_start: int, value_end: int, dates: list[DateMention], speaker: str | None,
                  is_place, section: str = "main") -> ClaimContext:
    """The context of a value at sentence offsets [value_start, value_end)."""
    root = span_root(doc, value_start, value_end)
    if root is None:
        return ClaimContext()
    pred, relation = governor(root)
    tokens = frame_tokens(root, pred)
    text = " ".join(t.text for t in tokens)
    time = time_of(dates, doc, pred, value_start, root)
    narrowing, where = places(tokens, root, is_place)
    negated = any(c.dep_ == "neg" for c in pred.children)
    future = bool(FUTURE.search(text)) or (
        pred.tag_ == "VB" and any(c.lower_ in ("will", "'ll") for c in pred.children))
    # "... once the river falls below 5 metres", "if turnout tops 60%": a condition, not a report.
    future = future or any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in pred.children)
    provisional = PROVISIONAL.search(text)
    return ClaimContext(
        predicate=pred.lemma_.lower(), relation=relation, frame=frame_text(tokens, value_start, value_end),
        words=content_lemmas(tokens, value_start, value_end),
        holder=holder(root, pred, is_place), places=narrowing, act_places=where,
        time_text=time.text if time else "", time_low=time.low if time else None, time_high=time.high if time else None,
        source=named_source(doc, speaker), negated=negated, future=future,
        provisional=provisional.group(0).lower() if provisional else "",
        update_cue=bool(UPDATE_CUE.search(text)) or _as_of(time, doc),
        increment=_increment(pred, relation),
        correction=section == "correction" or bool(CORRECTION.search(doc.text)),
    )
