"""Roles: a person's office as the text gives it ("UK Defence Secretary John Healey", "Name, the health minister,").

A role is parsed into parts (office, portfolio, jurisdiction) so that "Defence Secretary"
and "UK Defense Secretary" agree while "finance minister" and "foreign minister" do not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..lexicon.en import OFFICES, POSSESSIVE_PRONOUNS, RANK_MODIFIERS, ROLE_FILLER, ROLE_SPELLINGS
from ..names import fold_name
from ..records import Claim
from .base import AlignContext, Draft, JudgeContext, Kind, Sentence, quote, rule

SPELLING = ROLE_SPELLINGS
FILLER = ROLE_FILLER
ARTICLES = {"a", "an", "the", "one", "two", "three"}
# Offices that describe rather than fill a post: they sit beside any office without contradicting it.
DESCRIPTIONS = {"candidate", "leader", "head", "member", "chief", "spokesperson"}
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
# Ranks that make another office (a deputy chair is not the chair); other ranks only say more
# about the same office ("Presiding judge" is a judge), and "former" is another time.
SUBORDINATE_RANKS = {"deputy", "vice", "assistant", "acting", "interim", "associate", "co", "junior", "external",
                     "independent", "lay", "non-executive", "ordinary"}
EXCLUSIVE_MEMBERSHIP = {"external", "independent", "lay", "non-executive", "ordinary"}
ROLE_WINDOW = 14  # days: reports further apart may rightly give a person different offices
ROLE_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.'’-]*$")


@dataclass(frozen=True)
class RoleParts:
    office: str  # office class, e.g. "minister"
    portfolio: tuple[str, ...]  # e.g. ("defence",)
    jurisdiction: str | None  # e.g. "GB", when the role names a country
    rank: tuple[str, ...]  # deputy, vice, former...
    organisation: tuple[str, ...] = ()  # what "of" names: "Chief Executive Officer of Brantwick"


def role_parts(role: str, country_of=None) -> RoleParts | None:
    """Parse a role phrase; None when it names no office. `country_of(word)` maps UK/British to a code.

    The office is the title's head, its last office word before any "of" ("Chief Medical Officer of
    Pellucid": an officer, rank chief, portfolio medical); words before it are its rank, portfolio
    or jurisdiction; what follows "of" names the organisation, except for ministers and secretaries
    ("Minister for Ports and Maritime Affairs": portfolio ports, maritime affairs).
    """
    text = role.lower().replace("’", "'")
    for old, new in SPELLING.items():
        text = re.sub(rf"\b{re.escape(old)}\b", new, text)
    words = [w.strip(",.") for w in re.split(r"\s+", text) if w.strip(",.")]
    while len(words) > 2 and words[0] in ("one", "among") and words[1] == "of":
        words = words[2:]  # "one of two associate judges": the office is the judges'
    cut = next((i for i, w in enumerate(words) if w in ("of", "at", "on", "for") and i > 0), len(words))
    found = None
    for i in range(cut - 1, -1, -1):  # the head: the last office word, two-word offices first
        for size in (3, 2, 1):
            phrase = " ".join(words[i - size + 1:i + 1]) if i - size + 1 >= 0 else ""
            singular = phrase[:-1] if phrase.endswith("s") else phrase
            key = phrase if phrase in OFFICES else singular if singular in OFFICES else None
            if key and not (size == 1 and key in RANK_MODIFIERS and i < cut - 1):
                found = (OFFICES[key], set(range(i - size + 1, i + 1)))
                break
        if found:
            break
    if found is None:
        return None
    office, used = found
    organisation_words = set(range(cut + 1, len(words))) if office not in ("minister",) else set()
    rank = tuple(sorted({w for j, w in enumerate(words) if w in RANK_MODIFIERS and j not in used}))
    jurisdiction = None
    portfolio = []
    # "the Hamburg company's director": words before a possessive name whose office it is, not its portfolio.
    possessor_end = max((j for j, w in enumerate(words[:cut]) if w.endswith("'s") and j not in used), default=-1)
    for j, word in enumerate(words):
        if j in used or j in organisation_words or word in FILLER or word in RANK_MODIFIERS or word in ARTICLES:
            continue
        if j < possessor_end:
            continue
        if j == cut:
            continue
        bare = re.sub(r"'s$", "", word)
        if bare != word and bare not in POSSESSIVE_PRONOUNS:
            # "Valdoria's finance minister", "the union's president": whose office it is, not its portfolio.
            jurisdiction = jurisdiction or (country_of(bare) if country_of else None) or bare
            continue
        if bare in POSSESSIVE_PRONOUNS or bare.isdigit() or bare in NUMBER_WORDS:
            continue
        code = country_of(bare) if country_of else None
        if code:
            jurisdiction = jurisdiction or code
            continue
        if bare in ("mp",):
            continue
        portfolio.append(bare)
    organisation = tuple(words[j] for j in sorted(organisation_words)
                         if words[j] not in FILLER and words[j] not in ARTICLES)
    return RoleParts(office, tuple(sorted(set(portfolio))), jurisdiction, rank, organisation)


def _portfolios_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'harbour' ~ 'harbours', 'finance' ~ 'finances'; 'finance' is not 'foreign'."""
    return any(x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= 85) for x in a for y in b)


