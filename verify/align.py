"""Stage 4, align: claims in, claims grouped by what they speak of.

Adds the attribute key of every claim, set by its kind (one person key per person however the
name is spelled, one key per kind of quantity however it is worded, one key per list of an
event...), and the groups of claims the judge compares: same event, same attribute. The stage
itself is a loop over the claim kinds; the similarity helpers it hands them live here.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from .embed import Embedder
from .kinds import Registry
from .kinds.base import Kind
from .names import fold_name, resolve_people
from .records import Claim

ITEM_SIMILARITY = 0.5  # two list items at least this close say the same thing ("safe skies" ~ "securing the skies")

# How two claims of one family are judged to speak of the same thing: a weighted similarity of the
# clause around the value (the frame, value masked), of what the value counts or measures (the
# subject) and of the verb it hangs on (the predicate), plus a bonus when the value hangs on it the
# same way ("by", "to", "from"). Calibrated on the shared development corpus (../shared/corpus/dev):
# pairs its keys align score 0.57-0.95, other pairs of one story mostly below 0.45.
FRAME_WEIGHT = 0.5
SUBJECT_WEIGHT = 0.3
PREDICATE_WEIGHT = 0.2
SAME_RELATION_BONUS = 0.05
# Values that admit each other are themselves evidence of one attribute (`Kind.agree_link_score`),
LINK_IF_VALUES_DIFFER = 0.70  # a different value is a conflict only if the rest says "same thing" strongly,
# or if the two claims are each other's closest match in their two articles (`Kind.mutual_link_score`)
# Two articles giving one exact, specific value ("8,412 patients", "58.9%") of comparable things are
# speaking of one thing on far less wording: on the development corpus such pairs scored 0.2-0.45.
DISTINCTIVE_LINK = 0.2
LOOK_ALIKE = 0.45  # claims of two articles left apart but scoring this much read alike to a reader
# Two figures given for one time ("in January") are more likely one figure than two given for
# different months; the latter may still link (a toll on Monday and on Wednesday is an update).
SAME_TIME_BONUS = 0.1
SAME_HOLDER_BONUS = 0.1  # both name whose value it is, and the names match ("the Greens" / "Green Coast Alliance")
GENERIC_SUBJECTS = {"", "amount", "be", "have", "lead", "date", "measure", "percent", "count", "number", "figure",
                    "total", "say", "do", "make", "get", "take"}
HOLDER_MATCH = 85  # rapidfuzz token_set_ratio of two holders of one figure ("the Greens" ~ "Green Coast Alliance")
NAME_ITEM_MATCH = 85  # rapidfuzz token_set_ratio of two spellings of one name in two lists


@dataclass
class ClaimGroup:
    """Claims about one attribute of one event (or of one person), to be judged together."""

    event: str | None
    attribute: str
    kind: str
    claims: list[Claim] = field(default_factory=list)
    # Two claims of different attributes that read alike: judged only for what explains their
    # different values (a later count, another period), never as a conflict.
    look_alike: bool = False


def complete_link(n: int, linked: Callable[[int, int], bool]) -> list[int]:
    """Groups in which every member is linked to every other; returns each item's group leader.

    Unlike single-link, a chain of look-alikes ("business" ~ "job" ~ "employee") never joins
    its ends.
    """
    groups: list[list[int]] = []
    for i in range(n):
        for group in groups:
            if all(linked(i, j) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return _leaders(n, groups)


def link_by_source(linked: Callable[[int, int], bool], scores: np.ndarray, source: Sequence[str]) -> list[int]:
    """Groups built strongest link first: two groups merge when every member of each links to some
    member from every article of the other. An article may word one figure twice ("around 30
    countries", "30 participating nations"); a report from elsewhere need match one of the two.
    Returns each item's group leader; the result does not depend on the items' order."""
    n = len(source)
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    pairs = sorted((-float(scores[i, j]), i, j) for i in range(n) for j in range(i + 1, n) if linked(i, j))

    def covers(xs: list[int], ys: list[int]) -> bool:
        return all(linked(x, y) for x in xs for y in ys)

    for _, i, j in pairs:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not (covers(members[gi], members[gj]) and covers(members[gj], members[gi])):
            continue
        for x in members[gj]:
            group_of[x] = gi
        members[gi].extend(members.pop(gj))
    return _leaders(n, [sorted(m) for m in members.values()])


def _leaders(n: int, groups: list[list[int]]) -> list[int]:
    leader = [0] * n
    for group in groups:
        for i in group:
            leader[i] = group[0]
    return leader


def compared_texts(claims: Sequence[Claim], kinds: Registry) -> list[str]:
    """The texts of claims that alignment and the rules compare by meaning (subjects, verbs, frames, and what
    each kind adds), each once."""
    texts: set[str] = set()
    for c in claims:
        predicate = c.context.predicate
        texts.update((c.subject, predicate, c.context.frame or c.sentence.lower(), f"{c.subject} {predicate}"))
        texts.update(kinds.get(c.kind).compared_texts(c))
    return sorted(t for t in texts if t)


class SimilarityTools:
    """The helpers kinds align (and rules judge) with: embedding similarity and clustering."""

    def __init__(self, embedder: Embedder, country_code: Callable[[str], str | None] = lambda name: None):
        self.embedder = embedder
        self.country_code = country_code  # "UK" and "United Kingdom" are one name

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        return self.embedder.similarity(a, b)

    def prefetch(self, claims: Sequence[Claim], kinds: Registry) -> None:
        """Encode in one batch the texts kinds and rules compare pair by pair: the model is several times
        faster on one large batch than on many calls of one or two texts."""
        self.embedder.encode(compared_texts(claims, kinds))

    def complete_link(self, n: int, linked: Callable[[int, int], bool]) -> list[int]:
        return complete_link(n, linked)

    def resolve_people(self, mentions: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        return resolve_people(mentions)

    def cluster_phrases(self, labels: list[str], threshold: float) -> dict[str, str]:
        """Complete-link clusters of phrases by the similarity of their head nouns.

        Maps each phrase to its cluster's most common phrase. Phrases whose modifiers differ are
        kept apart unless the whole phrases are close too ("bus lane" is not "cycle lane").
        """
        unique = sorted(set(labels))
        if not unique:
            return {}
        sim = self.similarity(unique, unique)
        heads = sorted({label.split()[-1] for label in unique})
        head_sim = self.similarity(heads, heads)
        head_index = {h: i for i, h in enumerate(heads)}

        def linked(i: int, j: int) -> bool:
            *mods_i, head_i = unique[i].split()
            *mods_j, head_j = unique[j].split()
            if mods_i and mods_j and mods_i != mods_j and sim[i, j] < threshold:
                return False
            return bool(head_sim[head_index[head_i], head_index[head_j]] >= threshold)

        leaders = complete_link(len(unique), linked)
        counts: dict[str, int] = defaultdict(int)
        for label in labels:
            counts[label] += 1
        members: dict[int, list[str]] = defaultdict(list)
        for label, leader in zip(unique, leaders):
            members[leader].append(label)
        result = {}
        for group in members.values():
            name = max(group, key=lambda x: (counts[x], -len(x), x))
            for label in group:
                result[label] = name
        return result

    def group_by_context(self, kind: Kind, claims: list[Claim]) -> list[tuple[Claim, Claim]]:
        """Group claims of one event and family that say the same thing around their values.

        Complete-link: a claim joins a group only if it links to every member, with the stronger
        evidence required where values differ. Sets `attribute` to the kind and its most common label.
        Returns the look-alike pairs: claims of two articles in different groups whose values differ
        and whose link score reaches LOOK_ALIKE.
        """
        look_alikes: list[tuple[Claim, Claim]] = []
        blocks: dict[tuple, list[Claim]] = defaultdict(list)
        used: dict[tuple, int] = defaultdict(int)
        for claim in claims:
            family = kind.family(claim)
            if family is not None:
                blocks[(claim.event, family)].append(claim)
        for members in blocks.values():
            scores = self.link_scores(members)
            mutual = mutual_best(members, scores)
            apart = _counted_apart(kind, members)
            per_holder = _per_holder_subjects(kind, members)

            def unknown_holder(a: Claim, b: Claim) -> bool:
                """Figures of a thing counted per holder (players' points): one whose holder is not said
                may be anyone's, so it is set only beside a figure it agrees with."""
                return not (a.context.holder and b.context.holder) and bool({a.subject, b.subject} & per_holder)

            def linked(i: int, j: int) -> bool:
                a, b = members[i], members[j]
                if frozenset((a.subject, b.subject)) in apart:
                    return False  # one article gives both, with different values: two things
                if unknown_holder(a, b) and not kind.agrees(a, b):
                    return False
                # "8,412 patients" / "8,412 adults": one specific figure names one thing in other words.
                specific = kind.agrees(a, b) and kind.distinctive(a) and kind.distinctive(b)
                if not holders_compatible(a.context.holder, b.context.holder):
                    return False
                if not (specific or kind.comparable(a, b, self)):
                    return False
                score = scores[i, j] + (SAME_HOLDER_BONUS if a.context.holder and b.context.holder else 0.0)
                if {a.context.relation, b.context.relation} == {"from", "to"}:
                    return False  # "cut from 4.5% to 4.25%": the level before and the level after
                if specific and score >= DISTINCTIVE_LINK:
                    return True
                if kind.agrees(a, b):
                    # One value of one named thing ("a $1.2 billion fund" / "a maritime security fund
                    # worth 1,200 million dollars") is one attribute however the sentences run.
                    return bool(score >= kind.agree_link_score or _same_head(a.subject, b.subject))
                if (i, j) in mutual:
                    return bool(score >= kind.mutual_link_score)
                return bool(score >= LINK_IF_VALUES_DIFFER)

            leaders = link_by_source(linked, scores, [c.article for c in members])
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    a, b = members[i], members[j]
                    if (leaders[i] != leaders[j] and a.article != b.article and scores[i, j] >= LOOK_ALIKE
                            and not kind.agrees(a, b) and holders_compatible(a.context.holder, b.context.holder)
                            and kind.comparable(a, b, self) and frozenset((a.subject, b.subject)) not in apart
                            and not unknown_holder(a, b)):
                        look_alikes.append((a, b))
            groups: dict[int, list[Claim]] = defaultdict(list)
            for claim, leader in zip(members, leaders):
                groups[leader].append(claim)
            for group in groups.values():
                labels: dict[str, int] = defaultdict(int)
                for claim in group:
                    labels[kind.label(claim)] += 1
                name = max(labels, key=lambda x: (labels[x], -len(x), x))
                # Groups are distinct attributes even when they share a label ("amount", "amount #2").
                key = (members[0].event, name)
                used[key] += 1
                attribute = f"{kind.name}:{name}" + (f" #{used[key]}" if used[key] > 1 else "")
                for claim in group:
                    claim.attribute = attribute
        return look_alikes

    def link_scores(self, claims: list[Claim]) -> np.ndarray:
        """Pairwise link scores (see FRAME_WEIGHT and the thresholds above). A subject that names
        nothing in particular ("amount", "be") does not count: its weight goes to the frame."""
        frames = [c.context.frame or c.sentence.lower() for c in claims]
        subjects = [c.subject for c in claims]
        predicates = [c.context.predicate or "be" for c in claims]
        frame_sim = self.similarity(frames, frames)
        subject_sim = self.similarity(subjects, subjects)
        informative = np.array([s not in GENERIC_SUBJECTS for s in subjects])
        both = informative[:, None] & informative[None, :]
        score = np.where(both, FRAME_WEIGHT * frame_sim + SUBJECT_WEIGHT * subject_sim,
                         (FRAME_WEIGHT + SUBJECT_WEIGHT) * frame_sim)
        score = score + PREDICATE_WEIGHT * self.similarity(predicates, predicates)
        relations = np.array([c.context.relation for c in claims], dtype=object)
        score = score + SAME_RELATION_BONUS * (relations[:, None] == relations[None, :])
        return score + SAME_TIME_BONUS * _time_agreement(claims)

    def items_matched(self, a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, float]]:
        """Greedy one-to-one matching of list items by meaning: (index in a, index in b, similarity).

        Names ("Leena Ferris", "St Brannock's") match by spelling, not by meaning: two people's
        names read alike to an embedding model without being one name, and "Ukraine" is not "a
        strong Ukrainian army".
        """
        if not a or not b:
            return []
        sim = self.similarity(list(a), list(b))
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                if _is_name(x) or _is_name(y):
                    sim[i, j] = 1.0 if self.same_name(x, y) else 0.0
        pairs = sorted(((float(sim[i, j]), i, j) for i in range(len(a)) for j in range(len(b))), reverse=True)
        used_a, used_b, matched = set(), set(), []
        for score, i, j in pairs:
            if score < ITEM_SIMILARITY or i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j, score))
        return sorted(matched)

    def same_name(self, a: str, b: str) -> bool:
        """One name however spelled: 'Leena Ferris' / 'Leena Ferriss', 'UK' / 'the United Kingdom'."""
        if fuzz.token_set_ratio(fold_name(a), fold_name(b)) >= NAME_ITEM_MATCH:
            return True
        code = self.country_code(a)
        return code is not None and code == self.country_code(b)


def mutual_best(claims: list[Claim], scores: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of claims from two articles that are each other's best-scoring claim in the other article.

    An article states a fact once: when the claim of one article that reads most like a claim of
    another reads most like it in return, they are two reports of one fact, even in other words.
    """
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_article[claim.article].append(i)
    best: dict[tuple[int, str], int] = {}
    for i, claim in enumerate(claims):
        for article, members in by_article.items():
            if article != claim.article:
                best[(i, article)] = max(members, key=lambda j: scores[i, j])
    pairs = set()
    for (i, _), j in best.items():
        if best.get((j, claims[i].article)) == i:
            pairs.add((i, j))
            pairs.add((j, i))
    return pairs


def _time_agreement(claims: list[Claim]) -> np.ndarray:
    """+1 where two claims' sentences give overlapping times ("3.1% in January" / "3.6% in January"),
    -1 where they give disjoint ones ("2.8% in February"), 0 where either gives none. A date's own
    words are its value, not the time of something else: two dates of one meeting may differ."""
    low = np.zeros(len(claims))
    high = np.zeros(len(claims))
    for i, c in enumerate(claims):
        if c.context.time_low and c.context.time_high and c.context.time_text not in c.text:
            low[i], high[i] = c.context.time_low.toordinal(), c.context.time_high.toordinal()
    given = high > 0
    both = given[:, None] & given[None, :]
    overlap = (low[:, None] <= high[None, :]) & (low[None, :] <= high[:, None])
    return np.where(both, np.where(overlap, 1.0, -1.0), 0.0)


def _per_holder_subjects(kind: Kind, claims: list[Claim]) -> set[str]:
    """Things counted per holder: one article gives figures of two different named holders for it, at
    one scope and with different values ("Achterberg scored 27 points and Carbajal added 22"). A host
    of a meeting and the coalition whose size is given are not two holders of one count: their figures
    differ in scope (event, membership)."""
    per_holder: set[str] = set()
    by_key: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.context.holder:
            scope = claim.value.report_fields().get("scope")
            by_key[(claim.article, claim.subject, scope)].append(claim)
    for (_, subject, _), own in by_key.items():
        if any(not holders_compatible(a.context.holder, b.context.holder) and not kind.agrees(a, b)
               for x, a in enumerate(own) for b in own[x + 1:]):
            per_holder.add(subject)
    return per_holder


def _counted_apart(kind: Kind, claims: list[Claim]) -> set[frozenset[str]]:
    """Pairs of subjects one sentence gives side by side with different values and different head nouns
    ("three touchdowns and two interceptions", "24 points and 13 rebounds"): whatever their words'
    closeness, they are two things, in that article and in every other."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.subject:
            by_sentence[(claim.article, claim.sentence_start)].append(claim)
    apart: set[frozenset[str]] = set()
    for own in by_sentence.values():
        for x in range(len(own)):
            for y in range(x + 1, len(own)):
                a, b = own[x], own[y]
                if a.subject != b.subject and not _same_head(a.subject, b.subject) and not kind.agrees(a, b):
                    apart.add(frozenset((a.subject, b.subject)))
    return apart


def _same_head(a: str, b: str) -> bool:
    """Subjects with the same head noun that says what the value is ("fund" / "security fund")."""
    head = a.split()[-1] if a else ""
    return bool(head) and head == (b.split()[-1] if b else "") and a not in GENERIC_SUBJECTS and \
        b not in GENERIC_SUBJECTS


def _is_name(item: str) -> bool:
    """Every word capitalised (or a joining word): "Estmark", "Hollins Lane Infants", "St Brannock's"."""
    words = item.split()
    return bool(words) and all(w[:1].isupper() or w in ("of", "de", "la", "the", "van", "von") for w in words)


def holders_compatible(a: str, b: str) -> bool:
    """Two figures' holders may be the same one: either is unknown, or their names match."""
    if not a or not b:
        return True
    return fuzz.token_set_ratio(fold_name(a), fold_name(b)) >= HOLDER_MATCH or _stem_subset(a, b)


def _stem_subset(a: str, b: str) -> bool:
    """'the Greens' and 'Green Coast Alliance': every word of one, give or take a plural s, is in the other."""
    wa = {w.rstrip("s") for w in fold_name(a).split() if w != "the"}
    wb = {w.rstrip("s") for w in fold_name(b).split() if w != "the"}
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def align(claims: list[Claim], kinds: Registry, tools: SimilarityTools) -> list[ClaimGroup]:
    """Let every kind set its claims' attribute keys, then group claims by (event, attribute)."""
    by_kind: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_kind[claim.kind].append(claim)
    tools.prefetch(claims, kinds)
    look_alikes = [pair for kind in kinds for pair in kind.align(by_kind[kind.name], tools)]
    groups: dict[tuple, ClaimGroup] = {}
    for claim in claims:
        kind = kinds.get(claim.kind)
        if claim.event is None and kind.needs_event:
            continue  # a figure of no known event has nothing to be compared with
        key = (claim.event, claim.attribute)
        group = groups.setdefault(key, ClaimGroup(claim.event, claim.attribute, claim.kind))
        group.claims.append(claim)
    ordered = [groups[k] for k in sorted(groups, key=lambda k: (k[0] or "", k[1]))]
    for a, b in look_alikes:
        a, b = sorted((a, b), key=lambda c: (c.article, c.start))
        ordered.append(ClaimGroup(a.event, a.attribute, a.kind, [a, b], look_alike=True))
    return ordered