def role_before(tokens, name_start: int) -> tuple[int, int] | None:
    """Token span of a title right before a name ("UK Defence Secretary" John Healey, "the CEO, Jo Bloggs")."""
    if name_start > 1 and tokens[name_start - 1].text == ",":
        span = role_before(tokens, name_start - 1)
        if span is not None:
            return span
        return None
    j = name_start - 1
    start = None
    while j >= 0:
        tok = tokens[j]
        word = tok.text
        if word in ("'s", "’s") and j > 0:
            j -= 1
            continue
        if word.lower() in ("for", "of") and j > 0 and tokens[j - 1].lower_.rstrip("s") in OFFICES:
            j -= 1  # "candidate for Regional Governor", "Director of Public Health": one title
            continue
        if word in ("-", "–") and j > 0 and start is not None and tok.whitespace_ == "" and \
                tokens[j - 1].whitespace_ == "" and tokens[j - 1].text[:1].isupper():
            start = j - 1  # "Hewlett-Packard CEO": a hyphenated company name is one name
            j -= 2
            continue
        if tok.is_punct or tok.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ") and \
                word.lower() not in OFFICES and word.lower() not in RANK_MODIFIERS and not (
                    tok.tag_ == "VBG" and j + 1 < name_start and tokens[j + 1].lower_ in OFFICES):
            break  # "Presiding judge", "Returning officer": a participle that names the post stays
        if not ROLE_WORD.match(word):
            break
        start = j
        j -= 1
        if name_start - j > 7:
            break
    if start is None:
        return None
    words = " ".join(t.text.lower() for t in tokens[start:name_start])
    if not any(re.search(rf"\b{re.escape(o)}\b", words) for o in OFFICES):
        return None
    return start, name_start


def role_after(tokens, name_end: int) -> tuple[int, int] | None:
    """Token span of an appositive role after a name ("Name, the health minister,")."""
    if name_end >= len(tokens) or tokens[name_end].text != ",":
        return None
    j = name_end + 1
    if j < len(tokens) and tokens[j].lower_ in ("the", "a", "an"):
        j += 1
    start = j
    while (j < len(tokens) and j - start < 8 and not tokens[j].is_punct
           and tokens[j].pos_ not in ("VERB", "AUX", "PRON")):
        j += 1
    if j == start or j >= len(tokens) or tokens[j].text not in (",", ".", ";"):
        return None
    words = " ".join(t.text.lower() for t in tokens[start:j])
    if not any(re.search(rf"\b{re.escape(o)}\b", words) for o in OFFICES):
        return None
    return start, j


# Words of a title that can stand capitalised before a name.
TITLE_WORDS = {word for office in OFFICES for word in office.split()} | RANK_MODIFIERS | {"executive", "officer"}


def person_names(doc):
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
        if tok.pos_ != "PROPN" and tok.text[:1].isupper() and not tok.is_sent_start and k + 1 < len(doc):
            # A capitalised word the tagger took for another word class, before a name: "Per Aasland".
            return doc[k + 1].pos_ == "PROPN" and doc[k + 1].text[:1].isupper() and tok.is_alpha
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
        after_preposition = start > 0 and doc[start - 1].lower_ in ("of", "for", "at", "in", "from")
        if 2 <= len(words) <= 3 and not after_preposition:
            names.append(doc[start:j])  # not "Director of Public Health", "Officer of Pellucid Therapeutics"
        i = max(j, i + 1)
    return names


@dataclass(frozen=True)
class Role:
    """A person's office as the text words it ("UK Defence Secretary")."""

    title: str

    def __str__(self) -> str:
        return self.title

    def report_fields(self) -> dict:
        return {}

    def to_json(self) -> dict:
        return {"title": self.title}

    @classmethod
    def from_json(cls, data: dict) -> Role:
        return cls(data["title"])


def _parts(a: Claim, b: Claim, ctx: JudgeContext) -> tuple[RoleParts, RoleParts] | None:
    pa, pb = role_parts(str(a.value), ctx.country_code), role_parts(str(b.value), ctx.country_code)
    return (pa, pb) if pa is not None and pb is not None else None


def _describe(a: Claim, b: Claim, reason: str) -> str:
    return f"{quote(a)} and {quote(b)} describe {a.subject}'s role: {reason}."


@rule("role-far-apart-in-time", "compatible", """
    'Foreign Minister Ilse Varnholt' (January) / 'Prime Minister Ilse Varnholt' (June).""")
def role_far_apart_in_time(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Reports published weeks apart may rightly give a person different offices."""
    if not (a.article_date and b.article_date) or abs((a.article_date - b.article_date).days) <= ROLE_WINDOW:
        return None
    return (f"{quote(a)} and {quote(b)} were published more than {ROLE_WINDOW} days apart; "
            f"a person's office can change in between.")


@rule("former-office", "compatible", """
    'former finance director Ines Tarragó' / 'finance director Ines Tarragó'.""")
def former_office(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """A "former" office is another time, not a contradiction."""
    if "former" not in f"{a.value} {b.value}".lower():
        return None
    return _describe(a, b, "one describes a former office")


@rule("role-names-no-office", "compatible", """
    'Ilse Varnholt, a veteran of three governments' / 'Foreign Minister Ilse Varnholt'.""")
def role_names_no_office(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """One description names no office, so there is nothing to contradict."""
    if _parts(a, b, ctx) is not None:
        return None
    return _describe(a, b, "one of the roles names no office")


@rule("office-differs", "conflict", """
    'UHWF general secretary Ingrid Solvang' / 'UHWF president Ingrid Solvang'; 'Deputy Governor
    Tomas Feldt' / 'Tomas Feldt, an external member of the committee'.""")
def office_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Two offices in one organisation that one person cannot hold together.

    People hold several offices at once (a party chair who is a candidate for governor, a minister
    who chairs a summit), so different offices conflict only in one named organisation, or when one
    description excludes the other ("an external member" is no deputy governor).
    """
    parts = _parts(a, b, ctx)
    if parts is None:
        return None
    pa, pb = parts
    if pa.office == pb.office:
        return None
    if {pa.office, pb.office} & DESCRIPTIONS and not _excluding_member(pa, pb):
        return None
    if not (_same_organisation(str(a.value), str(b.value)) or _excluding_member(pa, pb)):
        return None
    return _describe(a, b, f"different offices: {pa.office} vs {pb.office}")


@rule("offices-can-coexist", "compatible", """
    'Environment Minister Radka Holubová' / 'Summit President Radka Holubová'; 'HPP chairwoman
    Margit Ellery' / 'Margit Ellery, the HPP's candidate for governor'.""")
def offices_can_coexist(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Different offices that one person may hold at once (in different bodies, or a description such
    as "candidate" or "leader" beside an office)."""
    parts = _parts(a, b, ctx)
    if parts is None or parts[0].office == parts[1].office:
        return None
    return _describe(a, b, f"{parts[0].office} and {parts[1].office} may be held together")


def _same_organisation(a: str, b: str) -> bool:
    """Both titles name one organisation: a capitalised name or acronym outside the office words."""
    def names(title: str) -> set[str]:
        named = {w.strip(",.'’s").lower() for w in re.findall(r"\b[A-Z][\w'’-]*", title)
                 if w.lower().strip(",.'’s") not in TITLE_WORDS}
        # "the union's general secretary", "president of the union": one body the reader knows
        known = re.findall(r"\b(?:the|its) (\w+)['’]s\b|\bof the (\w+)\b", title, flags=re.IGNORECASE)
        return named | {(x or y).lower() for x, y in known if (x or y).lower() not in TITLE_WORDS}
    return bool(names(a) & names(b))


def _excluding_member(pa: RoleParts, pb: RoleParts) -> bool:
    """"an external member of the committee" excludes every office of that committee."""
    return any(p.office == "member" and set(p.rank) & EXCLUSIVE_MEMBERSHIP for p in (pa, pb))


@rule("portfolio-differs", "conflict", """
    'Environment Minister Radka Holubova' / 'Industry Minister Radka Holubova'.""")
def portfolio_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Same office, different portfolios ("finance minister" / "foreign minister")."""
    parts = _parts(a, b, ctx)
    if parts is None:
        return None
    pa, pb = parts
    if not (pa.portfolio and pb.portfolio) or _portfolios_overlap(pa.portfolio, pb.portfolio):
        return None
    if _portfolios_overlap(pa.portfolio, pb.organisation) or _portfolios_overlap(pa.organisation, pb.portfolio):
        return None  # "Operations director" / "director of operations"
    return _describe(a, b, f"different portfolios: {' '.join(pa.portfolio)} vs {' '.join(pb.portfolio)}")


def _generic_possessor(role: str, jurisdiction: str) -> bool:
    """Is the role's possessor a common noun ("the company's", "the bank's") rather than a country or a name?"""
    if jurisdiction.isupper():
        return False  # a country code
    return re.search(rf"\b{re.escape(jurisdiction)}['’]s\b", role) is not None  # written in lower case


@rule("country-differs", "conflict", """
    'French Defence Minister X' / 'Belgian Defence Minister X'.""")
def country_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Same office, different countries."""
    parts = _parts(a, b, ctx)
    if parts is None:
        return None
    pa, pb = parts
    if not (pa.jurisdiction and pb.jurisdiction) or pa.jurisdiction == pb.jurisdiction:
        return None
    if _generic_possessor(str(a.value), pa.jurisdiction) or _generic_possessor(str(b.value), pb.jurisdiction):
        return None  # "the company's chief executive" names no one company against "Tremont-Vale's CEO"
    return _describe(a, b, f"different countries: {pa.jurisdiction} vs {pb.jurisdiction}")


@rule("rank-differs", "conflict", """
    'party chairwoman Margit Ellery' / 'the party's deputy chairwoman, Margit Ellery'; 'Presiding
    judge Annelise Roemer' / 'Annelise Roemer, one of two associate judges'.""")
def rank_differs(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Same office at another rank that makes it another post (deputy, vice, associate, acting...).

    A rank that only says more ("Presiding judge" against "Judge") is compatible.
    """
    parts = _parts(a, b, ctx)
    if parts is None:
        return None
    pa, pb = parts
    ra, rb = set(pa.rank) & SUBORDINATE_RANKS, set(pb.rank) & SUBORDINATE_RANKS
    if ra == rb:
        specific_a, specific_b = set(pa.rank) - SUBORDINATE_RANKS, set(pb.rank) - SUBORDINATE_RANKS
        if not (specific_a and specific_b) or specific_a == specific_b:
            return None
    return _describe(a, b, f"different rank: {' '.join(pa.rank) or 'full'} vs {' '.join(pb.rank) or 'full'}")


@rule("same-role", "agree", """
    'Defence Secretary John Healey' / 'Defense Secretary John Healey'.""")
def same_role(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Same office, portfolio, country and rank."""
    parts = _parts(a, b, ctx)
    if parts is None or parts[0] != parts[1]:
        return None
    return _describe(a, b, "same office, portfolio and country")


@rule("role-less-specific", "compatible", """
    'Minister John Healey' / 'Defence Minister John Healey'.""")
def role_less_specific(a: Claim, b: Claim, ctx: JudgeContext) -> str | None:
    """Same office; one description says less than the other."""
    return _describe(a, b, "same office; one description is less specific")


@dataclass(frozen=True)
class TitledPerson:
    """A person named with a title in one sentence (offsets in the sentence)."""

    name: str
    title: str
    start: int  # the title and the name together
    end: int
    name_token: int  # the name's last token: where the parse says what the person did


def titled_people(sentence: Sentence) -> list[TitledPerson]:
    """People named with a title: "UK Defence Secretary John Healey", "Name, the health minister,"."""
    doc = sentence.doc
    tokens = list(doc)
    found = []
    for name_span in person_names(doc):
        if sentence.gazetteer.is_place(name_span.text):
            continue
        span = role_before(tokens, name_span.start) or role_after(tokens, name_span.end)
        if span is None:
            continue
        title = doc[span[0]:span[1]].text
        name = re.sub(r"['’]s$", "", name_span.text).strip()
        start = min(doc[span[0]].idx, name_span.start_char)
        end = max(doc[span[1] - 1].idx + len(doc[span[1] - 1].text), name_span.end_char)
        found.append(TitledPerson(name, title, start, end, name_span.end - 1))
    return found


class RoleKind(Kind):
    name = "role"
    summary = "A person's office: 'UK Defence Secretary John Healey', 'Name, the health minister,'."
    value_type = Role
    needs_event = False  # a person's role is not an attribute of one event
    rules = (role_far_apart_in_time, former_office, role_names_no_office, office_differs, offices_can_coexist,
             portfolio_differs, country_differs,
             rank_differs, same_role, role_less_specific)

    def extract(self, sentence: Sentence) -> list[Draft]:
        return [Draft(self.name, self.name, person.name, Role(person.title), sentence.start + person.start,
                      sentence.start + person.end) for person in titled_people(sentence)]

    def align(self, claims: list[Claim], ctx: AlignContext) -> list[tuple[Claim, Claim]]:
        people = ctx.resolve_people([(c.article, c.subject) for c in claims])
        for claim in claims:
            claim.attribute = f"{self.name}:{fold_name(people[(claim.article, claim.subject)])}"
        return []

    def cell_key(self, claim: Claim):
        return str(claim.value).lower().replace("defense", "defence")


KIND = RoleKind()
